// Work dossiers: the yearly catalogue, filing documents, closing, reopening, handing over.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageTexts } from '../helpers/pdfPages.js';
import { hasPoppler, pdftotext } from '../helpers/pdfText.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { manualClock } from '../helpers/tempStore.js';
import { SaxesParser } from 'saxes';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';

let office: Office;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock('2026-11-23T02:00:00Z');
  office = await setUpOffice({ now: clock.now });
});
afterEach(() => office.cleanup());

async function catalogue2026() {
  let c = await office.clerk.ok('catalogue.saveHeading', { year: 2026, level: 1, title: 'Tổ chức, cán bộ', abbreviation: 'tccb' });
  const tccb = c.headings[0]!.id;
  c = await office.clerk.ok('catalogue.saveHeading', { year: 2026, level: 1, title: 'Chuyên môn', abbreviation: 'CM' });
  const cm = c.headings.find((h) => h.title === 'Chuyên môn')!.id;
  c = await office.clerk.ok('catalogue.saveHeading', { year: 2026, level: 2, parentId: cm, title: 'Thi, tuyển sinh', abbreviation: 'THI' });
  const thi = c.headings.find((h) => h.title === 'Thi, tuyển sinh')!.id;
  await office.clerk.ok('catalogue.saveEntry', {
    year: 2026,
    headingId: tccb,
    title: 'Hồ sơ tuyển dụng viên chức năm 2026',
    retention: 'vinh_vien',
  });
  await office.clerk.ok('catalogue.saveEntry', {
    year: 2026,
    headingId: thi,
    title: 'Hồ sơ kỳ thi tốt nghiệp THPT năm 2026',
    retention: '10',
  });
  return office.clerk.ok('catalogue.saveEntry', { year: 2026, headingId: cm, title: 'Công văn trao đổi về chuyên môn', retention: '5' });
}

describe('the catalogue (danh mục hồ sơ)', () => {
  it('numbers codes across the catalogue with the heading’s abbreviation, and counts retention', async () => {
    const c = await catalogue2026();
    expect(c.headings.map((h) => `${h.label}. ${h.title}`)).toEqual(['I. Tổ chức, cán bộ', 'II. Chuyên môn', '1. Thi, tuyển sinh']);
    expect(c.entries.map((e) => e.code)).toEqual(['01.TCCB', '02.THI', '03.CM']);
    expect(c.counts).toEqual({ permanent: 1, limited: 2 });
  });

  it('starts a new year from the last one, keeping headings and codes', async () => {
    await catalogue2026();
    const next = await office.clerk.ok('catalogue.copyFromYear', { from: 2026, to: 2027 });
    expect(next.year).toBe(2027);
    expect(next.headings.map((h) => h.title)).toEqual(['Tổ chức, cán bộ', 'Chuyên môn', 'Thi, tuyển sinh']);
    expect(next.entries.map((e) => [e.code, e.title])).toEqual([
      ['01.TCCB', 'Hồ sơ tuyển dụng viên chức năm 2026'],
      ['02.THI', 'Hồ sơ kỳ thi tốt nghiệp THPT năm 2026'],
      ['03.CM', 'Công văn trao đổi về chuyên môn'],
    ]);
    expect(next.entries.every((e) => e.dossierId === null)).toBe(true);
    expect((await office.clerk.fail('catalogue.copyFromYear', { from: 2026, to: 2027 })).code).toBe('CONFLICT');
  });
});

describe('dossiers', () => {
  it('files documents, follows their dates, closes, and is reopened only by the admin', async () => {
    const c = await catalogue2026();
    const entry = c.entries.find((e) => e.code === '02.THI')!;
    const dossier = await office.specialist.ok('dossiers.open', { entryId: entry.id });
    expect([dossier.notation, dossier.fullCode, dossier.status]).toEqual(['02.THI', 'SGDĐT.2026.02.THI', 'mo']);
    expect((await office.specialist.fail('dossiers.open', { entryId: entry.id })).code).toBe('CONFLICT');
    const a = await office.clerk.ok('incoming.register', { ...SAMPLE, issuedDate: '2026-03-02' });
    const b = await office.clerk.ok('incoming.register', { ...SAMPLE, code: '298/KH-BGDĐT', issuedDate: '2026-01-15', pages: 7 });
    let d = await office.specialist.ok('dossiers.addItems', { dossierId: dossier.id, documentIds: [a.id, b.id] });
    expect(d.items.map((i) => [i.position, i.code])).toEqual([
      [1, '142/KH-BGDĐT'],
      [2, '298/KH-BGDĐT'],
    ]);
    expect([d.startDate, d.endDate, d.documentCount, d.pageCount]).toEqual(['2026-01-15', '2026-03-02', 2, 7]);
    d = await office.specialist.ok('dossiers.reorder', { dossierId: dossier.id, itemIds: [d.items[1]!.id, d.items[0]!.id] });
    expect(d.items.map((i) => i.code)).toEqual(['298/KH-BGDĐT', '142/KH-BGDĐT']);
    // Filed elsewhere too: only a reference there.
    const other = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ tham khảo', notation: '99.TK', retention: '5' });
    const ref = await office.clerk.ok('dossiers.addItems', { dossierId: other.id, documentIds: [a.id] });
    expect(ref.items[0]!.primaryFiling).toBe(false);
    expect((await office.clerk.ok('incoming.history', { id: a.id })).map((h) => h.summary)).toContain('Lưu vào hồ sơ 02.THI');

    d = await office.specialist.ok('dossiers.close', { id: dossier.id });
    expect(d.status).toBe('ket_thuc');
    expect((await office.specialist.fail('dossiers.addItems', { dossierId: dossier.id, documentIds: [] })).message).toContain(
      'đã kết thúc',
    );
    expect((await office.specialist.fail('dossiers.reopen', { id: dossier.id, reason: 'Bổ sung' })).code).toBe('FORBIDDEN');
    d = await office.admin.ok('dossiers.reopen', { id: dossier.id, reason: 'Bổ sung biên bản chấm thi' });
    expect(d.status).toBe('mo');
    const audit = office.t.store.sqlite.prepare("SELECT data FROM audit_log WHERE action = 'reopen'").get() as { data: string };
    expect(audit.data).toContain('Bổ sung biên bản chấm thi');
  });

  it('takes a page count set by hand over the counted one', async () => {
    const dossier = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ có số trang', notation: '05.ST', retention: '10' });
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE, pages: 4 });
    expect((await office.clerk.ok('dossiers.addItems', { dossierId: dossier.id, documentIds: [doc.id] })).pageCount).toBe(4);
    expect(
      (await office.clerk.ok('dossiers.describe', { id: dossier.id, description: 'Kèm bản vẽ khổ lớn', pageCount: 9 })).pageCount,
    ).toBe(9);
  });

  it('refuses to close an empty dossier, and keeps other people’s dossiers to themselves', async () => {
    const dossier = await office.specialist.ok('dossiers.open', {
      year: 2026,
      title: 'Hồ sơ riêng',
      notation: '01.RIENG',
      retention: '10',
    });
    expect((await office.specialist.fail('dossiers.close', { id: dossier.id })).message).toContain('chưa có văn bản');
    const stranger = office.caller();
    await office.admin.ok('users.create', { username: 'khac', fullName: 'Người khác', password: 'matkhau-12345', roles: ['specialist'] });
    await stranger.ok('auth.login', { username: 'khac', password: 'matkhau-12345' });
    expect((await stranger.fail('dossiers.close', { id: dossier.id })).code).toBe('FORBIDDEN');
  });

  it('hands over closed dossiers kept 5 years or more, warns 30 days before a handover is due', async () => {
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const keep = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ lâu dài', notation: '01.LD', retention: '10' });
    const short = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ ngắn hạn', notation: '02.NH', retention: '2' });
    for (const d of [keep, short]) {
      await office.clerk.ok('dossiers.addItems', { dossierId: d.id, documentIds: [doc.id] });
      await office.clerk.ok('dossiers.close', { id: d.id });
    }
    expect((await office.clerk.ok('dossiers.get', { id: keep.id })).handoverWarning).toBe(false);
    clock.set('2027-11-01T02:00:00Z'); // 22 days before the year after closing
    const soon = await office.clerk.ok('dossiers.get', { id: keep.id });
    expect([soon.handoverDue, soon.handoverWarning]).toEqual(['2027-11-23', true]);
    expect((await office.clerk.fail('archive.handover', { dossierIds: [short.id] })).message).toContain('dưới 5 năm');
    const [handed] = await office.clerk.ok('archive.handover', { dossierIds: [keep.id] });
    expect(handed!.status).toBe('nop_luu');
    expect((await office.clerk.fail('dossiers.describe', { id: keep.id, description: 'x' })).code).toBe('FORBIDDEN');
    await office.admin.ok('users.create', {
      username: 'luutru',
      fullName: 'Lưu trữ viên',
      password: 'matkhau-12345',
      roles: ['archivist'],
    });
    const archivist = office.caller();
    await archivist.ok('auth.login', { username: 'luutru', password: 'matkhau-12345' });
    expect((await archivist.ok('dossiers.describe', { id: keep.id, description: 'Đã chỉnh lý' })).description).toBe('Đã chỉnh lý');
  });
});

describe('dossier papers and the handover package', () => {
  async function filledDossier() {
    const c = await catalogue2026();
    const dossier = await office.clerk.ok('dossiers.open', { entryId: c.entries.find((e) => e.code === '01.TCCB')!.id });
    const a = await office.clerk.ok('incoming.register', { ...SAMPLE, pages: 3 });
    const b = await office.clerk.ok('incoming.register', { ...SAMPLE, code: '298/KH-BGDĐT', pages: 2 });
    const pdf = await samplePdf(3);
    await office.backend.attachments.add(
      { userId: null },
      { documentId: a.id, name: 'Kế hoạch 142.pdf', source: Readable.from([Buffer.from(pdf)]) },
    );
    const minutes = await office.backend.attachments.add(
      { userId: null },
      { documentId: dossier.id, name: 'Biên bản họp.pdf', source: Readable.from([Buffer.from(await samplePdf(1))]) },
    );
    await office.clerk.ok('dossiers.addItems', {
      dossierId: dossier.id,
      documentIds: [a.id, b.id],
      free: {
        code: 'BB-01',
        date: '2026-04-01',
        author: 'Hội đồng tuyển dụng',
        summary: 'Biên bản họp hội đồng',
        pages: 1,
        attachmentId: minutes.id,
      },
    });
    return { dossier: await office.clerk.ok('dossiers.close', { id: dossier.id }), pdf };
  }
  const file = async (method: string, input: unknown) => {
    const out = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, method, input);
    if (!out.result.ok) throw new Error(out.result.error.message);
    return out.result.value as { name: string; bytes: Uint8Array };
  };

  it('prints the catalogue (PL V) with its headings and the footer counts', async () => {
    await catalogue2026();
    const pages = await pageTexts((await file('catalogue.print', { year: 2026 })).bytes);
    const all = pages.join(' ');
    expect(all).toContain('DANH MỤC HỒ SƠ NĂM 2026');
    expect(all.indexOf('I. TỔ CHỨC, CÁN BỘ')).toBeLessThan(all.indexOf('01.TCCB'));
    expect(all.indexOf('II. CHUYÊN MÔN')).toBeLessThan(all.indexOf('1. Thi, tuyển sinh'));
    expect(all).toContain('1 hồ sơ bảo quản vĩnh viễn; 2 hồ sơ bảo quản có thời hạn');
  });

  it('puts the dossier on the arrival stamp (Số và ký hiệu HS)', async () => {
    const c = await catalogue2026();
    const dossier = await office.clerk.ok('dossiers.open', { entryId: c.entries[0]!.id });
    const doc = await office.clerk.ok('incoming.register', { ...SAMPLE });
    const scan = await office.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'scan.pdf', source: Readable.from([Buffer.from(await samplePdf(1))]) },
    );
    await office.clerk.ok('dossiers.addItems', { dossierId: dossier.id, documentIds: [doc.id] });
    const stamped = await office.clerk.ok('incoming.stamp', { documentId: doc.id, attachmentId: scan.id });
    if (hasPoppler()) expect(pdftotext((await office.backend.attachments.content(stamped.id)).bytes)).toContain('01.TCCB');
  });

  it('prints the dossier cover and its item list with sheet numbers', async () => {
    const { dossier } = await filledDossier();
    const pages = await pageTexts((await file('dossiers.print', { id: dossier.id })).bytes);
    expect(pages[0]).toContain('Hồ sơ tuyển dụng viên chức năm 2026');
    expect(pages[0]).toContain('Mã hồ sơ: SGDĐT.2026.01.TCCB');
    expect(pages[0]).toContain('Gồm 3 văn bản, 6 trang');
    expect(pages[1]).toMatch(/142\/KH-BGDĐT .*1-3/);
    expect(pages[1]).toMatch(/298\/KH-BGDĐT .*4-5/);
    expect(pages[1]).toContain('Biên bản họp hội đồng');
  });

  it('exports a package whose manifest lists every file with its sha256, and reads back', async () => {
    const { dossier, pdf } = await filledDossier();
    const pkg = (await file('archive.exportPackage', { dossierIds: [dossier.id] })) as unknown as {
      name: string;
      spool: { path: string; size: number };
    };
    // Written to the backend's spool a file at a time (any size), not built in memory.
    expect(statSync(pkg.spool.path).size).toBe(pkg.spool.size);
    const zip = await JSZip.loadAsync(readFileSync(pkg.spool.path));
    rmSync(pkg.spool.path);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.format).toBe('vanthu-archive/1');
    const d = manifest.dossiers[0];
    expect([d.code, d.retention, d.documentCount, d.pageCount]).toEqual(['SGDĐT.2026.01.TCCB', 'Vĩnh viễn', 3, 6]);
    expect(d.items.map((i: { code: string }) => i.code)).toEqual(['142/KH-BGDĐT', '298/KH-BGDĐT', 'BB-01']);
    const files = d.items.flatMap((i: { files: { path: string; sha256: string }[] }) => i.files);
    expect(files).toHaveLength(2); // the incoming document's scan and the free item's own file
    expect(files[1].path).toContain('003-Biên bản họp.pdf');
    // Re-import check: every listed file is in the zip with exactly those bytes.
    for (const f of files) {
      const bytes = await zip.file(f.path)!.async('uint8array');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    expect(await zip.file(files[0].path)!.async('uint8array')).toEqual(new Uint8Array(pdf));
  });

  it('takes a dossier out as one PDF (list, then files by date) and as TT 02/2019 XML, also in the package', async () => {
    const { dossier } = await filledDossier();
    // One PDF: the cover and list, then the 3-page plan, then the 1-page minutes (dated later).
    const merged = await file('dossiers.exportPdf', { id: dossier.id });
    const listPages = (await pageTexts((await file('dossiers.print', { id: dossier.id })).bytes)).length;
    const pages = await pageTexts(merged.bytes);
    expect(pages).toHaveLength(listPages + 3 + 1);
    expect(pages[listPages]).toContain('Ke hoach - page 1');
    expect(pages.at(-1)).toContain('page 1');

    const xmlFile = (await file('dossiers.exportXml', { id: dossier.id })) as unknown as { name: string; spool: { path: string } };
    expect(xmlFile.name).toBe('Ho-so-SGDĐT.2026.01.TCCB.xml');
    const xml = readFileSync(xmlFile.spool.path, 'utf8');
    const tree = parseXml(xml);
    const hoSo = tree.HoSo[0]!;
    expect([hoSo.MaHoSo, hoSo.ThoiHanBaoQuan, hoSo.CheDoSuDung, hoSo.NgonNgu, hoSo.TongSoVanBan, hoSo.SoLuongTrang]).toEqual([
      'SGDĐT.2026.01.TCCB',
      'Vĩnh viễn',
      'Hạn chế',
      'Tiếng Việt',
      '3',
      '6',
    ]);
    const docs = tree.VanBan;
    expect(docs.map((v) => v.SoVaKyHieu)).toEqual(['142/KH-BGDĐT', '298/KH-BGDĐT', 'BB-01']);
    expect(docs[0]).toMatchObject({ SoCuaVanBan: '142', KyHieuCuaVanBan: 'KH-BGDĐT', TenLoaiVanBan: 'Kế hoạch', MucDoTinCay: 'Số hóa' });
    for (const field of ['KyHieuThongTin', 'TuKhoa', 'CheDoSuDung', 'MucDoTinCay', 'ButTich', 'TinhTrangVatLy'])
      expect(field in docs[0]!).toBe(true);

    const pkg = (await file('archive.exportPackage', { dossierIds: [dossier.id] })) as unknown as { spool: { path: string } };
    const zip = await JSZip.loadAsync(readFileSync(pkg.spool.path));
    expect(parseXml(await zip.file('dac-ta-ho-so.xml')!.async('string')).VanBan).toHaveLength(3);

    // A secret document in a package's XML: its register entry, never its content.
    const open = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ mật', notation: '11.M', retention: '10' });
    const secret = await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: '5/M-BCA',
      summary: 'Phương án bảo vệ đề thi',
      confidentiality: 'mat',
    });
    await office.clerk.ok('dossiers.addItems', { dossierId: open.id, documentIds: [secret.id] });
    await office.clerk.ok('dossiers.close', { id: open.id });
    const secretPkg = (await file('archive.exportPackage', { dossierIds: [open.id] })) as unknown as { spool: { path: string } };
    const secretXml = await (await JSZip.loadAsync(readFileSync(secretPkg.spool.path))).file('dac-ta-ho-so.xml')!.async('string');
    expect(secretXml).toContain('5/M-BCA');
    expect(secretXml).not.toContain('bảo vệ đề thi');
  });

  it('streams the XML of a dossier of 5,000 documents', async () => {
    const ids: string[] = [];
    office.t.store.sqlite.transaction(() => {
      for (let i = 1; i <= 5000; i++)
        ids.push(
          registerIncoming(
            office.t.store,
            { userId: null },
            { ...SAMPLE, ...INCOMING_DEFAULTS, code: `${i}/TB-SGDĐT`, summary: `Thông báo số ${i} <&> “trích yếu”` },
          ).id,
        );
    })();
    const d = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ năm nghìn văn bản', notation: '10.TB', retention: '5' });
    for (let i = 0; i < ids.length; i += 200)
      await office.clerk.ok('dossiers.addItems', { dossierId: d.id, documentIds: ids.slice(i, i + 200) });
    const xmlFile = (await file('dossiers.exportXml', { id: d.id })) as unknown as { spool: { path: string } };
    const tree = parseXml(readFileSync(xmlFile.spool.path, 'utf8'));
    expect(tree.VanBan).toHaveLength(5000);
    expect(tree.VanBan[4999]!.TrichYeuNoiDung).toBe('Thông báo số 5000 <&> “trích yếu”');
  }, 120_000);

  it('files one document in two dossiers without copying it: one register entry, one file, both XMLs name it alike', async () => {
    const { dossier } = await filledDossier();
    const first = dossier.items[0]!;
    const other = await office.clerk.ok('dossiers.open', { year: 2026, title: 'Hồ sơ tham chiếu', notation: '09.TC', retention: '10' });
    await office.clerk.ok('dossiers.addItems', { dossierId: other.id, documentIds: [first.documentId!] });
    const files = await office.clerk.ok('attachments.list', { documentId: first.documentId! });
    expect(files).toHaveLength(1);
    const a = parseXml(
      readFileSync(((await file('dossiers.exportXml', { id: dossier.id })) as unknown as { spool: { path: string } }).spool.path, 'utf8'),
    );
    const b = parseXml(
      readFileSync(((await file('dossiers.exportXml', { id: other.id })) as unknown as { spool: { path: string } }).spool.path, 'utf8'),
    );
    expect(b.VanBan[0]!.MaDinhDanhVanBan).toBe(a.VanBan[0]!.MaDinhDanhVanBan);
    expect([a.VanBan[0]!.LuuChinh, b.VanBan[0]!.LuuChinh]).toEqual(['Có', 'Không (tham chiếu)']);
    const stored = office.t.store.sqlite.prepare('SELECT count(*) AS n FROM documents WHERE id = ?').get(first.documentId) as { n: number };
    expect(stored.n).toBe(1);
  });

  it('makes the handover papers: the list and the biên bản giao nhận', async () => {
    const { dossier } = await filledDossier();
    const pages = await pageTexts((await file('archive.handoverList', { dossierIds: [dossier.id] })).bytes);
    const all = pages.join(' ');
    expect(all).toContain('MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU');
    expect(all).toContain('01.TCCB');
    expect(all).toContain('BIÊN BẢN GIAO NHẬN TÀI LIỆU');
    expect(all).toContain('giao nhận 1 hồ sơ, 6 trang');
  });
});

describe('retention: danh mục tài liệu hết giá trị (proposed, never deleted)', () => {
  const dossierOf = async (notation: string, retention: string, issuedDate: string, close = true) => {
    const doc = await office.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: `${notation}/KH-BGDĐT`,
      issuedDate,
      receivedAt: `${issuedDate}T02:00:00Z`,
    });
    const d = await office.specialist.ok('dossiers.open', {
      year: Number(issuedDate.slice(0, 4)),
      title: `Hồ sơ ${notation}`,
      notation,
      retention,
    });
    await office.specialist.ok('dossiers.addItems', { dossierId: d.id, documentIds: [doc.id] });
    if (close) await office.specialist.ok('dossiers.close', { id: d.id });
    return d;
  };

  it('lists closed dossiers whose retention ended, counted from the year after the work ended', async () => {
    const ended = await dossierOf('01.TS', '5', '2019-05-02'); // kept through 2024
    await dossierOf('02.TS', '10', '2019-05-02'); // through 2029
    await dossierOf('03.TS', 'vinh_vien', '2010-05-02'); // never
    await dossierOf('04.TS', '5', '2018-05-02', false); // still open: still work
    const edge = await dossierOf('05.TS', '5', '2021-12-30'); // through 2026: not yet in 2026
    const list = await office.leader.ok('dossiers.retentionEnded');
    expect(list.map((e) => [e.dossier.notation, e.endYear, e.keptThrough])).toEqual([['01.TS', 2019, 2024]]);
    expect((await office.clerk.ok('dossiers.retentionEnded', { asOf: '2027-01-01' })).map((e) => e.dossier.id)).toEqual([
      ended.id,
      edge.id,
    ]);
    expect((await office.specialist.fail('dossiers.retentionEnded')).code).toBe('FORBIDDEN');

    const printed = await office.backend.call({ token: office.clerk.token, transport: 'ipc' }, 'dossiers.printRetentionEnded', {});
    if (!printed.result.ok) throw new Error(printed.result.error.message);
    const text = (await pageTexts((printed.result.value as { bytes: Uint8Array }).bytes)).join('\n');
    expect(text).toContain('DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ');
    expect(text).toContain(ended.fullCode);
    expect(text).toContain('Tổng cộng: 1 hồ sơ');
    // Listing is all it does: the dossier and its document are still there.
    expect((await office.clerk.ok('dossiers.get', { id: ended.id })).documentCount).toBe(1);
  });
});

/** The dossier XML read back: each HoSo and each VanBan as its child elements' text. */
function parseXml(xml: string): { HoSo: Record<string, string>[]; VanBan: Record<string, string>[] } {
  const p = new SaxesParser({ xmlns: true });
  const out = { HoSo: [] as Record<string, string>[], VanBan: [] as Record<string, string>[] };
  const stack: { name: string; fields: Record<string, string>; text: string }[] = [];
  const errors: Error[] = [];
  p.on('error', (e) => errors.push(e));
  p.on('opentag', (t) => stack.push({ name: t.local, fields: {}, text: '' }));
  p.on('text', (t) => stack.length && (stack[stack.length - 1]!.text += t));
  p.on('closetag', () => {
    const done = stack.pop()!;
    if (done.name === 'HoSo' || done.name === 'VanBan') out[done.name].push(done.fields);
    const parent = stack[stack.length - 1];
    if (parent && done.name !== 'VanBan' && done.name !== 'DanhSachVanBan') parent.fields[done.name] = done.text;
  });
  p.write(xml).close();
  if (errors[0]) throw errors[0];
  return out;
}
