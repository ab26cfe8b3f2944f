// dấu ĐẾN goes where the decree's practice puts it — under the số/ký hiệu, under a công văn's
// trích yếu, under the date line — and never over the page's text: checked as a reader would,
// by poppler's word boxes of the original against the stamp's red ink on the stamped page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts, degrees, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stampArrival, type StampText } from '../../electron/pdf/arrivalStamp.js';
import { readPageMap } from '../../electron/pdf/pageMap.js';
import { MIN_STAMP_SCALE, STAMP_WIDTH } from '../../shared/domain/stampPlace.js';
import { SAMPLE_LETTER, SAMPLE_PLAN, crowdedPdf, decree30Pdf } from '../helpers/decree30.js';
import {
  darkPixelsInside,
  findRedInk,
  hasPoppler,
  pdftotext,
  popplerPageSize,
  popplerRenders,
  wordBoxes,
  type WordBox,
} from '../helpers/pdfText.js';
import { sharedTestdata } from '../helpers/sharedTestdata.js';

const TEXT: StampText = { unitName: 'Sở Giáo dục và Đào tạo Hà Tĩnh', number: 57, date: '02/12/2026', forwardTo: null, dossier: null };
const poppler = hasPoppler();
if (!poppler) console.log('poppler-utils not found: the checks against word boxes are skipped');

async function stamp(original: Uint8Array, opts: { rule?: 'decree' | 'corner'; place?: { x: number; y: number; scale: number } } = {}) {
  const reading = await readPageMap(original.slice(), { image: false }).catch(() => null);
  return stampArrival(original, TEXT, { rule: opts.rule ?? 'decree', corner: 'top-left', map: reading?.map ?? null, place: opts.place });
}

/** The stamp's red ink on page 1, in points from the top-left (72 dpi: a pixel is a point). */
function stampBox(stamped: Uint8Array, original: Uint8Array) {
  const ink = findRedInk(stamped, 72, original);
  expect(ink.box, 'the stamp is not on the rendered page').not.toBeNull();
  return ink.box!;
}

function overlapping(words: WordBox[], b: { left: number; top: number; right: number; bottom: number }) {
  return words.filter((w) => w.x0 < b.right && w.x1 > b.left && w.y0 < b.bottom && w.y1 > b.top);
}

function expectClearOfText(stamped: Uint8Array, original: Uint8Array) {
  if (!poppler) return null;
  const box = stampBox(stamped, original);
  const hit = overlapping(wordBoxes(original), box);
  expect(
    hit.map((w) => w.text),
    'words of the original under the stamp',
  ).toEqual([]);
  return box;
}

function expectOpens(bytes: Uint8Array) {
  if (!poppler) return;
  expect(popplerPageSize(bytes), 'pdfinfo cannot read the stamped copy').not.toBeNull();
  expect(popplerRenders(bytes), 'pdftoppm cannot draw the stamped copy').toBe(true);
  expect(pdftotext(bytes)).toContain('ĐẾN');
}

describe('where dấu ĐẾN goes on a Decree 30 page', () => {
  it('a kế hoạch: in the blank under the số/ký hiệu, clear of every word', async () => {
    const original = await decree30Pdf(SAMPLE_PLAN);
    const r = await stamp(original);
    expect(r.placement.how).toBe('below-number');
    expect(r.placement.scale).toBe(1);
    expectOpens(r.bytes);
    const box = expectClearOfText(r.bytes, original);
    if (!box) return;
    const number = wordBoxes(original).find((w) => w.text === 'Số:')!;
    expect(box.top).toBeGreaterThan(number.y1);
    expect(box.left).toBeLessThan(number.x1 + 40);
  });

  it('a công văn: under its trích yếu (V/v …), not over it', async () => {
    const original = await decree30Pdf(SAMPLE_LETTER);
    const r = await stamp(original);
    expect(r.placement.how).toBe('below-subject');
    const box = expectClearOfText(r.bytes, original);
    if (!box) return;
    const subjectEnd = wordBoxes(original).find((w) => w.text === '2019')!; // the trích yếu's second line
    expect(box.top).toBeGreaterThan(subjectEnd.y1);
  });

  it('the "corner" rule takes the blank nearest the chosen corner instead', async () => {
    const original = await decree30Pdf(SAMPLE_PLAN);
    const r = await stamp(original, { rule: 'corner' });
    expect(r.placement.how).toBe('blank');
    expectClearOfText(r.bytes, original);
  });

  it('a page crowded with text: the emptiest place, legible, on a white ground that hides what is under it', async () => {
    const original = await crowdedPdf();
    const r = await stamp(original);
    expect(r.placement.how).toBe('emptiest');
    expect(r.placement.scale).toBe(MIN_STAMP_SCALE);
    expectOpens(r.bytes);
    if (!poppler) return;
    // The page's words under the stamp stay in the text layer but do not show through it.
    const box = stampBox(r.bytes, original);
    expect(box.right - box.left).toBeGreaterThan(STAMP_WIDTH * MIN_STAMP_SCALE - 4);
    expect(overlapping(wordBoxes(original), box).length).toBeGreaterThan(0);
    expect(darkPixelsInside(r.bytes, box)).toBe(0);
  });

  it('a page too small for a legible stamp gets a margin added under it, the original page untouched', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([100, 70]).drawText('Tiny receipt', { x: 8, y: 40, size: 9, font });
    const original = await doc.save();
    const r = await stamp(original);
    expect(r.placement.how).toBe('extended');
    expect(r.placement.scale).toBeGreaterThanOrEqual(MIN_STAMP_SCALE);
    expectOpens(r.bytes);
    if (!poppler) return;
    const size = popplerPageSize(r.bytes)!;
    expect(size.height).toBeGreaterThan(70 + r.placement.height);
    expect(size.width).toBeGreaterThanOrEqual(r.placement.width);
    expectClearOfText(r.bytes, original);
  });

  it('drawn content counts as ink: a table and a scanned picture are not stamped over', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    // A table drawn across the top third, and a "scan" (a picture of dark text) below it.
    for (let y = 600; y <= 820; y += 20) page.drawLine({ start: { x: 20, y }, end: { x: 575, y }, thickness: 1 });
    const canvas = createCanvas(400, 200);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 400, 200);
    ctx.fillStyle = '#202020';
    ctx.font = '28px serif';
    for (let i = 0; i < 6; i++) ctx.fillText('Bản quét văn bản đến', 10, 30 + i * 32);
    const png = await doc.embedPng(canvas.toBuffer('image/png'));
    page.drawImage(png, { x: 20, y: 380, width: 400, height: 200 });
    const original = await doc.save();
    const r = await stamp(original);
    expect(r.placement.how).toBe('blank');
    if (!poppler) return;
    const box = stampBox(r.bytes, original);
    // Display points from the top: the table ends at 841.89-600 ≈ 242, the picture spans 262…462 for x < 420.
    const overTable = box.top < 242;
    const overPicture = box.top < 462 && box.bottom > 262 && box.left < 420;
    expect(overTable || overPicture, `stamp at ${JSON.stringify(box)}`).toBe(false);
  });

  it('the clerk’s own place is kept, within the page', async () => {
    const original = await decree30Pdf(SAMPLE_PLAN);
    const r = await stamp(original, { place: { x: 300, y: 500, scale: 0.8 } });
    expect(r.placement).toMatchObject({ how: 'chosen', x: 300, y: 500, scale: 0.8 });
    if (!poppler) return;
    const box = stampBox(r.bytes, original);
    expect(Math.abs(box.left - 300)).toBeLessThan(3);
    expect(Math.abs(box.top - 500)).toBeLessThan(3);
    const outside = await stamp(original, { place: { x: 5000, y: -40, scale: 1 } });
    expect(outside.placement.x + outside.placement.width).toBeLessThanOrEqual(595.28);
    expect(outside.placement.y).toBe(0);
  });

  it('a page turned 90°: placed in the page as read, clear of its text', async () => {
    const doc = await PDFDocument.load(await decree30Pdf(SAMPLE_PLAN));
    doc.getPage(0).setRotation(degrees(90));
    const original = await doc.save();
    const r = await stamp(original);
    expect(['below-number', 'below-subject', 'below-date', 'blank']).toContain(r.placement.how);
    expectOpens(r.bytes);
    expectClearOfText(r.bytes, original);
  });
});

describe('files pdf-lib could load but not stamp', () => {
  it('a page whose /Resources is a stream is stamped, not a 500', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('Resources as a stream', { x: 72, y: 700, size: 14, font, color: rgb(0, 0, 0) });
    const dict = page.node.Resources()!;
    page.node.set(PDFName.of('Resources'), doc.context.register(PDFRawStream.of(dict, new Uint8Array(0))));
    const original = await doc.save();
    const r = await stamp(original);
    expectOpens(r.bytes);
    if (poppler) expect(pdftotext(r.bytes)).toContain('Resources as a stream');
  });

  it('object numbers near 2³¹: the stamped copy opens in poppler', async () => {
    const original = hugeObjectNumbers();
    expect((await PDFDocument.load(original)).getPageCount()).toBe(1);
    const r = await stamp(original);
    expectOpens(r.bytes);
    if (poppler) expect(pdftotext(r.bytes)).toContain('Hello');
  });
});

/** A hand-written PDF whose objects are numbered from 2,147,483,000. */
function hugeObjectNumbers(): Uint8Array {
  const n = 2_147_483_000;
  const content = 'BT /F1 24 Tf 72 700 Td (Hello) Tj ET';
  const objects = [
    `<< /Type /Catalog /Pages ${n + 1} 0 R >>`,
    `<< /Type /Pages /Kids [${n + 2} 0 R] /Count 1 >>`,
    `<< /Type /Page /Parent ${n + 1} 0 R /MediaBox [0 0 595 842] /Contents ${n + 3} 0 R /Resources << /Font << /F1 ${n + 4} 0 R >> >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${n + i} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n${n} ${objects.length}\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${n + objects.length} /Root ${n} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const shared = sharedTestdata('pdf', 'stamp placement on the real-world PDFs');
const rows = shared.present
  ? readFileSync(join(shared.dir, 'INDEX.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .filter(([, , , expected]) => /^(STAMP-OK|TRICKY)/.test(expected!))
  : [];

describe.skipIf(rows.length === 0 || !poppler)('stamp placement on real-world PDFs (shared/testdata/pdf)', () => {
  for (const [file] of rows) {
    it(`${file}: opens in poppler, clear of the page’s words`, async () => {
      const original = new Uint8Array(readFileSync(join(shared.dir, file!)));
      const r = await stamp(original).catch((e: { code?: string }) => e);
      if (!('bytes' in r)) {
        expect(['PDF_BROKEN', 'PDF_ENCRYPTED']).toContain(r.code);
        return;
      }
      expectOpens(r.bytes);
      if (!popplerPageSize(original)) return;
      if (r.placement.how === 'emptiest') {
        // No blank of a legible stamp's size on this page: what is under it does not show through.
        expect(r.placement.scale).toBe(MIN_STAMP_SCALE);
        expect(darkPixelsInside(r.bytes, stampBox(r.bytes, original))).toBe(0);
      } else expectClearOfText(r.bytes, original);
    });
  }
});
