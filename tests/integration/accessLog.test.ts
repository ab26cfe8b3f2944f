// Who looked at what (Appendix VI 5a, 6a, 6b, 6l) and the mark on copies (6k), through the real
// backend: views, downloads and prints tallied by user, PC and day; Lịch sử truy cập and the
// admin's report; a PDF copy marked on every page while the stored original stays byte for byte.
import { hostname } from 'node:os';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { markCopy } from '../../electron/pdf/copyMark.js';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdfPages.js';
import { hasPoppler, pdftotext } from '../helpers/pdfText.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { SAMPLE, setUpOffice, type Caller, type Office } from '../helpers/office.js';
import { manualClock } from '../helpers/tempStore.js';
import { leavingThePc } from '../../db/secrets/syncBoundary.js';
import type { Change } from '../../shared/sync/protocol.js';
import { firstDesktop, joinDesktop } from '../helpers/syncDesktops.js';
import { startSyncServer } from '../helpers/syncServer.js';

let office: Office;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock('2026-11-23T02:00:00Z');
  office = await setUpOffice({ now: clock.now });
});
afterEach(() => office.cleanup());

async function withPdf(extra: Record<string, unknown> = {}) {
  const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, receivedAt: '2026-11-23T01:00:00Z', ...extra });
  const original = await samplePdf(3);
  const file = await office.backend.attachments.add(
    { userId: null },
    { documentId: doc.id, name: 'ke-hoach.pdf', source: Readable.from([Buffer.from(original)]) },
  );
  return { doc, file, original };
}

/** The unsent outbox changes of a table, as sync would read them before the secret boundary. */
function outboxOf(table: string): Change[] {
  const rows = office.t.store.sqlite
    .prepare('SELECT change_id, hlc, table_name, row_id, fields FROM outbox WHERE sent_at IS NULL AND table_name = ? ORDER BY seq')
    .all(table) as { change_id: string; hlc: string; table_name: string; row_id: string; fields: string }[];
  return rows.map((r) => ({
    changeId: r.change_id,
    hlc: r.hlc,
    table: r.table_name as Change['table'],
    rowId: r.row_id,
    fields: JSON.parse(r.fields) as Change['fields'],
  }));
}

async function copy(who: Caller, id: string, purpose: 'download' | 'print') {
  const r = await office.backend.call({ token: who.token, transport: 'ipc' }, 'attachments.copy', { id, purpose });
  if (!r.result.ok) throw new Error(r.result.error.message);
  return r.result.value as { name: string; mime: string; bytes: Uint8Array };
}

describe('Lịch sử truy cập', () => {
  it('counts a look once however often the detail reloads, every download and print, by user and PC', async () => {
    const { doc, file } = await withPdf();
    for (let i = 0; i < 5; i++) await office.clerk.ok('incoming.get', { id: doc.id }); // one look, reloaded
    clock.advance(11 * 60 * 1000);
    await office.clerk.ok('incoming.get', { id: doc.id }); // a second look
    await office.specialist.ok('incoming.get', { id: doc.id });
    await copy(office.specialist, file.id, 'download');
    await copy(office.specialist, file.id, 'download');
    await copy(office.leader, file.id, 'print');

    const history = await office.leader.ok('access.history', { documentId: doc.id });
    const of = (name: string, action: string) => history.find((h) => h.userName === name && h.action === action);
    expect(of('Người vanthu', 'view')).toMatchObject({ count: 2, fileName: null, pcName: hostname() });
    expect(of('Người chuyenvien', 'view')).toMatchObject({ count: 1 });
    expect(of('Người chuyenvien', 'download')).toMatchObject({ count: 2, fileName: 'ke-hoach.pdf' });
    expect(of('Người lanhdao', 'print')).toMatchObject({ count: 1, fileName: 'ke-hoach.pdf' });

    // The admin's report by user and period; a day outside it shows nothing.
    const report = await office.admin.ok('access.report', { from: '2026-11-23', to: '2026-11-23' });
    expect(report.find((r) => r.userName === 'Người chuyenvien')).toMatchObject({ views: 1, downloads: 2, prints: 0, things: 1 });
    expect(report.find((r) => r.userName === 'Người vanthu')).toMatchObject({ views: 2, downloads: 0 });
    expect(await office.admin.ok('access.report', { from: '2026-11-24', to: '2026-11-30' })).toEqual([]);
    expect((await office.admin.fail('access.report', { from: '2026-11-30', to: '2026-11-01' })).field).toBe('to');
    const printed = await office.backend.call({ token: office.admin.token, transport: 'ipc' }, 'access.print', {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    if (!printed.result.ok) throw new Error(printed.result.error.message);
    const text = (await pageTexts((printed.result.value as { bytes: Uint8Array }).bytes)).join('\n');
    expect(text).toContain('BÁO CÁO TRUY CẬP TÀI LIỆU');
    expect(text).toContain('Người chuyenvien');

    // Who may read it: not a specialist; the report is the admin's.
    expect((await office.specialist.fail('access.history', { documentId: doc.id })).code).toBe('FORBIDDEN');
    expect((await office.clerk.fail('access.report', { from: '2026-11-01', to: '2026-11-30' })).code).toBe('FORBIDDEN');
    expect((await office.leader.fail('access.history', {})).message).toBe('Chọn một văn bản hoặc một hồ sơ.');
  });

  it('records a dossier viewed and printed', async () => {
    const d = await office.specialist.ok('dossiers.open', {
      year: 2026,
      title: 'Hồ sơ tuyển sinh lớp 10 năm học 2026-2027',
      notation: '01.TS',
      retention: '10',
    });
    await office.specialist.ok('dossiers.get', { id: d.id });
    await office.backend.call({ token: office.specialist.token, transport: 'ipc' }, 'dossiers.print', { id: d.id });
    const history = await office.clerk.ok('access.history', { dossierId: d.id });
    expect(history.map((h) => [h.userName, h.action, h.count]).sort()).toEqual([
      ['Người chuyenvien', 'print', 1],
      ['Người chuyenvien', 'view', 1],
    ]);
  });

  it('sends one change per tally row however many looks, and keeps a secret document’s rows on its PC', async () => {
    const { doc } = await withPdf();
    for (let i = 0; i < 30; i++) {
      clock.advance(11 * 60 * 1000);
      await office.clerk.ok('incoming.get', { id: doc.id });
    }
    const tallies = outboxOf('access_log');
    // 30 looks over one day: one row, one change carrying the whole row.
    expect(tallies).toHaveLength(1);
    expect(tallies[0]!.fields).toMatchObject({ count: 30, action: 'view', document_id: doc.id, user_id: expect.any(String) });

    const secret = await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: '9/M-BCA',
      confidentiality: 'mat',
      receivedAt: '2026-11-23T01:00:00Z',
    });
    await office.clerk.ok('incoming.get', { id: secret.id });
    const secretTally = outboxOf('access_log').find((c) => c.fields.document_id === secret.id);
    expect(secretTally).toBeDefined();
    expect(leavingThePc(office.t.store, secretTally!)).toBeNull();
  });
});

describe.skipIf(!hasPoppler())('the mark on copies (Bản in/tải từ VănThư; read back with poppler)', () => {
  it('marks every page of a downloaded or printed PDF with the name and time; the original never changes', async () => {
    const { file, original } = await withPdf();
    const downloaded = await copy(office.specialist, file.id, 'download');
    expect([downloaded.name, downloaded.mime]).toEqual(['ke-hoach.pdf', 'application/pdf']);
    expect(await pageTexts(downloaded.bytes)).toHaveLength(3);
    // The mark is an annotation's appearance: poppler draws it as a reader does.
    for (const page of [1, 2, 3])
      expect(pdftotext(downloaded.bytes, page)).toContain('Bản in/tải từ VănThư — Người chuyenvien — 23/11/2026 09:00');
    // An appended revision: the stored file's bytes are the copy's first bytes, and the store still has them.
    expect(Buffer.from(downloaded.bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const stored = await office.backend.attachments.content(file.id);
    expect(Buffer.from(stored.bytes).equals(Buffer.from(original))).toBe(true);
    const printed = await copy(office.leader, file.id, 'print');
    expect(pdftotext(printed.bytes, 3)).toContain('Bản in/tải từ VănThư — Người lanhdao');

    // The office turns the mark off for downloads: the copy is the original itself; prints keep it.
    const s = await office.admin.ok('settings.office');
    await office.admin.ok('settings.saveOffice', { ...s, copyMarks: { print: true, download: false } });
    expect((await office.admin.ok('settings.office')).copyMarks).toEqual({ print: true, download: false });
    expect(Buffer.from((await copy(office.specialist, file.id, 'download')).bytes).equals(Buffer.from(original))).toBe(true);
    expect(pdftotext((await copy(office.specialist, file.id, 'print')).bytes)).toContain('Bản in/tải từ VănThư');
  });

  it('marks a 10,000-page PDF on every page (one shared appearance; the pages are not rewritten)', async () => {
    const d = await PDFDocument.create();
    const font = await d.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 10_000; i++) d.addPage([595, 842]).drawText(`Trang ${i}`, { x: 50, y: 800, size: 12, font });
    const big = await d.save();
    const marked = await markCopy(big, 'Bản in/tải từ VănThư — Người vanthu — 23/11/2026 09:00');
    expect(marked.pages).toBe(10_000);
    for (const page of [1, 5_000, 10_000]) {
      const text = pdftotext(marked.bytes, page);
      expect(text).toContain(`Trang ${page}`);
      expect(text).toContain('Bản in/tải từ VănThư — Người vanthu');
    }
    // One small dictionary a page, not a copy of it.
    expect(marked.bytes.length - big.length).toBeLessThan(1000 * 10_000);
  }, 120_000);

  it('gives a file that is not a PDF as its bytes, unmarked, and never with a type a browser would open', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, receivedAt: '2026-11-23T01:00:00Z' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').addRow(['Trường THPT Phan Đình Phùng', 42]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const file = await office.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'danh-sach.xlsx', source: Readable.from([xlsx]) },
    );
    const c = await copy(office.clerk, file.id, 'download');
    expect(c.mime).toBe('application/octet-stream');
    expect(Buffer.from(c.bytes).equals(xlsx)).toBe(true);
    expect((await office.leader.ok('access.history', { documentId: doc.id }))[0]).toMatchObject({
      action: 'download',
      fileName: 'danh-sach.xlsx',
    });
  });

  it('refuses a broken or encrypted PDF with the reason, and a secret document’s file to one who may not read it', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, receivedAt: '2026-11-23T01:00:00Z' });
    const broken = await office.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'hong.pdf', source: Readable.from([Buffer.from('%PDF-1.7\n garbage that is no PDF\n%%EOF')]) },
    );
    const err = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'attachments.copy', {
      id: broken.id,
      purpose: 'print',
    });
    expect(err.result.ok).toBe(false);
    if (!err.result.ok) expect(err.result.error.message).toMatch(/Tệp gốc vẫn giữ nguyên|bị hỏng/);

    await office.admin.ok('pc.setAirGapped', { airGapped: true });
    const { file } = await withPdf({ code: '10/M-BCA', confidentiality: 'mat' });
    const refused = await office.backend.call({ token: office.specialist.token, transport: 'ipc' }, 'attachments.copy', {
      id: file.id,
      purpose: 'download',
    });
    expect(refused.result.ok ? 'ok' : refused.result.error.code).toBe('FORBIDDEN');
  });
});

describe('across the office’s PCs', () => {
  it('the admin on another PC sees who looked on this one, with this PC’s name', async () => {
    const server = await startSyncServer();
    const a = await firstDesktop(server.url, await server.code('SGD-HT'));
    const b = await joinDesktop('B', server.url, await server.code('SGD-HT'));
    try {
      const doc = await a.clerk.ok('incoming.register', { ...SAMPLE, receivedAt: new Date().toISOString() });
      await a.clerk.ok('incoming.get', { id: doc.id });
      await a.sync();
      await b.sync();
      const day = new Date().toISOString().slice(0, 10);
      const report = await b.admin.ok('access.report', { from: '2026-01-01', to: `${Number(day.slice(0, 4)) + 1}-12-31` });
      expect(report.find((r) => r.userName === 'Người vanthu')).toMatchObject({ views: 1, things: 1 });
      expect((await b.admin.ok('access.history', { documentId: doc.id }))[0]).toMatchObject({ action: 'view', pcName: hostname() });
    } finally {
      await a.cleanup();
      await b.cleanup();
      await server.close();
    }
  });
});
