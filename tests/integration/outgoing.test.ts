// Văn bản đi: numbers and symbols per series, lấy số, ban hành, hủy, replies that close the
// loop, and the year's book closed after printing.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdfPages.js';
import { markPrinted } from '../../db/registers/books.js';
import { writeSetting } from '../../db/core/settings.js';
import { PASSWORD, SAMPLE, setUpOffice, type Office } from '../helpers/office.js';

let office: Office;
let vp: string;
const setting = async (key: string, value: unknown) => writeSetting(office.t.store, await office.as(), key, value);

beforeEach(async () => {
  office = await setUpOffice();
  vp = (await office.admin.ok('departments.create', { name: 'Văn phòng', code: 'VP' })).id;
});
afterEach(() => office.cleanup());

const issue = (extra: Record<string, unknown> = {}) =>
  office.clerk.ok('outgoing.issue', {
    type: 'CV',
    departmentId: vp,
    summary: 'V/v tổ chức Hội khỏe Phù Đổng cấp tỉnh',
    issuedDate: '2026-03-02',
    signerName: 'Nguyễn Văn Quản',
    signerPosition: 'Trưởng phòng',
    recipients: 'Các trường THCS trên địa bàn;\nLưu: VT, VP.',
    keptCopies: 'Văn phòng',
    copies: 12,
    ...extra,
  });

describe('numbers and symbols', () => {
  it('runs one general series across types, 01–09 written with a zero', async () => {
    const a = await issue();
    const b = await issue({ type: 'KH', summary: 'Kế hoạch kiểm tra nội bộ' });
    expect([a.code, b.code]).toEqual(['01/SGDĐT-VP', '02/KH-SGDĐT']);
    expect([a.number, b.number]).toEqual([1, 2]);
    expect(a.bookName).toBe('Sổ văn bản đi 2026');
    expect(a).toMatchObject({ signerName: 'Nguyễn Văn Quản', copies: 12, status: 'phat_hanh' });
  });

  it('previews the next symbol without taking it; lấy số takes it for good', async () => {
    const p1 = await office.clerk.ok('outgoing.preview', { type: 'QĐ', departmentId: vp });
    const p2 = await office.clerk.ok('outgoing.preview', { type: 'QĐ', departmentId: vp });
    expect(p1).toEqual(p2);
    expect(p1.code).toBe('01/QĐ-SGDĐT');
    const reserved = await office.clerk.ok('outgoing.reserve', { type: 'QĐ', departmentId: vp, summary: null });
    expect([reserved.code, reserved.status]).toEqual(['01/QĐ-SGDĐT', 'da_cap_so']);
    expect((await office.clerk.ok('outgoing.preview', { type: 'CV', departmentId: vp })).code).toBe('02/SGDĐT-VP');
    const issued = await issue({ id: reserved.id, type: 'QĐ', summary: 'Quyết định thành lập Ban tổ chức' });
    expect([issued.id, issued.code, issued.status, issued.summary]).toEqual([
      reserved.id,
      '01/QĐ-SGDĐT',
      'phat_hanh',
      'Quyết định thành lập Ban tổ chức',
    ]);
    const changed = await office.clerk.fail('outgoing.issue', { ...issuedInput(), id: reserved.id });
    expect(changed.code).toBe('CONFLICT');
  });

  it('keeps confidential documents in their own series', async () => {
    await issue();
    const secret = await issue({ confidentiality: 'mat', summary: 'Đề thi dự phòng' });
    // Its own numbers from 01, with the mark that keeps số + ký hiệu unique in the year.
    expect([secret.number, secret.code, secret.bookName]).toEqual([1, '01/SGDĐT-VP-M', 'Sổ văn bản đi mật 2026']);
  });

  it('never gives a cancelled number again', async () => {
    await issue();
    const second = await issue();
    const cancelled = await office.clerk.ok('outgoing.cancel', { id: second.id, reason: 'Sai nơi nhận, ban hành lại' });
    expect(cancelled.cancelled).toBe(true);
    const third = await issue();
    expect(third.code).toBe('03/SGDĐT-VP');
    const list = await office.leader.ok('outgoing.list');
    expect(list.items.map((d) => [d.code, d.cancelled])).toEqual([
      ['03/SGDĐT-VP', false],
      ['02/SGDĐT-VP', true],
      ['01/SGDĐT-VP', false],
    ]);
  });

  it('refuses the same number and symbol twice in a year', async () => {
    for (let i = 0; i < 3; i++) await issue({ type: 'QĐ' }); // 01, 02, 03/QĐ-SGDĐT in the general series
    await setting('outgoing.typeSeries', ['QĐ']); // now QĐ gets its own series, starting again at 01
    const clash = await office.clerk.fail('outgoing.issue', { ...issuedInput(), type: 'QĐ' });
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toContain('01/QĐ-SGDĐT đã dùng trong năm 2026');
  });

  it('refuses wrong input in Vietnamese', async () => {
    const future = await office.clerk.fail('outgoing.issue', { ...issuedInput(), issuedDate: '2099-01-01' });
    expect([future.code, future.field]).toEqual(['VALIDATION', 'issuedDate']);
    const prefix = await office.clerk.fail('outgoing.issue', { ...issuedInput(), signerPrefix: 'XYZ' });
    expect(prefix.message).toContain('TM., KT., TL., Q., TUQ.');
    const noSigner = await office.clerk.fail('outgoing.issue', { ...issuedInput(), signerName: ' ' });
    expect(noSigner.message).toBe('Chưa nhập người ký.');
    expect((await office.specialist.fail('outgoing.issue', issuedInput())).code).toBe('FORBIDDEN');
  });
});

function issuedInput() {
  return {
    type: 'CV',
    departmentId: vp,
    summary: 'V/v báo cáo',
    issuedDate: '2026-03-02',
    signerName: 'Nguyễn Văn Quản',
    recipients: 'Như trên',
  };
}

describe('the office’s own symbols (Danh mục)', () => {
  it('changes the abbreviation and a type’s pattern, audited and synced like any change', async () => {
    const before = await office.clerk.ok('settings.symbols');
    expect(before.types.find((t) => t.code === 'CV')).toMatchObject({
      pattern: '{so}/{coquan}-{donvi}',
      example: '05/SGDĐT-VP',
      custom: false,
    });
    const saved = await office.clerk.ok('settings.saveSymbols', { organ: 'SGDĐTNT', patterns: { TB: '{so}/TB-{coquan}-{donvi}' } });
    expect(saved.types.find((t) => t.code === 'TB')).toMatchObject({ custom: true, example: '05/TB-SGDĐTNT-VP' });
    expect((await issue({ type: 'TB', summary: 'Thông báo lịch họp' })).code).toBe('01/TB-SGDĐTNT-VP');
    const bad = await office.clerk.fail('settings.saveSymbols', { organ: 'PGD ĐT', patterns: {} });
    expect(bad.message).toBe('Chữ viết tắt chỉ gồm chữ và số, không dấu cách.');
    expect((await office.clerk.fail('settings.saveSymbols', { organ: 'SGDĐT', patterns: { CV: '{coquan}-{x}' } })).message).toContain(
      '{so}',
    );
    expect((await office.specialist.fail('settings.saveSymbols', { organ: 'X', patterns: {} })).code).toBe('FORBIDDEN');
    const outbox = office.t.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE table_name = 'settings' AND row_id = 'symbols'")
      .get() as { n: number };
    expect(outbox.n).toBe(1);
    expect((await office.admin.ok('audit.verify')).ok).toBe(true);
  });
});

describe('a reply closes the loop', () => {
  it('records its số/ký hiệu on the incoming document and completes the lead task', async () => {
    const users = await office.admin.ok('users.list');
    const leaderId = users.find((u) => u.username === 'lanhdao')!.id;
    const specId = users.find((u) => u.username === 'chuyenvien')!.id;
    const incoming = await office.clerk.ok('incoming.register', { ...SAMPLE });
    await office.clerk.ok('incoming.submit', { id: incoming.id, leaderId });
    await office.leader.ok('incoming.assign', {
      id: incoming.id,
      direction: 'Tham mưu văn bản trả lời',
      lead: { userId: specId, deadline: '2099-12-31' },
    });
    const reply = await issue({ replyTo: [incoming.id], completeReplied: true, summary: 'V/v trả lời Kế hoạch 142/KH-BGDĐT' });
    const h = await office.clerk.ok('incoming.handling', { id: incoming.id });
    expect(h).toMatchObject({ status: 'hoan_thanh', replyCode: reply.code });
    expect(h.tasks[0]).toMatchObject({ status: 'hoan_thanh', replyCode: reply.code });
    expect((await office.clerk.ok('incoming.followUp')).items[0]!.replyCode).toBe(reply.code);
    expect((await office.clerk.ok('outgoing.replies', { id: reply.id })).map((r) => r.code)).toEqual(['142/KH-BGDĐT']);
    const history = await office.clerk.ok('incoming.history', { id: incoming.id });
    expect(history.map((e) => e.summary)).toContain(`Đã trả lời bằng văn bản ${reply.code}`);
    expect(await office.specialist.ok('tasks.mine')).toEqual([]);
  });
});

describe('closing the year’s book', () => {
  it('is refused before printing; after it, the book takes no more', async () => {
    const a = await issue();
    const err = await office.clerk.fail('books.close', { id: a.bookId });
    expect(err.message).toContain('Hãy in');
    markPrinted(office.t.store, await office.as('vanthu'), a.bookId);
    const closed = await office.clerk.ok('books.close', { id: a.bookId });
    expect(closed.closed).toBe(true);
    expect((await office.clerk.fail('outgoing.issue', issuedInput())).message).toContain('đã khóa sổ');
    expect((await office.clerk.fail('outgoing.cancel', { id: a.id, reason: 'x' })).message).toContain('đã khóa sổ');
    expect((await office.specialist.fail('books.close', { id: a.bookId })).code).toBe('FORBIDDEN');
    void PASSWORD;
  });
});

describe('dự thảo → trình ký → đã ký → cấp số → phát hành', () => {
  it('takes a draft through signing, numbering and issue, refusing steps out of order', async () => {
    const users = await office.admin.ok('users.list');
    const leaderId = users.find((u) => u.username === 'lanhdao')!.id;
    const draft = await office.specialist.ok('outgoing.createDraft', {
      type: 'TTr',
      departmentId: vp,
      summary: 'Tờ trình đề nghị phê duyệt kế hoạch bồi dưỡng hè',
    });
    expect(draft.status).toBe('du_thao');
    expect((await office.clerk.fail('outgoing.reserve', { type: 'TTr', draftId: draft.id })).message).toContain('không thể cấp số');
    expect((await office.specialist.fail('outgoing.signDraft', { id: draft.id, approve: true })).code).toBe('FORBIDDEN');
    // Another specialist may not submit someone else's draft for signing (#14 finding 9).
    await office.admin.ok('users.create', {
      username: 'chuyenvien-khac',
      fullName: 'Người khác',
      password: PASSWORD,
      roles: ['specialist'],
    });
    const stranger = office.caller();
    await stranger.ok('auth.login', { username: 'chuyenvien-khac', password: PASSWORD });
    const refused = await stranger.fail('outgoing.submitDraft', { id: draft.id, leaderId });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/người soạn/);
    // A secret draft is read masked by those who neither wrote nor sign it.
    const secret = await office.specialist.ok('outgoing.createDraft', {
      type: 'BC',
      summary: 'Báo cáo mật Quetzal',
      confidentiality: 'mat',
    });
    expect((await stranger.ok('outgoing.listDrafts')).find((d) => d.id === secret.id)?.summary).toBe('Văn bản mật');
    expect((await office.leader.ok('outgoing.listDrafts')).find((d) => d.id === secret.id)?.summary).toBe('Báo cáo mật Quetzal');
    await office.specialist.ok('outgoing.submitDraft', { id: draft.id, leaderId });
    const returned = await office.leader.ok('outgoing.signDraft', { id: draft.id, approve: false, note: 'Bổ sung dự toán kinh phí' });
    expect([returned.status, returned.note]).toEqual(['du_thao', 'Bổ sung dự toán kinh phí']);
    await office.specialist.ok('outgoing.submitDraft', { id: draft.id, leaderId });
    const signed = await office.leader.ok('outgoing.signDraft', { id: draft.id, approve: true });
    expect([signed.status, signed.signedByName]).toEqual(['da_ky', 'Người lanhdao']);

    const reserved = await office.clerk.ok('outgoing.reserve', { type: 'CV', draftId: draft.id });
    expect([reserved.code, reserved.summary]).toEqual(['01/TTr-SGDĐT', 'Tờ trình đề nghị phê duyệt kế hoạch bồi dưỡng hè']);
    expect((await office.clerk.ok('outgoing.listDrafts')).find((d) => d.id === draft.id)).toMatchObject({
      status: 'da_cap_so',
      documentId: reserved.id,
    });
    await issue({ id: reserved.id, type: 'TTr', summary: reserved.summary });
    expect((await office.clerk.ok('outgoing.listDrafts')).find((d) => d.id === draft.id)!.status).toBe('phat_hanh');
    expect((await office.clerk.fail('outgoing.reserve', { type: 'CV', draftId: draft.id })).code).toBe('CONFLICT');
  });

  it('issues a signed draft straight away', async () => {
    const users = await office.admin.ok('users.list');
    const leaderId = users.find((u) => u.username === 'lanhdao')!.id;
    const draft = await office.clerk.ok('outgoing.createDraft', { type: 'BC', summary: 'Báo cáo sơ kết học kỳ I', confidentiality: 'mat' });
    await office.clerk.ok('outgoing.submitDraft', { id: draft.id, leaderId });
    await office.leader.ok('outgoing.signDraft', { id: draft.id, approve: true });
    const doc = await issue({ draftId: draft.id, type: 'BC', summary: 'Báo cáo sơ kết học kỳ I' });
    expect([doc.code, doc.confidentiality, doc.bookName]).toEqual(['01/BC-SGDĐT-M', 'mat', 'Sổ văn bản đi mật 2026']);
  });
});

describe('văn bản thay thế: an issued document is never edited, a change is a new one that replaces it', () => {
  it('links both ways, says so in both histories, and refuses a second replacement or a cancelled one', async () => {
    const first = await issue();
    const second = await issue({ summary: 'V/v tổ chức Hội khỏe Phù Đổng cấp tỉnh (thay thế)', replaces: first.id });
    expect(await office.specialist.ok('outgoing.versions', { id: second.id })).toMatchObject({
      replaces: { id: first.id, code: first.code },
      replacedBy: null,
    });
    expect(await office.specialist.ok('outgoing.versions', { id: first.id })).toMatchObject({
      replaces: null,
      replacedBy: { id: second.id, code: second.code },
    });
    const said = async (id: string) => (await office.clerk.ok('incoming.history', { id })).map((h) => h.summary);
    expect(await said(first.id)).toContain(`Được thay thế bởi văn bản ${second.code}`);
    expect(await said(second.id)).toContain(`Ban hành thay thế văn bản ${first.code}`);
    // The register's Ghi chú says it too.
    const rows = (await office.clerk.ok('outgoing.list', { limit: 10 })).items;
    expect(rows.find((d) => d.id === first.id)!.notes).toBe(`Được thay thế bởi văn bản ${second.code}`);
    expect(rows.find((d) => d.id === second.id)!.notes).toBe(`Thay thế văn bản ${first.code}`);

    const again = await office.clerk.fail('outgoing.issue', {
      type: 'CV',
      departmentId: vp,
      summary: 'Lần nữa',
      issuedDate: '2026-03-03',
      signerName: 'Nguyễn Văn Quản',
      recipients: 'Lưu: VT.',
      replaces: first.id,
    });
    expect(again).toMatchObject({ code: 'CONFLICT', field: 'replaces' });
    expect(again.message).toContain(`đã được thay thế bởi văn bản ${second.code}`);
    // Nothing was issued by the refused call: the next number is still the third.
    expect((await issue()).number).toBe(3);
  });
});

describe('thu hồi and đính chính: an issued document withdrawn or corrected, never edited', () => {
  it('recalls an issued document: kept, struck through with the reason, frozen, audited; twice is refused', async () => {
    const doc = await issue();
    const recalled = await office.clerk.ok('outgoing.recall', { id: doc.id, reason: 'Ban hành sai thẩm quyền' });
    expect([recalled.status, recalled.recallReason, recalled.cancelled]).toEqual(['thu_hoi', 'Ban hành sai thẩm quyền', false]);
    expect(recalled.recalledAt).not.toBeNull();
    // Still in the register, with the reason in Ghi chú (the printed form and the export say it too).
    const row = (await office.leader.ok('outgoing.list')).items.find((d) => d.id === doc.id)!;
    expect(row.recallReason).toBe('Ban hành sai thẩm quyền');
    const history = (await office.clerk.ok('incoming.history', { id: doc.id })).map((h) => h.summary);
    expect(history).toContain('Thu hồi: Ban hành sai thẩm quyền');

    const again = await office.clerk.fail('outgoing.recall', { id: doc.id, reason: 'Lần nữa' });
    expect([again.code, again.message]).toEqual(['CONFLICT', expect.stringContaining(`Văn bản ${doc.code} đã thu hồi ngày`)]);
    // Frozen: no replacement, no correction, no new file, not cancelled.
    const replace = await office.clerk.fail('outgoing.issue', { ...issuedInput(), replaces: doc.id });
    expect([replace.field, replace.message]).toEqual(['replaces', expect.stringContaining('đã thu hồi')]);
    const correct = await office.clerk.fail('outgoing.issue', { ...issuedInput(), corrects: doc.id });
    expect([correct.field, correct.message]).toEqual(['corrects', expect.stringContaining('đã thu hồi')]);
    expect((await office.clerk.fail('outgoing.cancel', { id: doc.id, reason: 'x' })).message).toContain('đã thu hồi');
    // The refused issues took no number.
    expect((await issue()).number).toBe(2);
    // Only the văn thư recalls.
    expect((await office.specialist.fail('outgoing.recall', { id: doc.id, reason: 'x' })).code).toBe('FORBIDDEN');
    expect((await office.clerk.fail('outgoing.recall', { id: doc.id, reason: '' })).field).toBe('reason');
  });

  it('refuses to recall a reserved number, a cancelled document, or one already replaced', async () => {
    const reserved = await office.clerk.ok('outgoing.reserve', { type: 'CV', departmentId: vp, summary: null });
    expect((await office.clerk.fail('outgoing.recall', { id: reserved.id, reason: 'x' })).message).toContain('chưa ban hành');
    const cancelled = await issue();
    await office.clerk.ok('outgoing.cancel', { id: cancelled.id, reason: 'Nhầm' });
    expect((await office.clerk.fail('outgoing.recall', { id: cancelled.id, reason: 'x' })).message).toContain('đã hủy');
    const first = await issue();
    const second = await issue({ replaces: first.id });
    const refused = await office.clerk.fail('outgoing.recall', { id: first.id, reason: 'x' });
    expect(refused.message).toContain(`đã được thay thế bởi văn bản ${second.code}`);
    // The replacement itself may be recalled.
    expect((await office.clerk.ok('outgoing.recall', { id: second.id, reason: 'Sai nơi nhận' })).status).toBe('thu_hoi');
  });

  it('links a correction notice both ways; the original stays in force and may be corrected again', async () => {
    const original = await issue();
    const fix1 = await issue({ summary: 'Đính chính Công văn về Hội khỏe Phù Đổng', corrects: original.id });
    const fix2 = await issue({ summary: 'Đính chính lần 2', corrects: original.id });
    expect(await office.specialist.ok('outgoing.versions', { id: original.id })).toMatchObject({
      corrects: null,
      correctedBy: [
        { id: fix1.id, code: fix1.code },
        { id: fix2.id, code: fix2.code },
      ],
    });
    expect(await office.specialist.ok('outgoing.versions', { id: fix1.id })).toMatchObject({
      corrects: { id: original.id },
      correctedBy: [],
    });
    const said = async (id: string) => (await office.clerk.ok('incoming.history', { id })).map((h) => h.summary);
    expect(await said(original.id)).toContain(`Được đính chính bởi văn bản ${fix1.code}`);
    expect(await said(fix1.id)).toContain(`Ban hành đính chính văn bản ${original.code}`);
    const rows = (await office.clerk.ok('outgoing.list', { limit: 10 })).items;
    expect(rows.find((d) => d.id === original.id)!.notes).toBe(
      `Được đính chính bởi văn bản ${fix1.code}; Được đính chính bởi văn bản ${fix2.code}`,
    );
    expect(rows.find((d) => d.id === original.id)!.status).toBe('phat_hanh');
    const both = await office.clerk.fail('outgoing.issue', { ...issuedInput(), corrects: original.id, replaces: original.id });
    expect(both.field).toBe('corrects');
  });

  it('prints and exports a recalled document struck through with the reason', async () => {
    const kept = await issue();
    const gone = await issue({ summary: 'Công văn ban hành nhầm' });
    await office.clerk.ok('outgoing.recall', { id: gone.id, reason: 'Ban hành nhầm đối tượng' });
    const file = async (method: 'registers.print' | 'registers.export') => {
      const r = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, method, {
        kind: 'outgoing',
        bookId: gone.bookId,
      });
      if (!r.result.ok) throw new Error(r.result.error.message);
      return (r.result.value as { bytes: Uint8Array }).bytes;
    };
    const text = (await pageTexts(await file('registers.print'))).join('\n');
    expect(text).toMatch(/Đã thu hồi ngày \d\d\/\d\d\/\d{4}: Ban hành nhầm/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await file('registers.export')) as never);
    const ws = wb.worksheets[0]!;
    const rowOf = (code: string) => {
      let found: ExcelJS.Row | null = null;
      ws.eachRow((r) => {
        if (r.getCell(1).value === code) found = r;
      });
      return found as unknown as ExcelJS.Row;
    };
    expect(rowOf(gone.code).getCell(1).font?.strike).toBe(true);
    expect(rowOf(gone.code).getCell(10).text).toContain('Đã thu hồi ngày');
    expect(rowOf(gone.code).getCell(10).font?.strike).toBeFalsy();
    expect(rowOf(kept.code).getCell(1).font?.strike).toBeFalsy();
  });
});
