// A page's words with their places, read by pdf.js (no drawing): where a signature goes on the
// last page (between the signer's title and name), where the số and the date are left blank.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextLine } from '../../shared/domain/stampPlace.js';
import { groupLines, itemBox, type TextItemLike, type Viewport } from './pageMap.js';

export interface PageText {
  /** 0-based. */
  page: number;
  width: number;
  height: number;
  /** pdf.js's runs of text, in display points from the top-left. */
  items: TextLine[];
  lines: TextLine[];
}

/** pdf.js takes over the buffer it is given: a copy is passed. `page` 0-based, or 'last'. */
export async function readPageText(bytes: Uint8Array, page: number | 'last'): Promise<PageText> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: false })
    .promise;
  try {
    const index = page === 'last' ? doc.numPages - 1 : page;
    const p = await doc.getPage(index + 1);
    const viewport = p.getViewport({ scale: 1 }) as Viewport;
    const content = await p.getTextContent();
    const items = (content.items as TextItemLike[]).filter((i) => 'str' in i && i.str.trim()).map((i) => itemBox(i, viewport));
    p.cleanup();
    return { page: index, width: viewport.width, height: viewport.height, items, lines: groupLines(items) };
  } finally {
    await doc.destroy();
  }
}
