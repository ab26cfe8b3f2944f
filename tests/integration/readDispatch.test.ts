// The registration form filled from the document (#16): a dispatch read before it is registered —
// its text layer, or OCR of a scan — gives what a clerk would type; the file goes with the
// document on save, only for the clerk who read it.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LETTER, SAMPLE_PLAN, decree30Pdf } from '../helpers/decree30.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { scanOf } from '../helpers/scans.js';

let office: Office;
beforeAll(async () => {
  office = await setUpOffice();
});
afterAll(async () => {
  await office.backend.attachments.texts.close();
  office.cleanup();
});

const clerkId = () => (office.t.store.sqlite.prepare("SELECT id FROM users WHERE username = 'vanthu'").get() as { id: string }).id;
const read = (bytes: Uint8Array, name: string) =>
  office.backend.attachments.readForRegistration(clerkId(), { name, source: Readable.from([Buffer.from(bytes)]) });

describe('reading a dispatch before registering it', () => {
  it('a kế hoạch with a text layer: organ (both lines), số ký hiệu, date, type, trích yếu, signer', async () => {
    const r = await read(await decree30Pdf(SAMPLE_PLAN), 'ke-hoach.pdf');
    expect(r.source).toBe('text');
    expect(r.pages).toBe(1);
    expect(r.fields).toMatchObject({
      agency: 'Sở Giáo dục và Đào tạo Hà Tĩnh',
      code: '142/KH-SGDĐT',
      issuedDate: '2019-02-26',
      type: 'KH',
      summary: 'Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh lớp 12 năm học 2018 - 2019',
      signer: 'Nguyễn Văn Minh',
    });
    expect(r.fields.recipients).toEqual(['Các trường THPT', 'Lưu: VT, GDTrH']);
  });

  it('a scanned công văn marked KHẨN, read by OCR, the organ spelled as the office already knows it', async () => {
    // The office has registered from this organ before: the suggestion takes its spelling.
    await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      agency: 'Bộ Giáo dục và Đào tạo',
      code: '1/BGDĐT-VP',
      issuedDate: '2026-01-05',
    });
    const scan = await scanOf(await decree30Pdf(SAMPLE_LETTER), { dpi: 200, skew: 1, seal: true, specks: 300 });
    const r = await read(scan.pdf, 'cong-van-quet.pdf');
    expect(r.source).toBe('ocr');
    expect(r.fields).toMatchObject({
      agency: 'Bộ Giáo dục và Đào tạo',
      code: '1234/BGDĐT-GDTrH',
      issuedDate: '2020-01-05',
      type: 'CV',
      urgency: 'khan',
    });
    expect(r.fields.summary).toMatch(/^V\/v hướng dẫn thực hiện nhiệm vụ/);
  }, 60_000);

  it('attaches the file read to the document registered from it — for that clerk only, once', async () => {
    const r = await read(await decree30Pdf(SAMPLE_PLAN), 'ke-hoach.pdf');
    const doc = await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: r.fields.code!,
      issuedDate: r.fields.issuedDate!,
      summary: r.fields.summary!,
    });
    // Another user of the registrars' role cannot take a token that is not theirs.
    await office.admin.ok('users.create', {
      username: 'vanthu2',
      fullName: 'Văn thư hai',
      password: 'mat-khau-dai-du-12',
      roles: ['clerk'],
    });
    const other = office.caller();
    await other.ok('auth.login', { username: 'vanthu2', password: 'mat-khau-dai-du-12' });
    expect((await other.fail('incoming.attachRead', { documentId: doc.id, token: r.token })).code).toBe('NOT_FOUND');
    const a = await office.clerk.ok('incoming.attachRead', { documentId: doc.id, token: r.token });
    expect(a).toMatchObject({ name: 'ke-hoach.pdf', kind: 'pdf', pages: 1 });
    expect((await office.clerk.fail('incoming.attachRead', { documentId: doc.id, token: r.token })).code).toBe('NOT_FOUND');
    expect((await office.specialist.fail('incoming.attachRead', { documentId: doc.id, token: r.token })).code).toBe('FORBIDDEN');
  });

  it('refuses what is not a PDF or a picture, and reads nothing from a broken PDF without failing', async () => {
    await expect(read(new TextEncoder().encode('PK\u0003\u0004 not really a docx'), 'x.docx')).rejects.toMatchObject({ code: 'FILE_TYPE' });
    const broken = await read(new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF'), 'hong.pdf');
    expect(broken.source).toBe('none');
    expect(broken.fields).toEqual({});
    expect(broken.notice).toMatch(/bị hỏng/);
  });
});
