// Secret documents (Luật Bảo vệ bí mật nhà nước 2018): their content is shown only to văn thư,
// lãnh đạo and those who handle them, on every read path; it never leaves the registering PC
// through the full export; files may be kept only on a PC declared off the network.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Caller, PASSWORD, SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { hasPoppler, pdftotext } from '../helpers/pdfText.js';

const SECRET_WORDS = 'Phương án bảo vệ đề thi Quasimodo';
const SECRET = {
  ...SAMPLE,
  code: '7/KH-BGDĐT',
  summary: `${SECRET_WORDS} năm 2026`,
  confidentiality: 'toi_mat' as const,
  notes: 'Ghi chú mật Zebulon',
};

let office: Office;
let other: Caller; // a second specialist, not assigned
let archivist: Caller;
let handler: Caller; // office.specialist, assigned chủ trì
let secretId = '';
let commonId = '';

async function login(username: string, roles: ('specialist' | 'archivist')[]): Promise<Caller> {
  await office.admin.ok('users.create', { username, fullName: `Người ${username}`, password: PASSWORD, roles });
  const c = office.caller();
  await c.ok('auth.login', { username, password: PASSWORD });
  return c;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A method as the window calls it (file answers are not given over plain HTTP). */
async function ipc(c: Caller, method: string, input: Record<string, unknown>) {
  return (await office.backend.call({ token: c.token, transport: 'ipc' }, method, input)).result;
}
async function file(c: Caller, method: string, input: Record<string, unknown>): Promise<Uint8Array> {
  const out = await ipc(c, method, input);
  if (!out.ok) throw new Error(out.error.message);
  return (out.value as { bytes: Uint8Array }).bytes;
}

async function workbookText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text)))));
  return cells.join('\n');
}

beforeAll(async () => {
  office = await setUpOffice();
  handler = office.specialist;
  other = await login('chuyenvien2', ['specialist']);
  archivist = await login('luutru', ['archivist']);
  const doc = await office.clerk.ok('incoming.register', SECRET);
  secretId = doc.id;
  commonId = (await office.clerk.ok('incoming.register', { ...SAMPLE, code: '8/KH-BGDĐT', summary: 'Kế hoạch thường Quasimodo công khai' }))
    .id;
  const users = await office.admin.ok('users.list');
  const handlerId = users.find((u) => u.username === 'chuyenvien')!.id;
  await office.clerk.ok('incoming.submit', { id: secretId, leaderId: users.find((u) => u.username === 'lanhdao')!.id });
  await office.leader.ok('incoming.assign', {
    id: secretId,
    direction: 'Chỉ đạo mật Xylophone',
    lead: { userId: handlerId },
  });
}, 60_000);
afterAll(async () => {
  await office.backend.close();
  office.cleanup();
});

describe('who reads a secret document', () => {
  it('văn thư, lãnh đạo and the assigned specialist see its content', async () => {
    for (const c of [office.clerk, office.leader, handler]) {
      const d = await c.ok('incoming.get', { id: secretId });
      expect(d.summary).toBe(SECRET.summary);
      expect(d.masked).toBe(false);
      expect((await c.ok('incoming.handling', { id: secretId })).direction).toBe('Chỉ đạo mật Xylophone');
    }
    const mine = await handler.ok('tasks.mine', {});
    expect(mine.find((t) => t.documentId === secretId)?.document.summary).toBe(SECRET.summary);
  });

  it('another specialist and the archivist see a masked row: number, date, organ, code — no content', async () => {
    for (const c of [other, archivist]) {
      const d = await c.ok('incoming.get', { id: secretId });
      expect(d).toMatchObject({ masked: true, summary: 'Văn bản mật', notes: null, code: SECRET.code, agencyName: SECRET.agency });
      expect(d.number).toBeGreaterThan(0);
      const list = await c.ok('incoming.list', {});
      const row = list.items.find((x) => x.id === secretId)!;
      expect(row.summary).toBe('Văn bản mật');
      expect(JSON.stringify(list)).not.toContain('Quasimodo năm');
      expect(JSON.stringify(list)).not.toContain('Zebulon');
    }
  });

  it('is not found by the words of its content, only by its exact code (masked)', async () => {
    const words = await other.ok('search.query', { q: 'Quasimodo' });
    expect(words.items.map((h) => h.id)).toEqual([commonId]);
    expect((await other.ok('incoming.list', { q: 'Quasimodo' })).items.map((d) => d.id)).toEqual([commonId]);
    const byCode = await other.ok('search.query', { q: SECRET.code });
    const hit = byCode.items.find((h) => h.id === secretId)!;
    expect(hit.title).toContain('Văn bản mật');
    expect(hit.title).not.toContain('Quasimodo');
    // Those who may read it find it by its words.
    expect((await office.clerk.ok('search.query', { q: 'Quasimodo' })).items.map((h) => h.id)).toContain(secretId);
  });

  it('refuses its files, history and handling slip to those who may not read it', async () => {
    for (const method of ['attachments.list', 'incoming.history', 'incoming.handling'] as const) {
      const input = method === 'attachments.list' ? { documentId: secretId } : { id: secretId };
      const e = await other.fail(method, input);
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toMatch(/văn bản mật/);
      expect((await archivist.fail(method, input)).code).toBe('FORBIDDEN');
    }
    expect((await handler.ok('incoming.history', { id: secretId })).length).toBeGreaterThan(0);
  });

  it('masks the follow-up register, the printed and exported registers and dossiers', async () => {
    const follow = await other.ok('incoming.followUp', {});
    expect(follow.items.find((r) => r.id === secretId)?.summary).toBe('Văn bản mật');
    const bookId = (await office.clerk.ok('incoming.get', { id: secretId })).bookId;
    const forOther = await workbookText(await file(archivist, 'registers.export', { kind: 'incoming', bookId }));
    expect(forOther).toContain('Văn bản mật');
    expect(forOther).not.toContain('Quasimodo năm');
    expect(forOther).toContain('Quasimodo công khai');
    const forClerk = await workbookText(await file(office.clerk, 'registers.export', { kind: 'incoming', bookId }));
    expect(forClerk).toContain(SECRET.summary);
    if (hasPoppler()) {
      const printed = pdftotext(await file(archivist, 'registers.print', { kind: 'incoming', bookId }));
      expect(printed).not.toContain('Quasimodo năm');
    }
    const dossier = await office.clerk.ok('dossiers.open', {
      title: 'Hồ sơ thi tuyển 2026',
      year: 2026,
      notation: '01.TCCB',
      retention: '10',
    });
    await office.clerk.ok('dossiers.addItems', { dossierId: dossier.id, documentIds: [secretId, commonId] });
    const seen = await other.ok('dossiers.get', { id: dossier.id });
    expect(seen.items.find((i) => i.documentId === secretId)?.summary).toBe('Văn bản mật');
    expect(seen.items.find((i) => i.documentId === commonId)?.summary).toContain('Quasimodo công khai');
    expect((await office.clerk.ok('dossiers.get', { id: dossier.id })).items.find((i) => i.documentId === secretId)?.summary).toContain(
      SECRET_WORDS,
    );
  });

  it('logs who read its content, when and through what', async () => {
    await handler.ok('incoming.get', { id: secretId });
    const reads = office.t.store.sqlite
      .prepare("SELECT user_id AS userId, data FROM audit_log WHERE action = 'secret.read' ORDER BY seq")
      .all() as { userId: string; data: string }[];
    const users = await office.admin.ok('users.list');
    const handlerId = users.find((u) => u.username === 'chuyenvien')!.id;
    const otherId = users.find((u) => u.username === 'chuyenvien2')!.id;
    expect(reads.some((r) => r.userId === handlerId && r.data.includes('incoming.get') && r.data.includes(secretId))).toBe(true);
    // A masked row is no read.
    expect(reads.some((r) => r.userId === otherId)).toBe(false);
  });
});

describe('files of a secret document', () => {
  it('are refused on a networked PC, citing the law; allowed once the PC is declared off the network', async () => {
    const pdf = Buffer.from(await samplePdf());
    const add = () =>
      office.backend.attachments.add({ userId: null }, { documentId: secretId, name: 'de-thi.pdf', source: Readable.from([pdf]) });
    await expect(add()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Luật Bảo vệ bí mật nhà nước 2018/) });
    expect((await office.clerk.ok('pc.get')).airGapped).toBe(false);
    expect((await office.clerk.fail('pc.setAirGapped', { airGapped: true })).code).toBe('FORBIDDEN');
    expect((await office.admin.ok('pc.setAirGapped', { airGapped: true })).airGapped).toBe(true);
    const added = await add();
    // Sync cannot start on such a PC.
    const refused = await office.admin.fail('sync.connect', { url: 'http://127.0.0.1:9', code: 'ABCD-EFGH' });
    expect(refused.message).toMatch(/không nối mạng/);
    // The file is read by those who may, and by no one else.
    expect((await office.clerk.ok('attachments.list', { documentId: secretId })).map((a) => a.id)).toEqual([added.id]);
    expect((await file(handler, 'attachments.get', { id: added.id })).length).toBe(added.size);
    expect(await ipc(other, 'attachments.get', { id: added.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await other.fail('attachments.check', { id: added.id })).code).toBe('FORBIDDEN');
    // Nor where its words stand on its pages, nor where it would be filed.
    expect((await other.fail('attachments.hits', { id: added.id, q: 'xylophone' })).code).toBe('FORBIDDEN');
    // Nor who signed it (its signatures are read from its content).
    expect((await other.fail('attachments.signatures', { id: added.id })).code).toBe('FORBIDDEN');
    expect((await other.fail('dossiers.suggest', { id: secretId })).code).toBe('FORBIDDEN');
    expect((await archivist.fail('attachments.remove', { id: added.id })).code).toBe('FORBIDDEN');
  });

  it('the full export carries its register entry, not its content, files or password hashes', async () => {
    const out = await office.admin.ok('backup.exportAll', { dir: join(office.t.dir, 'xuat') });
    const files = filesUnder(out.path);
    const text = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    const utf8 = files
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const docs = JSON.parse(readFileSync(join(out.path, 'documents.json'), 'utf8')) as { id: string; code: string; summary: string }[];
    expect(docs.find((d) => d.id === secretId)).toMatchObject({ code: SECRET.code, summary: '' });
    expect(utf8).toContain('Quasimodo công khai');
    for (const f of files.filter((x) => x.endsWith('.json'))) {
      const t = readFileSync(f, 'utf8');
      for (const word of ['Quasimodo năm', 'Zebulon', 'Xylophone']) expect(t, `${f} holds “${word}”`).not.toContain(word);
    }
    expect(utf8).not.toMatch(/password_?hash|sealed_?key/i);
    expect(utf8).not.toMatch(/\$argon2|scrypt\$/);
    // Not the PDF either (its bytes start with %PDF; the export holds no file of the document).
    expect(text).not.toContain('%PDF');
  });
});
