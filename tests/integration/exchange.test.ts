// Exchange between offices (#18) through the real backend: a package laid out as the public SDK
// sample read into the inbox and registered, the statuses it calls for written back, hostile
// packages kept with a reason and nothing registered, secret documents never travelling, and two
// offices on one sync server sending, receiving and hearing back — one of them offline at first.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEdxml } from '../../electron/exchange/edxml/readPackage.js';
import { samplePackage } from '../helpers/edxmlSample.js';
import { setUpOffice, type Office } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { startSyncServer, type TestServer } from '../helpers/syncServer.js';
import { startTestAxis, type TestAxis } from '../helpers/testAxis.js';

const SO = '000.00.00.H42';
const TRUONG = '000.00.12.H42';

async function ids(o: Office) {
  const users = await o.admin.ok('users.list');
  const id = (u: string) => users.find((x) => x.username === u)!.id;
  return { leader: id('lanhdao'), specialist: id('chuyenvien') };
}

async function issue(o: Office, extra: Record<string, unknown> = {}) {
  const issued = await o.clerk.ok('outgoing.issue', {
    type: 'CV',
    summary: 'V/v báo cáo danh sách đội tuyển học sinh giỏi cấp tỉnh',
    issuedDate: '2026-12-02',
    signerName: 'Người lanhdao',
    recipients: 'Sở GD&ĐT Hà Tĩnh;\nLưu: VT.',
    copies: 2,
    ...extra,
  });
  const file = await o.backend.attachments.add(
    { userId: null },
    { documentId: issued.id, name: 'bao-cao.pdf', source: Readable.from([Buffer.from(await samplePdf(2))]) },
  );
  return { issued, file };
}

const statusFiles = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.startsWith('trangthai-'))
    .map((n) => readEdxml(readFileSync(join(dir, n))))
    .map((m) => (m.kind === 'status' ? m.status.statusCode : 'not a status'))
    .sort();

describe('exchange by folder', () => {
  let o: Office;
  let inDir: string;
  let outDir: string;
  beforeAll(async () => {
    o = await setUpOffice();
    await o.admin.ok('exchange.setOrganId', { organId: TRUONG });
    inDir = mkdtempSync(join(tmpdir(), 'vanthu-edxml-in-'));
    outDir = mkdtempSync(join(tmpdir(), 'vanthu-edxml-out-'));
    await o.admin.ok('exchange.setRoutes', { inFolder: inDir, outFolder: outDir, axisUrl: null });
  });
  afterAll(async () => {
    await o.backend.close();
    o.cleanup();
  });

  it('checks the mã định danh against QCVN 102 and keeps it for the office', async () => {
    const bad = await o.admin.fail('exchange.setOrganId', { organId: '28.22.H17' });
    expect(bad.message).toContain('000.00.00.G22');
    expect((await o.clerk.fail('exchange.setOrganId', { organId: SO })).code).toBe('FORBIDDEN');
    expect((await o.clerk.ok('exchange.settings')).organId).toBe(TRUONG);
  });

  it('takes a package from the inbox folder, prefills, registers with its file and sends 01, 03, 04, 05, 06 back', async () => {
    const pdf = Buffer.from(await samplePdf(2, 'Ky thi hoc sinh gioi'));
    writeFileSync(
      join(inDir, 'goi-1.edxml'),
      samplePackage({
        toId: TRUONG,
        attachments: [{ name: 'CV-1234.pdf', contentType: 'application/pdf', base64: pdf.toString('base64') }],
      }),
    );
    const pumped = await o.clerk.ok('exchange.pump');
    expect(pumped.received).toBe(1);
    expect(readdirSync(join(inDir, 'da-nhan'))).toHaveLength(1);
    const [m] = await o.clerk.ok('exchange.list', { direction: 'in', kind: 'package' });
    expect(m).toMatchObject({ state: 'moi', peerOrganId: SO, edxmlId: `${SO},2026/11/20,1234/SGDĐT-GDTrH`, metadataOnly: false });
    expect(m!.header).toMatchObject({ code: '1234/SGDĐT-GDTrH', issuedDate: '2026-11-20', urgency: 'khan', dueDate: '2026-12-15' });
    expect(m!.attachments).toEqual([expect.objectContaining({ name: 'CV-1234.pdf', mime: 'application/pdf' })]);
    expect(statusFiles(outDir)).toEqual(['01']);

    const h = m!.header!;
    const doc = await o.clerk.ok('exchange.register', {
      messageId: m!.id,
      agency: h.from.name,
      code: h.code,
      type: 'CV',
      issuedDate: h.issuedDate,
      summary: h.summary,
      urgency: h.urgency,
      deadline: h.dueDate,
    });
    expect(doc).toMatchObject({ code: '1234/SGDĐT-GDTrH', agencyName: 'Sở Giáo dục và Đào tạo Hà Tĩnh', urgency: 'khan' });
    const files = await o.clerk.ok('attachments.list', { documentId: doc.id });
    expect(files.map((f) => [f.name, f.size])).toEqual([['CV-1234.pdf', pdf.length]]);
    expect(
      (
        await o.clerk.fail('exchange.register', {
          messageId: m!.id,
          agency: 'x',
          code: 'y',
          type: 'CV',
          issuedDate: '2026-11-20',
          summary: 'Lần hai',
        })
      ).message,
    ).toContain('đã vào sổ');

    const who = await ids(o);
    await o.clerk.ok('incoming.submit', { id: doc.id, leaderId: who.leader });
    await o.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Tổ chuyên môn chuẩn bị',
      lead: { userId: who.specialist, deadline: '2026-12-14' },
    });
    await o.clerk.ok('exchange.pump');
    expect(statusFiles(outDir)).toEqual(['01', '03', '04']);
    // The specialist reports progress (05) and finishes (06): the sender hears both, once each.
    const [task] = await o.specialist.ok('tasks.mine');
    await o.specialist.ok('tasks.update', { taskId: task!.id, note: 'Đang lập danh sách đội tuyển' });
    await o.clerk.ok('exchange.pump');
    await o.specialist.ok('tasks.complete', { taskId: task!.id, result: 'Đã gửi danh sách', replyCode: null });
    await o.clerk.ok('exchange.pump');
    await o.clerk.ok('exchange.pump');
    expect(statusFiles(outDir)).toEqual(['01', '03', '04', '05', '06']);
    const history = await o.clerk.ok('incoming.history', { id: doc.id });
    expect(history.map((e) => e.summary).join('\n')).toContain('Nhận liên thông từ Sở Giáo dục và Đào tạo Hà Tĩnh');
  });

  it('records a package in the inbox folder too big to read, with its reason, and moves it out of the way', async () => {
    await o.admin.ok('settings.saveOffice', { ...(await o.admin.ok('settings.office')), attachmentsMaxMb: 1 });
    writeFileSync(join(inDir, 'qua-lon.edxml'), Buffer.alloc(6 * 1024 * 1024, 0x20));
    const r = await o.clerk.ok('exchange.pump');
    expect(r.received).toBe(1);
    const big = (await o.clerk.ok('exchange.list', { direction: 'in', kind: 'package', state: 'loi' })).find(
      (m) => m.fileName === 'qua-lon.edxml',
    );
    expect(big?.error).toContain('lớn hơn giới hạn');
    expect(readdirSync(inDir)).not.toContain('qua-lon.edxml');
    expect((await o.clerk.ok('exchange.pump')).received).toBe(0);
    await o.admin.ok('settings.saveOffice', { ...(await o.admin.ok('settings.office')), attachmentsMaxMb: 200 });
  });
});

describe('hostile and wrong packages', () => {
  let o: Office;
  beforeAll(async () => {
    o = await setUpOffice();
    await o.admin.ok('exchange.setOrganId', { organId: TRUONG });
  });
  afterAll(async () => {
    await o.backend.close();
    o.cleanup();
  });

  const receive = (text: string | Uint8Array, name = 'goi.edxml') =>
    o.backend.exchange.receive({ userId: null }, { name, source: typeof text === 'string' ? Buffer.from(text) : text, transport: 'file' });

  it('keeps each as received with a Vietnamese reason, and registers nothing', async () => {
    const pdf = (await samplePdf(1)).slice();
    const b64 = Buffer.from(pdf).toString('base64');
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['bytes before <?xml', '1212' + samplePackage({ toId: TRUONG }), /byte lạ trước <\?xml/],
      ['wrong namespace', samplePackage({ toId: TRUONG }).replaceAll('QCVN_102_2016', 'QCVN_102_2099'), /không gian tên/],
      ['missing field', samplePackage({ toId: TRUONG }).replace(/<edXML:Subject>.*<\/edXML:Subject>/, ''), /thiếu MessageHeader\/Subject/],
      [
        'external entity',
        samplePackage({ toId: TRUONG }).replace('<edXML xmlns', '<!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML xmlns'),
        /DOCTYPE/,
      ],
      [
        'garbage base64',
        samplePackage({
          toId: TRUONG,
          codeNumber: '2',
          attachments: [{ name: 'a.pdf', contentType: 'application/pdf', base64: `${b64.slice(0, 40)}$$$${b64.slice(40)}` }],
        }),
        /không phải base64/,
      ],
      [
        'declared type disagrees',
        samplePackage({ toId: TRUONG, codeNumber: '3', attachments: [{ name: 'a.png', contentType: 'image/png', base64: b64 }] }),
        /khai báo là image\/png nhưng nội dung là PDF/,
      ],
      ['another organ', samplePackage({ toId: '000.00.99.H01' }), /không phải cơ quan này \(000\.00\.12\.H42\)/],
      ['status for an unknown document', statusFor('000.00.00.H42,2026/01/01,1/KHONG-CO', '03'), /không gửi văn bản này/],
    ];
    for (const [what, bytes, reason] of cases) {
      const m = await receive(bytes, `${what}.edxml`);
      expect(m.state, what).toBe('loi');
      expect(m.error, what).toMatch(reason);
      expect(m.fileName).toBe(`${what}.edxml`);
      // Kept as it came: the file is in the store, byte for byte.
      const kept = o.backend.attachments.blobs.readSync(
        (o.backend.store.sqlite.prepare('SELECT sha256 FROM exchange_messages WHERE id = ?').get(m.id) as { sha256: string }).sha256,
      );
      expect(Buffer.from(kept).equals(Buffer.from(bytes)), what).toBe(true);
    }
    expect((await o.clerk.ok('incoming.list')).items).toHaveLength(0);
    const refuse = await o.clerk.fail('exchange.register', {
      messageId: (await o.clerk.ok('exchange.list'))[0]!.id,
      agency: 'x',
      code: 'y',
      type: 'CV',
      issuedDate: '2026-11-20',
      summary: 'Thử',
    });
    expect(refuse.message).toContain('không còn chờ vào sổ');
  });

  it('refuses the same DocumentId twice and an attachment over the office limit', async () => {
    const first = await receive(samplePackage({ toId: TRUONG, codeNumber: '77' }));
    expect(first.state).toBe('moi');
    const again = await receive(samplePackage({ toId: TRUONG, codeNumber: '77' }));
    expect(again).toMatchObject({ state: 'loi' });
    expect(again.error).toMatch(/đã nhận lúc .* gói tin này trùng/);

    await o.admin.ok('settings.saveOffice', { ...(await o.admin.ok('settings.office')), attachmentsMaxMb: 1 });
    const big = Buffer.alloc(2 * 1024 * 1024, 0x41);
    Buffer.from('%PDF-1.4\n').copy(big);
    const m = await receive(
      samplePackage({
        toId: TRUONG,
        codeNumber: '78',
        attachments: [{ name: 'lon.pdf', contentType: 'application/pdf', base64: big.toString('base64') }],
      }),
    );
    expect(m.state).toBe('loi');
    expect(m.error).toMatch(/“lon.pdf” lớn hơn giới hạn 1 MB/);
    await o.admin.ok('settings.saveOffice', { ...(await o.admin.ok('settings.office')), attachmentsMaxMb: 200 });
    // A package whose 200 MB attachment would take the PC's memory to read: refused by its size, read no further.
    const huge = await o.backend.exchange.receive(
      { userId: null },
      {
        name: 'rat-lon.edxml',
        source: Readable.from([Buffer.from('<?xml version="1.0"?>')]),
        declaredSize: 280 * 1024 * 1024,
        transport: 'file',
      },
    );
    expect(huge).toMatchObject({ state: 'loi', error: expect.stringContaining('lớn hơn giới hạn 150 MB') });
  });

  it('takes a package claiming a secret level as metadata only: no file, no trích yếu, registered as secret', async () => {
    const pdf = Buffer.from(await samplePdf(1)).toString('base64');
    const m = await receive(
      samplePackage({
        toId: TRUONG,
        codeNumber: '90',
        otherInfoExtra: '<edXML:SecurityLevel>2</edXML:SecurityLevel>',
        attachments: [{ name: 'mat.pdf', contentType: 'application/pdf', base64: pdf }],
      }),
    );
    expect(m).toMatchObject({ state: 'moi', metadataOnly: true, attachments: [] });
    expect(m.header).toMatchObject({ confidentiality: 'toi_mat', summary: '', content: null });
    const row = o.backend.store.sqlite.prepare('SELECT sha256 FROM exchange_messages WHERE id = ?').get(m.id) as { sha256: string | null };
    expect(row.sha256).toBeNull();
    const input = {
      messageId: m.id,
      agency: 'Sở Giáo dục và Đào tạo Hà Tĩnh',
      code: m.header!.code,
      type: 'CV',
      issuedDate: m.header!.issuedDate,
      summary: 'Văn bản mật (nội dung trên giấy)',
    };
    expect((await o.clerk.fail('exchange.register', input)).message).toContain('độ mật');
    const doc = await o.clerk.ok('exchange.register', { ...input, confidentiality: 'toi_mat' });
    expect(doc.confidentiality).toBe('toi_mat');
    expect(await o.clerk.ok('attachments.list', { documentId: doc.id })).toHaveLength(0);
  });

  it('never packages a secret outgoing document', async () => {
    const issued = await o.clerk.ok('outgoing.issue', {
      type: 'CV',
      summary: 'Văn bản mật',
      issuedDate: '2026-12-02',
      signerName: 'Người lanhdao',
      recipients: 'Sở GD&ĐT;\nLưu: VT.',
      confidentiality: 'mat',
    });
    const err = await o.clerk.fail('exchange.send', { documentId: issued.id, organIds: [SO] });
    expect([err.code, err.message]).toEqual(['FORBIDDEN', expect.stringContaining('không được gửi qua mạng')]);
  });
});

describe('the organ directory’s mã định danh', () => {
  it('takes them from a spreadsheet, telling each row it could not take', async () => {
    const o = await setUpOffice();
    try {
      await o.clerk.ok('agencies.save', { name: 'UBND xã Thạch Hà', organId: '000.00.31.H42' });
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Danh mục');
      sheet.addRow(['DANH MỤC MÃ ĐỊNH DANH CÁC CƠ QUAN, ĐƠN VỊ']);
      sheet.addRow(['STT', 'Tên cơ quan, đơn vị', 'Mã định danh']);
      sheet.addRow([1, 'Sở Giáo dục và Đào tạo Hà Tĩnh', '000.00.00.h42']);
      sheet.addRow([2, 'Trường THPT Phan Đình Phùng', '000.00.12.H42']);
      sheet.addRow([3, 'Trường THCS Lê Văn Thiêm', '12.H42']);
      sheet.addRow([4, 'Trường THCS Nguyễn Du', '000.00.12.H42']);
      sheet.addRow([5, 'Trường Tiểu học Thạch Hà', '000.00.31.H42']);
      const staged = await o.backend.imports.stage(Readable.from([Buffer.from(await wb.xlsx.writeBuffer())]), 'ma-dinh-danh.xlsx');
      const r = await o.clerk.ok('agencies.importOrgans', { uploadId: staged.uploadId });
      expect(r).toMatchObject({ sheet: 'Danh mục', saved: 2 });
      expect(r.skipped).toEqual([
        { row: 5, problem: expect.stringContaining('000.00.00.G22') },
        { row: 6, problem: 'Mã định danh 000.00.12.H42 đã có ở dòng 4 của bảng tính.' },
        { row: 7, problem: 'Mã định danh 000.00.31.H42 đã gán cho “UBND xã Thạch Hà”.' },
      ]);
      const list = await o.clerk.ok('agencies.list');
      expect(list.filter((a) => a.organId).map((a) => [a.name, a.organId])).toEqual([
        ['Sở Giáo dục và Đào tạo Hà Tĩnh', '000.00.00.H42'],
        ['Trường THPT Phan Đình Phùng', '000.00.12.H42'],
        ['UBND xã Thạch Hà', '000.00.31.H42'],
      ]);
      // A sheet without the two headings says what it looks for.
      const other = new ExcelJS.Workbook();
      other.addWorksheet('Sheet1').addRow(['Họ tên', 'Điện thoại']);
      const bad = await o.backend.imports.stage(Readable.from([Buffer.from(await other.xlsx.writeBuffer())]), 'khac.xlsx');
      expect((await o.clerk.fail('agencies.importOrgans', { uploadId: bad.uploadId })).message).toContain('“Mã định danh”');
    } finally {
      await o.backend.close();
      o.cleanup();
    }
  });
});

function statusFor(documentId: string, code: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLHeader><edXML:Status>
<edXML:ResponseFor><edXML:DocumentId>${documentId}</edXML:DocumentId></edXML:ResponseFor>
<edXML:From><edXML:OrganId>${SO}</edXML:OrganId><edXML:OrganName>Sở</edXML:OrganName></edXML:From>
<edXML:StatusCode>${code}</edXML:StatusCode><edXML:Timestamp>2026/12/01 08:00:00</edXML:Timestamp>
</edXML:Status></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>`;
}

describe('two offices on one sync server', () => {
  let server: TestServer;
  let so: Office;
  let truong: Office;
  beforeAll(async () => {
    server = await startSyncServer();
    so = await setUpOffice();
    truong = await setUpOffice();
    await so.admin.ok('exchange.setOrganId', { organId: SO });
    await truong.admin.ok('exchange.setOrganId', { organId: TRUONG });
    await so.admin.ok('sync.connect', { url: server.url, code: await server.code('SO-HT'), deviceName: 'Máy văn thư Sở' });
    await truong.admin.ok('sync.connect', { url: server.url, code: await server.code('PDP'), deviceName: 'Máy văn thư trường' });
    await so.admin.ok('agencies.save', { name: 'Trường THPT Phan Đình Phùng', organId: TRUONG });
  });
  afterAll(async () => {
    await so.backend.close();
    await truong.backend.close();
    so.cleanup();
    truong.cleanup();
    await server.close();
  });

  it('the school, offline a while, receives when it reconnects; the Sở hears 01 → 03 → 04', async () => {
    const { issued, file } = await issue(so);
    const sent = await so.clerk.ok('exchange.send', { documentId: issued.id, organIds: [TRUONG] });
    expect(sent).toEqual([expect.objectContaining({ state: 'cho_gui', peerOrganId: TRUONG, peerName: 'Trường THPT Phan Đình Phùng' })]);
    await so.backend.sync.syncNow();
    // The school has not told the server its mã định danh yet: the package waits, saying why.
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({
      state: 'cho_gui',
      error: expect.stringContaining('không có đơn vị nào mang mã định danh 000.00.12.H42'),
    });
    await truong.backend.sync.syncNow(); // its settings go up; then it is offline for a while
    await so.backend.sync.syncNow();
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({
      state: 'da_gui',
      error: null,
      statusCode: null,
    });

    // Another unit on the server cannot see what was sent to the school.
    const other = await setUpOffice();
    await other.admin.ok('exchange.setOrganId', { organId: '000.00.13.H42' });
    await other.admin.ok('sync.connect', { url: server.url, code: await server.code('KHAC'), deviceName: 'Máy khác' });
    await other.backend.sync.syncNow();
    expect(await other.clerk.ok('exchange.list')).toHaveLength(0);
    await other.backend.close();
    other.cleanup();

    await truong.backend.sync.syncNow();
    const [m] = await truong.clerk.ok('exchange.list', { direction: 'in', kind: 'package' });
    expect(m).toMatchObject({ state: 'moi', transport: 'server', peerOrganId: SO });
    expect(m!.header!.code).toBe(issued.code);
    expect(m!.attachments.map((a) => a.sha256)).toEqual([file.sha256]);
    const doc = await truong.clerk.ok('exchange.register', {
      messageId: m!.id,
      agency: m!.header!.from.name,
      code: m!.header!.code,
      type: 'CV',
      issuedDate: m!.header!.issuedDate,
      summary: m!.header!.summary,
    });
    const who = await ids(truong);
    await truong.clerk.ok('incoming.submit', { id: doc.id, leaderId: who.leader });
    await truong.leader.ok('incoming.assign', {
      id: doc.id,
      direction: 'Giao chuyên môn',
      lead: { userId: who.specialist, deadline: '2026-12-14' },
    });
    await truong.backend.sync.syncNow();
    await so.backend.sync.syncNow();
    const back = await so.clerk.ok('exchange.list', { direction: 'in', kind: 'status', documentId: issued.id });
    expect(back.map((s) => s.statusCode).sort()).toEqual(['01', '03', '04']);
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({ organId: TRUONG, statusCode: '04' });
    const history = (await so.clerk.ok('incoming.history', { id: issued.id })).map((e) => e.summary).join('\n');
    expect(history).toContain('Trường THPT Phan Đình Phùng báo: 03 Đã tiếp nhận (vào sổ)');

    // A correction notice goes as a document of its own that says what it corrects.
    const fix = await issue(so, { summary: 'Đính chính danh sách đội tuyển', corrects: issued.id });
    const [sentFix] = await so.clerk.ok('exchange.send', { documentId: fix.issued.id, organIds: [TRUONG] });
    expect([sentFix!.business, sentFix!.description]).toEqual(['new', `Đính chính văn bản ${issued.code}`]);
    await so.backend.sync.syncNow();
    await truong.backend.sync.syncNow();
    const fixIn = (await truong.clerk.ok('exchange.list', { direction: 'in', kind: 'package' })).find(
      (x) => x.header?.code === fix.issued.code,
    );
    expect(fixIn!.header!.businessReason).toBe(`Đính chính văn bản ${issued.code}`);

    // The Sở recalls it: the revoke goes out, the school's document is frozen (thu hồi) and it answers 15.
    const recalled = await so.clerk.ok('outgoing.recall', { id: issued.id, reason: 'Ban hành nhầm đối tượng' });
    expect([recalled.status, recalled.recallReason]).toEqual(['thu_hoi', 'Ban hành nhầm đối tượng']);
    const revokes = await so.clerk.ok('exchange.list', { direction: 'out', kind: 'package', documentId: issued.id });
    expect(revokes.filter((m) => m.business === 'revoke').map((m) => m.peerOrganId)).toEqual([TRUONG]);
    expect((await so.clerk.fail('exchange.send', { documentId: issued.id, organIds: [TRUONG] })).message).toContain('đã thu hồi ngày');
    await so.backend.sync.syncNow();
    await truong.backend.sync.syncNow();
    const there = await truong.clerk.ok('incoming.get', { id: doc.id });
    expect(there.status).toBe('thu_hoi');
    expect(there.recallReason).toContain('Ban hành nhầm đối tượng');
    await truong.backend.sync.syncNow();
    await so.backend.sync.syncNow();
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({ statusCode: '15' });
  });
});

describe('through an exchange axis (a stub on 127.0.0.1 answering the connector contract)', () => {
  let axis: TestAxis;
  let so: Office;
  let truong: Office;
  beforeAll(async () => {
    axis = await startTestAxis({ 'token-so': SO, 'token-truong': TRUONG });
    so = await setUpOffice();
    truong = await setUpOffice();
    await so.admin.ok('exchange.setOrganId', { organId: SO });
    await truong.admin.ok('exchange.setOrganId', { organId: TRUONG });
    await so.admin.ok('exchange.setRoutes', { outFolder: null, inFolder: null, axisUrl: axis.url, axisToken: 'token-so' });
    await truong.admin.ok('exchange.setRoutes', { outFolder: null, inFolder: null, axisUrl: axis.url, axisToken: 'token-truong' });
  });
  afterAll(async () => {
    await so.backend.close();
    await truong.backend.close();
    so.cleanup();
    truong.cleanup();
    await axis.close();
  });

  it('keeps the token sealed and refuses plain http to an axis outside the office network', async () => {
    const settings = await so.admin.ok('exchange.settings');
    expect(settings).toMatchObject({ axisUrl: axis.url, axisTokenSet: true });
    expect(JSON.stringify(settings)).not.toContain('token-so');
    const err = await so.admin.fail('exchange.setRoutes', { outFolder: null, inFolder: null, axisUrl: 'http://truc.example.vn/api' });
    expect(err.message).toContain('https://');
  });

  it('sends, waits out an axis that is down, and hears the statuses back', async () => {
    const { issued } = await issue(so);
    await so.clerk.ok('exchange.send', { documentId: issued.id, organIds: [TRUONG] });
    axis.down = true;
    const tried = await so.clerk.ok('exchange.pump');
    expect(tried.problems.join('\n')).toContain('Trục liên thông trả lời lỗi 503');
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({ state: 'cho_gui' });
    axis.down = false;
    expect((await so.clerk.ok('exchange.pump')).sent).toBe(1);
    expect(axis.held).toEqual([expect.objectContaining({ from: SO, to: TRUONG, kind: 'package' })]);

    expect((await truong.clerk.ok('exchange.pump')).received).toBe(1);
    const [m] = await truong.clerk.ok('exchange.list', { direction: 'in', kind: 'package' });
    expect(m).toMatchObject({ state: 'moi', transport: 'axis', peerOrganId: SO });
    // Taken: the axis offers it no more, and a second look brings nothing twice.
    expect(axis.held[0]!.taken).toBe(true);
    expect((await truong.clerk.ok('exchange.pump')).received).toBe(0);
    await truong.clerk.ok('exchange.register', {
      messageId: m!.id,
      agency: m!.header!.from.name,
      code: m!.header!.code,
      type: 'CV',
      issuedDate: m!.header!.issuedDate,
      summary: m!.header!.summary,
    });
    await truong.clerk.ok('exchange.pump');
    await so.clerk.ok('exchange.pump');
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({ organId: TRUONG, statusCode: '03' });

    // The Sở forgot the appendix: sent again, it is an update — the school's document gains the file, the Sở hears 15.
    await so.backend.attachments.add(
      { userId: null },
      { documentId: issued.id, name: 'phu-luc.pdf', source: Readable.from([Buffer.from(await samplePdf(1, 'Phụ lục'))]) },
    );
    const [update] = await so.clerk.ok('exchange.send', { documentId: issued.id, organIds: [TRUONG] });
    expect(update).toMatchObject({ business: 'update', edxmlId: m!.edxmlId });
    await so.clerk.ok('exchange.pump');
    expect((await truong.clerk.ok('exchange.pump')).problems).toEqual([]);
    const registered = (await truong.clerk.ok('exchange.list', { direction: 'in', kind: 'package' })).find((x) => x.id === m!.id)!;
    const files = await truong.clerk.ok('attachments.list', { documentId: registered.documentId! });
    expect(files.map((f) => f.name).sort()).toEqual(['bao-cao.pdf', 'phu-luc.pdf']);
    expect((await truong.clerk.ok('incoming.history', { id: registered.documentId! })).map((e) => e.summary).join('\n')).toContain(
      'Nhận bản cập nhật qua liên thông từ',
    );
    await truong.clerk.ok('exchange.pump');
    await so.clerk.ok('exchange.pump');
    expect((await so.clerk.ok('exchange.recipients', { documentId: issued.id }))[0]).toMatchObject({
      statusCode: '15',
      description: 'Đã nhận bản cập nhật: phu-luc.pdf',
    });
  });

  it('sends a văn bản thay thế as a replace of the one the school registered; the school links the two', async () => {
    const { issued: first } = await issue(so, { summary: 'V/v lịch thi (lần 1)' });
    await so.clerk.ok('exchange.send', { documentId: first.id, organIds: [TRUONG] });
    await so.clerk.ok('exchange.pump');
    await truong.clerk.ok('exchange.pump');
    const registerFrom = async (code: string) => {
      const m = (await truong.clerk.ok('exchange.list', { direction: 'in', kind: 'package' })).find((x) => x.header?.code === code)!;
      return {
        m,
        doc: await truong.clerk.ok('exchange.register', {
          messageId: m.id,
          agency: m.header!.from.name,
          code: m.header!.code,
          type: 'CV',
          issuedDate: m.header!.issuedDate,
          summary: m.header!.summary,
        }),
      };
    };
    const old = await registerFrom(first.code);
    const { issued: second } = await issue(so, { summary: 'V/v lịch thi (thay thế)', replaces: first.id });
    const [sent] = await so.clerk.ok('exchange.send', { documentId: second.id, organIds: [TRUONG] });
    expect(sent).toMatchObject({ business: 'replace', description: `Thay thế văn bản ${first.code}` });
    await so.clerk.ok('exchange.pump');
    await truong.clerk.ok('exchange.pump');
    const { m, doc } = await registerFrom(second.code);
    expect(m.header).toMatchObject({ business: 'replace', businessDocumentId: old.m.edxmlId });
    expect(doc.notes).toContain(`Thay thế văn bản ${old.doc.code}`);
    expect((await truong.clerk.ok('incoming.get', { id: old.doc.id })).notes).toContain(`Được thay thế bởi văn bản ${second.code}`);
    expect((await so.clerk.ok('incoming.history', { id: second.id })).map((e) => e.summary).join('\n')).toContain(
      'Gửi liên thông văn bản thay thế đến',
    );
  });

  it('says so when the axis refuses the office’s token', async () => {
    await truong.admin.ok('exchange.setRoutes', { outFolder: null, inFolder: null, axisUrl: axis.url, axisToken: 'sai' });
    const r = await truong.clerk.ok('exchange.pump');
    expect(r.problems.join('\n')).toContain('từ chối thông tin đăng nhập');
  });
});
