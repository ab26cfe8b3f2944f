// The arrival stamp on the PDFs offices really receive: it lands in the top-left corner of the
// page as the reader sees it, reads "ĐẾN" and the number, and never touches the original.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFNumber, degrees, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stampArrival, type StampText } from '../../electron/pdf/arrivalStamp.js';
import { findRedInk, hasPoppler, pdftotext } from '../helpers/pdfText.js';
import { sharedTestdata } from '../helpers/sharedTestdata.js';

const TEXT: StampText = {
  unitName: 'Ủy ban nhân dân xã Hàm Yên',
  number: 127,
  date: '27/11/2026',
  forwardTo: 'Tổ Chuyên môn',
  dossier: '01.TCCB',
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const poppler = hasPoppler();
if (!poppler) console.log('pdftoppm/pdftotext (poppler-utils) not found: the rendering checks are skipped');

async function makePdf(
  opts: {
    size?: [number, number];
    rotate?: number;
    crop?: [number, number, number, number];
    media?: [number, number, number, number];
    userUnit?: number;
    pages?: number;
  } = {},
) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (opts.pages ?? 1); i++) {
    const page = doc.addPage(opts.size ?? [595.28, 841.89]);
    if (opts.media) page.setMediaBox(...opts.media);
    page.drawText(`Page ${i + 1} body text`, { x: 72, y: 300, size: 12, font });
    if (opts.crop) page.setCropBox(...opts.crop);
    if (opts.rotate) page.setRotation(degrees(opts.rotate));
    if (opts.userUnit) page.node.set(PDFName.of('UserUnit'), PDFNumber.of(opts.userUnit));
  }
  return doc.save();
}

/** The stamp must sit in the top-left quarter of the page as displayed, inside the page. */
function expectTopLeft(bytes: Uint8Array, original?: Uint8Array) {
  if (!poppler) return;
  const ink = findRedInk(bytes, 36, original);
  expect(ink.box, 'no stamp ink found on the rendered page').not.toBeNull();
  const b = ink.box!;
  expect(b.left).toBeGreaterThanOrEqual(0);
  expect(b.top).toBeGreaterThanOrEqual(0);
  expect(b.right).toBeLessThan(ink.width * 0.6);
  expect(b.bottom).toBeLessThan(ink.height * 0.6);
  // Wider than tall, like the 50×35 mm box, as the reader sees it.
  expect(b.right - b.left).toBeGreaterThan(b.bottom - b.top);
  return { ink, b };
}

describe('dấu ĐẾN on our own fixtures', () => {
  const cases: [string, Parameters<typeof makePdf>[0]][] = [
    ['an A4 portrait page', {}],
    ['a page turned 90°', { rotate: 90 }],
    ['a page turned 180°', { rotate: 180 }],
    ['a page turned 270°', { rotate: 270 }],
    ['a CropBox offset inside the MediaBox', { crop: [120, 200, 380, 500] }],
    ['a CropBox larger than the MediaBox', { crop: [-100, -100, 900, 1100] }],
    ['a MediaBox with a negative origin', { media: [-99, -99, 612, 792] }],
    ['a landscape page turned 270° with an offset crop', { size: [842, 595], rotate: 270, crop: [50, 40, 700, 500] }],
  ];
  for (const [name, opts] of cases) {
    it(name, async () => {
      const original = await makePdf({ ...opts, pages: 3 });
      const before = sha(original);
      const result = await stampArrival(original, TEXT);
      expect(sha(original)).toBe(before);
      expect(result.pages).toBe(3);
      expect((await PDFDocument.load(result.bytes)).getPageCount()).toBe(3);
      if (poppler) {
        const text = pdftotext(result.bytes);
        expect(text).toContain('ĐẾN');
        expect(text).toContain('Số:');
        expect(text).toMatch(/\b127\b/);
        expect(text).toContain('27/11/2026');
        expect(text).toContain('ỦY BAN NHÂN DÂN');
        expect(text).toContain('01.TCCB');
      }
      expectTopLeft(result.bytes);
    });
  }

  it('keeps its physical size under /UserUnit 2', async () => {
    const plain = await stampArrival(await makePdf({ size: [300, 420] }), TEXT);
    const scaled = await stampArrival(await makePdf({ size: [150, 210], userUnit: 2 }), TEXT);
    expect(scaled.placement.scale).toBe(1);
    if (!poppler) return;
    // Both pages are 300×420 pt to the reader; the stamp takes the same share of each, whether or
    // not the renderer itself honours /UserUnit.
    const a = findRedInk(plain.bytes);
    const b = findRedInk(scaled.bytes);
    const share = (i: typeof a) => (i.box!.right - i.box!.left) / i.width;
    expect(Math.abs(share(a) - share(b))).toBeLessThan(0.03);
  });

  it('never shrinks below legible on a tiny page (a margin is added) and stays 50 mm wide on a huge one', async () => {
    const tiny = await stampArrival(await makePdf({ size: [100, 70] }), TEXT);
    expect(tiny.placement.scale).toBeGreaterThanOrEqual(0.7);
    expect(tiny.placement.how).toBe('extended');
    if (poppler) {
      const ink = findRedInk(tiny.bytes, 144);
      const b = ink.box!;
      expect(b.left).toBeGreaterThan(0);
      expect(b.top).toBeGreaterThan(0);
      expect(b.right).toBeLessThan(ink.width - 1);
      expect(b.bottom).toBeLessThan(ink.height - 1);
    }
    const huge = await stampArrival(await makePdf({ size: [3000, 3000] }), TEXT);
    expect(huge.placement.scale).toBe(1);
    if (poppler) {
      const ink = findRedInk(huge.bytes, 18);
      const widthMm = ((ink.box!.right - ink.box!.left) / 18) * 25.4;
      expect(widthMm).toBeGreaterThan(45);
      expect(widthMm).toBeLessThan(55);
    }
  });

  it('refuses a truncated file with a clear message', async () => {
    const bytes = await makePdf({ pages: 2 });
    await expect(stampArrival(bytes.slice(0, 300), TEXT)).rejects.toMatchObject({
      code: 'PDF_BROKEN',
      message: expect.stringMatching(/bị hỏng/),
    });
    await expect(stampArrival(new TextEncoder().encode('không phải PDF'), TEXT)).rejects.toMatchObject({ code: 'PDF_BROKEN' });
  });

  it('refuses a PDF with no pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    await expect(stampArrival(empty, TEXT)).rejects.toMatchObject({ code: 'PDF_BROKEN', message: expect.stringMatching(/không có trang/) });
  });
});

const shared = sharedTestdata('pdf', 'dấu ĐẾN on the real-world PDFs');
const TESTDATA = shared.dir;
const index = shared.present
  ? readFileSync(join(TESTDATA, 'INDEX.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
  : [];

describe.skipIf(index.length === 0)('dấu ĐẾN on real-world PDFs (shared/testdata/pdf)', () => {
  for (const [file, , special, expected] of index) {
    it(`${file}: ${expected!.split(':')[0]}`, async () => {
      const bytes = new Uint8Array(readFileSync(join(TESTDATA, file!)));
      const before = sha(bytes);
      const outcome = await stampArrival(bytes, TEXT).then(
        (r) => ({ ok: true as const, r }),
        (e: { code?: string; message: string }) => ({ ok: false as const, e }),
      );
      expect(sha(bytes)).toBe(before);
      if (expected!.startsWith('REFUSE') && !expected!.includes('or reconstruct')) {
        expect(outcome.ok, `${file} should be refused (${special})`).toBe(false);
      }
      if (!outcome.ok) {
        expect(['PDF_ENCRYPTED', 'PDF_BROKEN']).toContain(outcome.e.code);
        expect(outcome.e.message).toMatch(/PDF/);
        if (/encrypt/i.test(expected!)) expect(outcome.e.code).toBe('PDF_ENCRYPTED');
        return;
      }
      expect(expected).not.toMatch(/^REFUSE: (encrypted|corrupt)/);
      const stamped = outcome.r;
      expect((await PDFDocument.load(stamped.bytes, { ignoreEncryption: true })).getPageCount()).toBe(stamped.pages);
      if (file === 'signed_verified.pdf') expect(stamped.signed).toBe(true);
      if (file === 'xfa_issue14315.pdf') expect(stamped.xfa).toBe(true);
      if (poppler) {
        expect(pdftotext(stamped.bytes)).toContain('ĐẾN');
        if (expected!.startsWith('TRICKY')) expectTopLeft(stamped.bytes, bytes);
      }
    });
  }
});
