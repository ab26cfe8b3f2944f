// The số and the day and month written into an issued document's blanks before the office signs
// (the leader signed it unnumbered): one appended revision holding a locked stamp annotation per
// blank, black, in Tinos (Times New Roman's metrics) — the page and the leader's signed bytes stay
// as they were, and his signature is told that only annotations came after it.
import { rgb } from '@cantoo/pdf-lib';
import { AppearanceInk } from '../appearanceInk.js';
import { issueBlanks } from '../../../shared/domain/issueBlanks.js';
import { embedTinos, tinosWidth } from '../fonts.js';
import { addStampAnnotation } from '../incremental.js';
import { pageSpace } from '../arrivalStamp.js';
import { loadPdf } from '../pdfFacts.js';
import { readPageText } from '../pageText.js';

export async function fillIssueBlanks(bytes: Uint8Array, fill: { number: string; day: string; month: string }): Promise<Uint8Array> {
  const first = await readPageText(bytes, 0);
  const blanks = issueBlanks(first.items, fill, tinosWidth);
  if (blanks.length === 0) return bytes;
  const doc = await loadPdf(bytes, { incremental: true, purpose: 'sign' });
  const page = doc.getPage(0);
  const space = pageSpace(page);
  const { regular } = await embedTinos(doc);
  for (const blank of blanks) {
    const width = regular.widthOfTextAtSize(blank.text, blank.size);
    const height = blank.size * 1.3;
    const left = blank.alignRight ? blank.x - width : blank.x;
    const box = { x: left, y: space.height - blank.baseline - blank.size * 0.3, width, height };
    const ink = new AppearanceInk();
    ink.drawText(blank.text, { x: 0, y: blank.size * 0.3, size: blank.size, font: regular, color: rgb(0, 0, 0) });
    addStampAnnotation(
      page,
      space,
      box,
      { operators: ink.operators, fonts: ink.fontResources() },
      { name: 'VanThuSo', contents: blank.text },
    );
  }
  const filled = await doc.save();
  // The leader's signature holds only while his signed bytes are where they were.
  if (!Buffer.from(filled.buffer, filled.byteOffset, bytes.length).equals(Buffer.from(bytes))) throw new Error('not an appended revision');
  return filled;
}
