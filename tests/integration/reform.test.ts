// The 2025 reorganisation: the district's Phòng GD&ĐT is dissolved and the commune takes over its
// records from its backup — the old books closed and read as the old unit's, its numbers, codes
// and history kept, its people and their open tasks going on here; the commune's own numbering
// untouched. Refused with the reason: the office's own backup, a unit taken twice, a unit synced
// with another server, a folder that is not a backup, a backup changed after it was made.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../../db/admin/users.js';
import { openStore } from '../../db/core/store.js';
import { takeOverBatches } from '../../db/reform/takeOver.js';
import { writeConfig } from '../../electron/sync/syncConfig.js';
import { Caller, PASSWORD, SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { pageTexts } from '../helpers/pdfPages.js';
import { inkPng } from '../helpers/inkImages.js';

let district: Office; // Phòng Giáo dục và Đào tạo huyện Hàm Yên, dissolved on 1 July 2025
let commune: Office; // Ủy ban nhân dân xã Hàm Yên, its successor
let out: string;
let backup: string;
const taken: { incoming: string; outgoing: string; secret: string; dossier: string } = {
  incoming: '',
  outgoing: '',
  secret: '',
  dossier: '',
};

async function backUp(office: Office): Promise<string> {
  // Each in its own folder: the offices' clocks stand still, and a backup is named by the second.
  return (await office.admin.ok('backup.create', { dir: mkdtempSync(join(out, 'sao-luu-')) })).path;
}

const syncedTo = (office: Office, serverId: string) =>
  writeConfig(office.t.store, {
    url: 'https://dongbo.example.vn',
    serverId,
    deviceId: 'd1',
    deviceName: 'Máy văn thư',
    unitCode: 'X',
    unitName: 'X',
    sealedToken: 'plain:x',
    eagerFiles: false,
    stopped: null,
  });

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'vanthu-reform-'));
  district = await setUpOffice({ now: () => new Date('2025-06-20T02:00:00Z') });
  await district.admin.ok('units.updateOffice', {
    name: 'Phòng Giáo dục và Đào tạo huyện Hàm Yên',
    code: 'PGDĐT',
    organId: '000.01.31.H56',
  });
  const users = await district.admin.ok('users.list');
  const id = (u: string) => users.find((x) => x.username === u)!.id;
  const doc = await district.clerk.ok('incoming.register', { ...SAMPLE, issuedDate: '2025-06-10', code: '88/SGDĐT-GDTrH' });
  await district.backend.attachments.add(
    { userId: null },
    { documentId: doc.id, name: 'cong-van.pdf', source: Readable.from([Buffer.from(await samplePdf(2))]) },
  );
  await district.clerk.ok('incoming.submit', { id: doc.id, leaderId: id('lanhdao') });
  await district.leader.ok('incoming.assign', {
    id: doc.id,
    direction: 'Giao chuyên viên tham mưu, báo cáo trước 30/7.',
    lead: { userId: id('chuyenvien'), deadline: '2025-07-30' },
  });
  taken.incoming = doc.id;
  const secret = await district.clerk.ok('incoming.register', {
    ...SAMPLE,
    issuedDate: '2025-06-11',
    code: '12/M-SGDĐT',
    confidentiality: 'mat',
    summary: 'Đề thi dự phòng kỳ thi tuyển sinh lớp 10',
  });
  taken.secret = secret.id;
  const issued = await district.clerk.ok('outgoing.issue', {
    type: 'CV',
    issuedDate: '2025-06-15',
    summary: 'V/v bàn giao hồ sơ, tài liệu khi giải thể Phòng Giáo dục và Đào tạo',
    signerName: 'Người lanhdao',
    recipients: 'UBND xã Hàm Yên;\nLưu: VT.',
  });
  taken.outgoing = issued.id;
  const dossier = await district.specialist.ok('dossiers.open', {
    year: 2025,
    title: 'Hồ sơ bàn giao khi giải thể',
    notation: '05.VP',
    retention: 'vinh_vien',
  });
  taken.dossier = dossier.id;
  await district.leader.ok('signing.setImage', { kind: 'signature', png: Buffer.from(inkPng('signature')).toString('base64') });
  backup = await backUp(district);

  commune = await setUpOffice({ now: () => new Date('2025-07-02T02:00:00Z') });
  await commune.admin.ok('units.updateOffice', { name: 'Ủy ban nhân dân xã Hàm Yên', code: 'UBND' });
});
afterAll(async () => {
  for (const o of [district, commune]) {
    await o?.backend.close();
    o?.cleanup();
  }
  rmSync(out, { recursive: true, force: true });
});

describe('units.inspectTakeOver', () => {
  it('says what the old unit holds before anything is written', async () => {
    const facts = await commune.admin.ok('units.inspectTakeOver', { path: backup });
    expect(facts.unit).toMatchObject({ name: 'Phòng Giáo dục và Đào tạo huyện Hàm Yên', code: 'PGDĐT', organId: '000.01.31.H56' });
    expect(facts).toMatchObject({ documents: 3, secretDocuments: 1, dossiers: 1, openTasks: 1 });
    expect(facts.users.map((u) => u.username)).toEqual(['chuyenvien', 'lanhdao', 'quantri', 'vanthu']);
    expect((await commune.admin.ok('units.list')).map((u) => u.name)).toEqual(['Ủy ban nhân dân xã Hàm Yên']);
  });

  it('refuses the office’s own backup, a folder that is no backup, and a backup changed since', async () => {
    const own = await commune.admin.fail('units.inspectTakeOver', { path: await backUp(commune) });
    expect(own.message).toContain('chính đơn vị này');
    const empty = mkdtempSync(join(out, 'trong-'));
    const none = await commune.admin.fail('units.inspectTakeOver', { path: empty });
    expect(none.message).toMatch(/sao lưu/);
    const changed = await backUp(district);
    const db = join(changed, 'vanthu.sqlite');
    const bytes = readFileSync(db);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(db, bytes);
    expect((await commune.admin.fail('units.takeOver', { path: changed, kind: 'giai_the', effectiveDate: '2025-07-01' })).message).toMatch(
      /thay đổi hoặc hỏng/,
    );
    expect((await commune.admin.ok('units.list')).length).toBe(1);
    expect((await commune.specialist.fail('units.inspectTakeOver', { path: backup })).code).toBe('FORBIDDEN');
  });

  it('refuses a unit synced with another server than this office’s', async () => {
    syncedTo(district, 'server-huyen');
    const elsewhere = await backUp(district);
    syncedTo(commune, 'server-tinh');
    const refused = await commune.admin.fail('units.inspectTakeOver', { path: elsewhere });
    expect(refused.message).toContain('máy chủ khác');
    writeConfig(commune.t.store, null);
  });
});

/** A copy of the backup with its store changed by `sql`, its manifest made to match (as an attacker would). */
function tampered(from: string, sql: string): string {
  const dir = mkdtempSync(join(out, 'gia-mao-'));
  cpSync(from, dir, { recursive: true });
  const file = join(dir, 'vanthu.sqlite');
  const db = new Database(file);
  db.exec(sql);
  db.close();
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
  const bytes = readFileSync(file);
  const entry = manifest.files.find((f) => f.path === 'vanthu.sqlite')!;
  entry.size = bytes.length;
  entry.sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

describe('a backup that would graft onto the office', () => {
  it('is refused when its rows point at this office’s documents or reuse their ids, and nothing is written', async () => {
    const own = await commune.clerk.ok('incoming.register', { ...SAMPLE, issuedDate: '2025-07-01', code: '5/UBND-VP' });
    const task = tampered(
      backup,
      `INSERT INTO tasks (id, document_id, role, user_id, status, hlc, created_at, updated_at)
         SELECT 'gia-mao-1', '${own.id}', 'chu_tri', user_id, 'moi', hlc, created_at, updated_at FROM tasks LIMIT 1`,
    );
    expect((await commune.admin.fail('units.inspectTakeOver', { path: task })).message).toContain('trỏ tới văn bản');
    const reused = tampered(
      backup,
      `UPDATE documents SET id = '${own.id}' WHERE id = '${taken.outgoing}'; DELETE FROM document_events WHERE document_id = '${taken.outgoing}';`,
    );
    const refused = await commune.admin.fail('units.takeOver', { path: reused, kind: 'giai_the', effectiveDate: '2025-07-01' });
    expect(refused.message).toContain('trùng mã');
    expect((await commune.admin.ok('units.list')).length).toBe(1);
    await commune.clerk.ok('incoming.cancel', { id: own.id, reason: 'Vào sổ để thử' });
  });
});

describe('reports.units', () => {
  it('says the report of the units under the office comes from the sync server, which this PC is not joined to', async () => {
    const refused = await commune.leader.fail('reports.units', { from: '2025-01-01', to: '2025-12-31', groupBy: 'type' });
    expect(refused.message).toContain('chưa kết nối máy chủ');
  });
});

describe('units.takeOver', () => {
  it('brings the dissolved unit’s records, people and open work to the commune', async () => {
    const result = await commune.admin.ok('units.takeOver', {
      path: backup,
      kind: 'giai_the',
      effectiveDate: '2025-07-01',
      office: { name: 'Ủy ban nhân dân xã Hàm Yên', code: 'UBND', organId: '000.00.31.H56' },
    });
    expect(result.rows.documents).toBe(3);
    // The commune had its own vanthu, lanhdao, …: the old unit's logins get its code.
    expect(result.renamed).toContainEqual({ from: 'vanthu', to: 'vanthu.pgddt' });
    expect(result.moved.sort()).toEqual(['chuyenvien.pgddt', 'lanhdao.pgddt', 'vanthu.pgddt']);
    expect(result.tasksToReassign).toBe(0);

    const units = await commune.admin.ok('units.list');
    expect(units[0]).toMatchObject({ current: true, name: 'Ủy ban nhân dân xã Hàm Yên', organId: '000.00.31.H56' });
    expect(units[1]).toMatchObject({
      current: false,
      code: 'PGDĐT',
      reform: 'giai_the',
      endedOn: '2025-07-01',
      organId: '000.01.31.H56',
      label: 'Phòng Giáo dục và Đào tạo huyện Hàm Yên (giải thể từ 01/07/2025)',
    });

    // The old book: closed, the old unit's; the old numbers and codes as they were.
    const books = await commune.clerk.ok('books.list', { kind: 'incoming' });
    const old = books.find((b) => b.unitId === units[1]!.id)!;
    expect(old).toMatchObject({ name: 'Sổ văn bản đến 2025', closed: true, unitLabel: units[1]!.label });
    const doc = await commune.clerk.ok('incoming.get', { id: taken.incoming });
    expect(doc).toMatchObject({ number: 1, code: '88/SGDĐT-GDTrH', bookId: old.id });
    expect((await commune.clerk.ok('attachments.list', { documentId: doc.id })).length).toBe(1);
    const outgoing = await commune.clerk.ok('outgoing.get', { id: taken.outgoing });
    expect(outgoing.code).toBe('01/PGDĐT');
    // The history reads as it happened, by the old unit's people.
    const history = await commune.clerk.ok('incoming.history', { id: doc.id });
    expect(history.some((h) => h.at.startsWith('2025-06-20'))).toBe(true);

    // Printed, the old book is the old unit's register; the commune's own catalogue stays its own.
    const printed = await commune.backend.call({ token: commune.clerk.token, transport: 'ipc' }, 'registers.print', {
      kind: 'incoming',
      bookId: old.id,
    });
    const pages = await pageTexts((printed.result as { value: { bytes: Uint8Array } }).value.bytes);
    expect(pages[0]!.toLowerCase()).toContain('phòng giáo dục và đào tạo huyện hàm yên');
    expect(pages[0]!.toLowerCase()).not.toContain('xã hàm yên');

    // The commune's own register goes on from its own number 1, in its own book.
    const own = await commune.clerk.ok('incoming.register', { ...SAMPLE, issuedDate: '2025-07-01', code: '1/UBND-VP' });
    // (1 is the one the refused backups were tried against.)
    const ownBook = books.find((b) => !b.unitId && b.year === 2025)!;
    expect(ownBook.nextNumber).toBe(2);
    expect(own.number).toBe(2);
    expect(own.bookId).not.toBe(old.id);
    // The old books take nothing new.
    const into = await commune.clerk.fail('incoming.register', { ...SAMPLE, issuedDate: '2025-07-01', code: '2/UBND-VP', bookId: old.id });
    expect(into.message).toContain('khóa sổ');

    // The old unit's specialist logs in here with his own password and finds his open task.
    const specialist = new Caller(commune.backend);
    await specialist.ok('auth.login', { username: 'chuyenvien.pgddt', password: PASSWORD });
    const mine = await specialist.ok('tasks.mine', {});
    expect(mine.map((t) => t.documentId)).toContain(taken.incoming);
    // The old unit's leader signs here with his own signature image.
    const leader = new Caller(commune.backend);
    await leader.ok('auth.login', { username: 'lanhdao.pgddt', password: PASSWORD });
    expect((await leader.ok('signing.settings')).mySignature).toBe(true);
    // His old unit's admin does not administer the commune.
    const oldAdmin = findUserByUsername(commune.t.store, 'quantri.pgddt')!;
    expect(oldAdmin.active).toBe(false);
    expect((await new Caller(commune.backend).fail('auth.login', { username: 'quantri.pgddt', password: PASSWORD })).code).not.toBe(
      undefined,
    );

    // The dossier stays the old unit's; the secret document came too, on this PC only.
    const dossier = await commune.admin.ok('dossiers.get', { id: taken.dossier });
    expect(dossier.unitLabel).toBe(units[1]!.label);
    const secret = commune.t.store.sqlite.prepare('SELECT confidentiality FROM documents WHERE id = ?').get(taken.secret) as {
      confidentiality: string;
    };
    expect(secret.confidentiality).toBe('mat');
  });

  it('is refused a second time, and says since when', async () => {
    const again = await commune.admin.fail('units.takeOver', { path: backup, kind: 'giai_the', effectiveDate: '2025-07-01' });
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('đã được tiếp nhận');
  });
});

describe('a split, and a takeover cut off half way', () => {
  it('a second successor takes the people it chose; the open task of one who did not come is counted to give again', async () => {
    const school = await setUpOffice({ now: () => new Date('2025-07-03T02:00:00Z') });
    try {
      await school.admin.ok('units.updateOffice', { name: 'Trường THPT Hàm Yên', code: 'THPTHY' });
      const facts = await school.admin.ok('units.inspectTakeOver', { path: backup });
      const lanhdao = facts.users.find((u) => u.username === 'lanhdao')!;
      // Cut off after the first batch, as a PC switched off mid-copy would.
      const copy = join(mkdtempSync(join(out, 'cat-')), 'vanthu.sqlite');
      cpSync(join(backup, 'vanthu.sqlite'), copy);
      const source = openStore(copy);
      const ctx = await school.as();
      const steps = takeOverBatches(school.t.store, ctx, source, {
        kind: 'chia_tach',
        effectiveDate: '2025-07-01',
        movingUserIds: [lanhdao.id],
      });
      steps.next();
      source.close();
      expect((await school.admin.ok('units.list')).find((u) => !u.current)).toMatchObject({ reform: null, label: facts.unit.name });

      const result = await school.admin.ok('units.takeOver', {
        path: backup,
        kind: 'chia_tach',
        effectiveDate: '2025-07-01',
        movingUserIds: [lanhdao.id],
      });
      expect(result.moved).toEqual(['lanhdao.pgddt']);
      expect(result.tasksToReassign).toBe(1);
      const counted = school.t.store.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
      expect(counted.n).toBe(3);
      expect(findUserByUsername(school.t.store, 'chuyenvien.pgddt')!.active).toBe(false);
      expect((await school.admin.ok('units.list')).find((u) => !u.current)).toMatchObject({ reform: 'chia_tach' });
    } finally {
      await school.backend.close();
      school.cleanup();
    }
  });
});
