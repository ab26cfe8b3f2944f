// The text of attached PDFs in search: read in the background (in a real worker thread too),
// found without diacritics, shown with the words around the match; scans, encrypted and
// damaged files marked, never an error.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextIndexer, MAX_TEXT_FILE_BYTES } from '../../electron/text/textIndexer.js';
import { addAttachment } from '../../db/attachments/attachments.js';
import { fileTextStatus, saveFileText } from '../../db/attachments/fileTexts.js';
import { fileExcerpt } from '../../db/search/fileSearch.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { scannedPdf, slowPdf, vietnamesePdf } from '../helpers/pdfFixtures.js';
import { bundleForTest } from '../helpers/bundle.js';
import { sharedTestdata } from '../helpers/sharedTestdata.js';

const shared = sharedTestdata('pdf', 'search of real-world PDFs (encrypted, damaged, signed)');
const TESTDATA = shared.dir;
let office: Office;

beforeAll(async () => {
  office = await setUpOffice({}, { ocr: true });
});
afterAll(async () => {
  await office.backend.attachments.texts.close();
  office.cleanup();
});

const attach = (documentId: string, bytes: Uint8Array, name: string) =>
  office.backend.attachments.add({ userId: null }, { documentId, name, source: Readable.from([Buffer.from(bytes)]) });
let serial = 0;
const register = (summary: string, receivedAt?: string) =>
  office.clerk.ok('incoming.register', {
    ...SAMPLE,
    code: `${++serial}/TB-UBND`,
    issuedDate: '2026-01-05',
    summary,
    ...(receivedAt ? { receivedAt } : {}),
  });
const search = async (q: string, extra: Record<string, unknown> = {}) =>
  (await office.specialist.ok('search.query', { q, ...extra })).items;

describe('text of attached files', () => {
  it('finds a document by words only its PDF holds, without diacritics, with the words around them', async () => {
    const doc = await register('Về việc tham gia hội nghị');
    const pdf = await vietnamesePdf([
      ['ỦY BAN NHÂN DÂN HUYỆN NỘI THÀNH', 'Kính gửi: các trường trung học cơ sở'],
      ['Phần thứ hai', 'Thành phần: hiệu trưởng và giáo viên dạy giỏi cấp huyện', 'Địa điểm: hội trường Nhà văn hóa'],
    ]);
    const a = await attach(doc.id, pdf, 'giay-moi.pdf');
    expect(a.textLayer).toBe('pending');
    await office.backend.attachments.texts.idle();
    expect((await office.specialist.ok('attachments.list', { documentId: doc.id }))[0]?.textLayer).toBe('text');

    for (const q of ['giao vien day gioi', 'Giáo viên dạy giỏi', 'GIÁO VIÊN'.normalize('NFD'), 'nha van hoa', 'dia diem']) {
      const hit = (await search(q)).find((h) => h.id === doc.id);
      expect(hit, q).toBeDefined();
      expect(hit!.inFile?.name).toBe('giay-moi.pdf');
      const { excerpt, highlights } = hit!.inFile!;
      expect(highlights.length, q).toBeGreaterThan(0);
      const marked = highlights.map(([s, e]) => excerpt.slice(s, e).normalize('NFC'));
      expect(marked.join(' ').toLowerCase(), q).toMatch(/giáo|dạy|nhà|văn|hóa|địa|điểm/);
    }
    expect((await search('khong co tu nay trong tep')).find((h) => h.id === doc.id)).toBeUndefined();
  });

  it('ranks a match in the register above one only inside a file, and keeps the filters', async () => {
    const own = await register('Kế hoạch bồi dưỡng thường xuyên giáo viên', '2026-02-10T02:00:00Z');
    const inFile = await register('Về việc triển khai nhiệm vụ', '2026-03-20T02:00:00Z');
    await attach(inFile.id, await vietnamesePdf([['Triển khai kế hoạch bồi dưỡng thường xuyên cho cán bộ quản lý']]), 'phu-luc.pdf');
    await office.backend.attachments.texts.idle();
    const hits = (await search('boi duong thuong xuyen')).map((h) => h.id);
    expect(hits.indexOf(own.id)).toBeGreaterThanOrEqual(0);
    expect(hits.indexOf(inFile.id)).toBeGreaterThan(hits.indexOf(own.id));
    expect((await search('boi duong thuong xuyen', { kinds: ['outgoing'] })).map((h) => h.id)).not.toContain(inFile.id);
    const march = (await search('boi duong thuong xuyen', { from: '2026-03-01', to: '2026-03-31' })).map((h) => h.id);
    expect(march).toContain(inFile.id);
    expect(march).not.toContain(own.id);
  });

  it.skipIf(!shared.present)('marks a scan, an encrypted and a damaged PDF, and search stays quiet about them', async () => {
    const doc = await register('Văn bản quét');
    const scan = await attach(doc.id, await scannedPdf(), 'ban-quet.pdf');
    const locked = await attach(doc.id, readFileSync(join(TESTDATA, 'pr6531_2.pdf')), 'co-mat-khau.pdf');
    const broken = await attach(doc.id, readFileSync(join(TESTDATA, 'bug1020226.pdf')), 'hong.pdf');
    await office.backend.attachments.texts.idle();
    const byId = new Map((await office.specialist.ok('attachments.list', { documentId: doc.id })).map((a) => [a.id, a.textLayer]));
    // A scan with no writing on it: read by OCR, and marked as holding none.
    expect(byId.get(scan.id)).toBe('ocr_empty');
    expect(byId.get(locked.id)).toBe('encrypted');
    expect(byId.get(broken.id)).toBe('failed');
    // Said at attach time, with what the clerk can do — not first when she stamps (#16).
    expect(locked.notice).toMatch(/có mật khẩu.*xin cơ quan gửi bản không đặt mật khẩu/);
    expect(broken.notice).toMatch(/bị hỏng/);
    expect(scan.notice).toBeUndefined();
    expect(await search('quet')).toEqual(expect.arrayContaining([expect.objectContaining({ id: doc.id, inFile: null })]));
  });

  it('finds the words deep in a long text, not inside another word', () => {
    const sha = 'e'.repeat(64);
    const filler = 'Nội dung phụ lục kèm theo văn bản. '.repeat(1500); // ~52,000 characters: several chunks
    saveFileText(office.t.store, sha, {
      status: 'text',
      pages: 40,
      pagesWithText: 40,
      text: `${filler}Xhoạch định. ${filler}Kế hoạch tuyển sinh lớp mười năm học mới`,
    });
    const { excerpt, highlights } = fileExcerpt(office.t.store, sha, 'hoach tuyen sinh');
    expect(excerpt).toMatch(/Kế hoạch tuyển sinh lớp mười/);
    expect(highlights.map(([a, b]) => excerpt.slice(a, b))).toEqual(expect.arrayContaining(['hoạch', 'tuyển', 'sinh']));
  });

  it('forgets a detached file', async () => {
    const doc = await register('Công văn có phụ lục');
    const a = await attach(doc.id, await vietnamesePdf([['Danh sách học sinh đạt giải olympic tiếng Anh']]), 'danh-sach.pdf');
    await office.backend.attachments.texts.idle();
    expect((await search('olympic tieng anh')).map((h) => h.id)).toContain(doc.id);
    await office.clerk.ok('attachments.remove', { id: a.id });
    expect((await search('olympic tieng anh')).map((h) => h.id)).not.toContain(doc.id);
  });

  it.skipIf(!shared.present)('reads the text of the shared real-world PDFs without an error', async () => {
    const doc = await register('Tệp thực tế');
    for (const name of ['empty.pdf', 'xref_command_missing.pdf', 'signed_verified.pdf', 'issue21436.pdf', 'with_update_sections.pdf']) {
      await attach(doc.id, readFileSync(join(TESTDATA, name)), name);
    }
    await office.backend.attachments.texts.idle();
    const marks = (await office.specialist.ok('attachments.list', { documentId: doc.id })).map((a) => a.textLayer);
    expect(marks).toHaveLength(5);
    for (const m of marks) expect(['text', 'ocr', 'ocr_empty', 'ocr_partial', 'encrypted', 'failed']).toContain(m);
  });
});

describe('the bundled worker thread', () => {
  let dir = '';
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('reads text off the request thread, marks a huge file, and survives a file that breaks it', async () => {
    const bundled = await bundleForTest(join(import.meta.dirname, '../../electron/text/textWorker.ts'), 'textWorker');
    dir = bundled.dir;
    const workerFile = bundled.file;
    const doc = await register('Tệp đọc trong luồng riêng');
    const bytes = await vietnamesePdf([['Quyết định khen thưởng tập thể lao động xuất sắc']]);
    const a = await attach(doc.id, bytes, 'khen-thuong.pdf');
    await office.backend.attachments.texts.idle();
    // A real file that breaks pdf.js where the shared folder is there; a made-up broken one elsewhere.
    const breaking = shared.present
      ? readFileSync(join(TESTDATA, 'REDHAT-1531897-0.pdf'))
      : Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const broken = await attach(doc.id, breaking, 'hong.pdf');
    await office.backend.attachments.texts.idle();
    // Forget what the in-thread reader found, so a worker-backed indexer reads them again.
    office.t.store.sqlite.prepare('DELETE FROM file_texts').run();
    // A 64 MB+ PDF record whose bytes are on disk: its text is not read (pdf.js holds it all in memory).
    const hugeSha = 'f'.repeat(64);
    mkdirSync(dirname(office.backend.attachments.blobs.path(hugeSha)), { recursive: true });
    writeFileSync(office.backend.attachments.blobs.path(hugeSha), Buffer.alloc(MAX_TEXT_FILE_BYTES + 1));
    addAttachment(
      office.t.store,
      { userId: null },
      {
        documentId: doc.id,
        name: 'rat-lon.pdf',
        mime: 'application/pdf',
        kind: 'pdf',
        size: MAX_TEXT_FILE_BYTES + 1,
        pages: null,
        sha256: hugeSha,
        role: 'original',
        parentId: null,
        signed: false,
      },
    );
    const indexer = new TextIndexer(office.t.store, office.backend.attachments.blobs, { workerFile });
    indexer.kick();
    await indexer.idle();
    await indexer.close();
    expect(fileTextStatus(office.t.store, a.sha256)).toBe('text');
    expect(fileTextStatus(office.t.store, broken.sha256)).toBe('failed');
    expect(fileTextStatus(office.t.store, hugeSha)).toBe('too_large');
    expect((await search('lao dong xuat sac')).map((h) => h.id)).toContain(doc.id);
  });

  it('gives a file that will not end its turn and goes on; quitting does not wait for it (#16)', async () => {
    const workerFile = (await bundleForTest(join(import.meta.dirname, '../../electron/text/textWorker.ts'), 'textWorker')).file;
    // The backend's own indexer reads in this thread (tests run from source): these two are the test's.
    await office.backend.attachments.texts.close();
    office.t.store.sqlite.prepare('DELETE FROM file_texts').run();
    const doc = await register('Tệp nặng xếp hàng trước');
    const paused = new TextIndexer(office.t.store, office.backend.attachments.blobs, { workerFile });
    const bomb = await attach(doc.id, await slowPdf(1_000_000), 'bom-nen.pdf');
    const next = await attach(doc.id, await vietnamesePdf([['Công văn xếp sau tệp nặng vẫn được đọc']]), 'xep-sau.pdf');

    const started = Date.now();
    const indexer = new TextIndexer(office.t.store, office.backend.attachments.blobs, { workerFile, perFileMs: 1500 });
    indexer.kick();
    await indexer.idle();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(fileTextStatus(office.t.store, bomb.sha256)).toBe('failed');
    expect(fileTextStatus(office.t.store, next.sha256)).toBe('text');
    await indexer.close();

    // Quitting mid-file ends the worker at once, and the file is not marked: it is read next start.
    office.t.store.sqlite.prepare('DELETE FROM file_texts WHERE sha256 = ?').run(bomb.sha256);
    paused.kick();
    await new Promise((r) => setTimeout(r, 500));
    const quitting = Date.now();
    await paused.close();
    expect(Date.now() - quitting).toBeLessThan(2000);
    expect(fileTextStatus(office.t.store, bomb.sha256)).toBe('pending');
  });
});
