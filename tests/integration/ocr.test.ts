// Scans made searchable on this PC (#16): a scanned PDF, a photographed page, a scan fed upside
// down are read by OCR in the bundled worker, page by page, with the Vietnamese model that ships
// with the app; a photograph is marked as holding no text; the clerk can stop and go on.
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTextRow } from '../../db/attachments/fileTexts.js';
import { bundleForTest } from '../helpers/bundle.js';
import { SAMPLE_LETTER, SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { cer, photoPng, readingOrder, scanOf, scannedPages } from '../helpers/scans.js';
import { popplerPageSize, wordBoxes } from '../helpers/pdfText.js';
import { foldVietnamese } from '../../shared/text/searchKey.js';

let office: Office;

beforeAll(async () => {
  const worker = await bundleForTest(join(import.meta.dirname, '../../electron/text/textWorker.ts'), 'textWorker');
  office = await setUpOffice({}, { textWorker: worker.file, ocr: true });
}, 60_000);
afterAll(async () => {
  await office.backend.attachments.texts.close();
  office.cleanup();
});

let serial = 0;
const register = (summary: string) =>
  office.clerk.ok('incoming.register', { ...SAMPLE, code: `${++serial}/KH-SGDĐT`, issuedDate: '2026-11-05', summary });
const attach = (documentId: string, bytes: Uint8Array, name: string) =>
  office.backend.attachments.add({ userId: null }, { documentId, name, source: Readable.from([Buffer.from(bytes)]) });
const files = (documentId: string) => office.clerk.ok('attachments.list', { documentId });
const search = async (q: string) => (await office.specialist.ok('search.query', { q })).items;

describe('OCR of scans', () => {
  it('a scanned kế hoạch at 200 dpi, askew with a seal, becomes text search finds without diacritics', async () => {
    const original = await decree30Pdf(SAMPLE_PLAN);
    const scan = await scanOf(original, { dpi: 200, skew: 1.5, specks: 600, seal: true });
    const doc = await register('Kế hoạch (bản quét)');
    const a = await attach(doc.id, scan.pdf, 'ke-hoach-quet.pdf');
    await office.backend.attachments.texts.idle();
    const [file] = await files(doc.id);
    expect(file!.textLayer).toBe('ocr');
    // Words only the scan holds, typed without diacritics.
    const hits = await search('nang khieu doi tuyen');
    expect(hits.map((h) => h.id)).toContain(doc.id);
    expect(hits.find((h) => h.id === doc.id)!.inFile).toMatchObject({ name: 'ke-hoach-quet.pdf' });
    const text = (office.t.store.sqlite.prepare('SELECT text FROM file_texts WHERE sha256 = ?').get(a.sha256) as { text: string }).text;
    expect(cer(await readingOrder(original), text)).toBeLessThan(0.05);

    // The hit on the page: where “Căn” (top left, far from the centre) stands on the scan as the
    // scanner turned it (1.5° about the centre), found again from the words' boxes OCR kept.
    const found = await office.specialist.ok('attachments.hits', { id: a.id, q: 'can cu' });
    expect(found.read).toBe(true);
    expect(found.pages.map((p) => p.page)).toEqual([1]);
    const size = popplerPageSize(original)!;
    const truth = wordBoxes(original).find((w) => foldVietnamese(w.text) === 'can')!;
    const turn = (1.5 * Math.PI) / 180;
    const [dx, dy] = [(truth.x0 + truth.x1) / 2 - size.width / 2, (truth.y0 + truth.y1) / 2 - size.height / 2];
    const at = [
      (dx * Math.cos(turn) - dy * Math.sin(turn) + size.width / 2) / size.width,
      (dx * Math.sin(turn) + dy * Math.cos(turn) + size.height / 2) / size.height,
    ];
    const centres = found.pages[0]!.boxes.map(([x0, y0, x1, y1]) => [(x0 + x1) / 2, (y0 + y1) / 2]);
    const nearest = Math.min(...centres.map(([x, y]) => Math.hypot(x! - at[0]!, (y! - at[1]!) * (size.height / size.width))));
    // (Read off the straightened page and not turned back, the mark stands 2 % of the page away.)
    expect(nearest).toBeLessThan(0.014);
    // Someone who may not read the document cannot ask where its words are.
    expect((await office.anon.fail('attachments.hits', { id: a.id, q: 'nang' })).code).toBe('UNAUTHENTICATED');
  }, 120_000);

  it('a file with a text layer keeps no word boxes: the preview finds them in its text', async () => {
    const doc = await register('Kế hoạch (bản điện tử)');
    const a = await attach(doc.id, await decree30Pdf(SAMPLE_PLAN), 'ke-hoach.pdf');
    await office.backend.attachments.texts.idle();
    expect(await office.specialist.ok('attachments.hits', { id: a.id, q: 'nang khieu' })).toEqual({ read: false, pages: [] });
  }, 60_000);

  it('a photographed page (JPEG) and a scan fed upside down are read too', async () => {
    const letter = await scanOf(await decree30Pdf(SAMPLE_LETTER), { dpi: 200, skew: -1, seal: true });
    const doc = await register('Công văn chụp ảnh');
    await attach(doc.id, letter.jpeg, 'cong-van.jpg');
    const flipped = await scannedPages((await scanOf(await decree30Pdf(SAMPLE_PLAN), { dpi: 200 })).jpeg, 1, { upsideDown: true });
    const other = await register('Bản quét ngược');
    await attach(other.id, flipped, 'nguoc.pdf');
    await office.backend.attachments.texts.idle();
    expect((await files(doc.id))[0]!.textLayer).toBe('ocr');
    expect((await files(other.id))[0]!.textLayer).toBe('ocr');
    expect((await search('giao duc trung hoc')).map((h) => h.id)).toContain(doc.id);
    expect((await search('hoc sinh gioi cap tinh')).map((h) => h.id)).toContain(other.id);
  }, 120_000);

  it('a photograph with no writing is marked so, not left waiting', async () => {
    const doc = await register('Ảnh hiện trường');
    await attach(doc.id, photoPng(), 'anh.png');
    await office.backend.attachments.texts.idle();
    expect((await files(doc.id))[0]!.textLayer).toBe('ocr_empty');
  }, 60_000);

  it('a malformed picture is marked unreadable, and does not take the program down with it', async () => {
    // PNG's signature, then filler: @napi-rs/canvas's own decoder ends the process on this (SIGSEGV).
    const bad = Buffer.alloc(100_000, 0x41);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(bad, 0);
    const doc = await register('Ảnh hỏng');
    await attach(doc.id, bad, 'anh-hong.png');
    await office.backend.attachments.texts.idle();
    expect((await files(doc.id))[0]!.textLayer).toBe('failed');
  }, 60_000);

  it('shows its progress page by page; the clerk stops it (what was read stays searchable) and goes on', async () => {
    const scan = await scanOf(await decree30Pdf(SAMPLE_LETTER), { dpi: 200 });
    const doc = await register('Hồ sơ quét nhiều trang');
    const a = await attach(doc.id, await scannedPages(scan.jpeg, 3), 'nhieu-trang.pdf');
    let seen = null;
    for (let i = 0; i < 300 && !seen; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const f = (await files(doc.id))[0]!;
      if (f.ocr && f.ocr.done >= 1) seen = f.ocr;
    }
    expect(seen).toMatchObject({ pages: 3 });
    await office.clerk.ok('attachments.ocrStop', { id: a.id });
    await office.backend.attachments.texts.idle();
    const stopped = fileTextRow(office.t.store, a.sha256)!;
    expect(stopped.status).toBe('ocr_stopped');
    expect((await files(doc.id))[0]!.ocr).toBeNull();
    expect((await search('huong dan thuc hien nhiem vu')).map((h) => h.id)).toContain(doc.id);

    await office.clerk.ok('attachments.ocrResume', { id: a.id });
    await office.backend.attachments.texts.idle();
    expect(fileTextRow(office.t.store, a.sha256)!.status).toBe('ocr');
  }, 180_000);
});
