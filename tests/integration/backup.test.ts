// Backups: made while the office keeps registering, every file hashed in the manifest, unchanged
// files linked from the previous backup; bad backups refused with the reason before anything is
// touched; a restore through the real server that keeps the current store aside; the daily
// schedule, its rotation and its warnings; the full export.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupScheduler } from '../../electron/backup/scheduler.js';
import { pickToKeep } from '../../electron/backup/rotation.js';
import { serve } from '../../electron/serve.js';
import { SAMPLE, setUpOffice, type Office } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { testCa } from '../helpers/testCa.js';

let office: Office;
let out: string;
let n = 0;
const register = () =>
  office.clerk.ok('incoming.register', { ...SAMPLE, code: `${++n}/SGDĐT`, summary: `Công văn thứ ${n} về kế hoạch năm học` });

beforeAll(async () => {
  office = await setUpOffice();
  out = mkdtempSync(join(tmpdir(), 'vanthu-backups-'));
  for (let i = 0; i < 20; i++) await register();
  const doc = await register();
  await office.backend.attachments.add(
    { userId: null },
    { documentId: doc.id, name: 'ke-hoach.pdf', source: Readable.from([Buffer.from(await samplePdf(3))]) },
  );
});
afterAll(async () => {
  await office.backend.close();
  office.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('backup.create', () => {
  it('copies the store and the files while registrations go on, each file hashed in the manifest', async () => {
    const making = office.admin.ok('backup.create', { dir: out });
    const during = await Promise.all([register(), register(), register()]);
    const made = await making;
    expect(during.map((d) => d.number)).toEqual([22, 23, 24]);
    expect(made.documents).toBeGreaterThanOrEqual(21);
    expect(made.files).toBe(1);
    const manifest = JSON.parse(readFileSync(join(made.path, 'manifest.json'), 'utf8')) as {
      files: { path: string; size: number; sha256: string }[];
      schemaVersion: number;
    };
    expect(manifest.schemaVersion).toBe(office.t.store.schemaVersion);
    for (const f of manifest.files) expect(statSync(join(made.path, f.path)).size).toBe(f.size);
    const copy = new Database(join(made.path, 'vanthu.sqlite'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(readdirSync(out).some((n) => n.endsWith('.dang-sao-luu'))).toBe(false);
    expect((await office.admin.ok('backup.status')).lastGood?.path).toBe(made.path);
  });

  it('links the files an earlier backup already holds instead of copying them again', async () => {
    await new Promise((r) => setTimeout(r, 1100)); // folder names carry the second
    const made = await office.admin.ok('backup.create', { dir: out });
    expect(made.linked).toBe(1);
  });

  it('says what is wrong with a folder it cannot write to', async () => {
    const file = join(out, 'not-a-folder');
    writeFileSync(file, 'x');
    const err = await office.admin.fail('backup.create', { dir: join(file, 'sub') });
    expect(err.message).toMatch(/Không|không/);
    expect((await office.clerk.fail('backup.create', { dir: out })).code).toBe('FORBIDDEN');
  });

  it('refuses a relative path, a file, the kernel’s folders and a link into them — each in words, never hanging (#14 finding 9)', async () => {
    const file = join(out, 'a-file');
    writeFileSync(file, 'x');
    const link = join(out, 'vao-proc');
    symlinkSync('/proc/self', link);
    const bad = ['sao-luu', file, join(file, 'con'), '/proc/self/fd', '/sys/kernel', '/dev', link];
    for (const method of ['backup.create', 'backup.exportAll'] as const) {
      for (const dir of bad) {
        const e = await office.admin.fail(method, { dir });
        expect(e.code, `${method} ${dir}`).not.toBe('INTERNAL');
        expect(e.message).toMatch(/thư mục|ghi được|đường dẫn/);
      }
    }
    expect((await office.admin.fail('backup.setSchedule', { folder: '/proc/self', enabled: true })).message).toMatch(/hệ thống/);
    // Nothing is stuck: the next backup into a real folder goes through.
    const fresh = mkdtempSync(join(tmpdir(), 'vanthu-backups-ok-'));
    expect((await office.admin.ok('backup.create', { dir: fresh })).path).toContain(fresh);
    expect((await office.admin.ok('backup.status')).running).toBeNull();
    rmSync(fresh, { recursive: true, force: true });
  });
});

describe('backup.verify refuses a bad backup with the reason', () => {
  const fresh = async () => {
    await new Promise((r) => setTimeout(r, 1100));
    return (await office.admin.ok('backup.create', { dir: mkdtempSync(join(out, 'v-')) })).path;
  };

  it('a changed attachment, a missing manifest, a damaged store, a newer schema', async () => {
    const tampered = await fresh();
    const attached = readdirSync(join(tampered, 'files'), { recursive: true })
      .map(String)
      .find((p) => /[0-9a-f]{64}$/.test(p))!;
    const path = join(tampered, 'files', attached);
    const bytes = readFileSync(path);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(path, bytes);
    expect((await office.admin.fail('backup.verify', { path: tampered })).message).toMatch(/không khớp mã kiểm tra/);

    const noManifest = await fresh();
    rmSync(join(noManifest, 'manifest.json'));
    expect((await office.admin.fail('backup.verify', { path: noManifest })).message).toMatch(/không phải bản sao lưu VănThư/);

    // A store damaged in a way only SQLite can see: the manifest is made to agree with it.
    const damaged = await fresh();
    const store = join(damaged, 'vanthu.sqlite');
    const db = readFileSync(store);
    db.fill(0x5a, 4096 * 3, 4096 * 5);
    writeFileSync(store, db);
    rehash(damaged);
    expect((await office.admin.fail('backup.verify', { path: damaged })).message).toMatch(/không dùng được/);

    const newer = await fresh();
    const w = new Database(join(newer, 'vanthu.sqlite'));
    w.pragma('user_version = 999');
    w.close();
    rehash(newer);
    expect((await office.admin.fail('backup.verify', { path: newer })).code).toBe('NEWER_DATABASE');
  });

  it('a manifest naming a file outside the backup (../): refused before a byte is read or written', async () => {
    const hostile = await fresh();
    const outside = join(out, 'ngoai-ban-sao.txt');
    writeFileSync(outside, 'not part of any backup');
    const m = JSON.parse(readFileSync(join(hostile, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    m.files.push({ path: `files/../${relative(hostile, outside).split('\\').join('/')}`, ...hashOf(readFileSync(outside)) });
    writeFileSync(join(hostile, 'manifest.json'), JSON.stringify(m));
    expect((await office.admin.fail('backup.verify', { path: hostile })).message).toMatch(/không đúng định dạng/);
  });
});

const hashOf = (b: Buffer) => ({ size: b.length, sha256: createHash('sha256').update(b).digest('hex') });

function rehash(folder: string) {
  const m = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
  for (const f of m.files) {
    const b = readFileSync(join(folder, f.path));
    f.size = b.length;
    f.sha256 = createHash('sha256').update(b).digest('hex');
  }
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(m));
}

describe('backup.restore through the real server', () => {
  it('checks, keeps the current store aside, restores, reopens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-restore-'));
    const running = await serve({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') }, null, () => {});
    let cookie = '';
    const api = async (method: string, body: unknown = {}) => {
      const res = await fetch(`${running.url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    await api('setup.initialize', {
      unitName: 'Phòng GD-ĐT',
      unitCode: 'PGDĐT',
      adminUsername: 'admin',
      adminPassword: 'matkhau-12345',
      adminFullName: 'Quản Trị',
    });
    await api('auth.login', { username: 'admin', password: 'matkhau-12345' });
    await api('users.create', { username: 'vt', fullName: 'Văn Thư', password: 'matkhau-12345', roles: ['clerk', 'admin'] });
    for (let i = 1; i <= 3; i++) expect((await api('incoming.register', { ...SAMPLE, code: `${i}/A` })).status).toBe(200);
    // The roots this PC trusts travel with the backup (and come back with the restore).
    const root = (await testCa()).root.cert;
    const trusted = await api('trust.add', { certificate: Buffer.from(root.toString('pem')).toString('base64') });
    expect(trusted.status).toBe(200);
    const made = await api('backup.create', { dir: join(dir, 'saoluu') });
    expect(made.status).toBe(200);
    for (let i = 4; i <= 6; i++) await api('incoming.register', { ...SAMPLE, code: `${i}/A` });
    await api('trust.remove', { fingerprint: trusted.json.fingerprint });
    expect((await api('trust.list')).json).toEqual([]);

    const broken = await api('backup.restore', { path: join(dir, 'khong-co') });
    expect(broken.status).toBe(422);
    const restored = await api('backup.restore', { path: made.json.path });
    expect(restored.json).toMatchObject({ documents: 3, restarting: true });
    await running.restarted;
    cookie = '';
    expect((await api('auth.login', { username: 'admin', password: 'matkhau-12345' })).status).toBe(200);
    const list = await api('incoming.list', { limit: 50 });
    expect((list.json.items as { number: number }[]).map((d) => d.number).sort()).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, 'data')).some((f) => f.startsWith('vanthu.sqlite.truoc-khoi-phuc-'))).toBe(true);
    expect(((await api('trust.list')).json as unknown as { fingerprint: string }[]).map((r) => r.fingerprint)).toEqual([
      trusted.json.fingerprint,
    ]);
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the daily schedule', () => {
  it('keeps 7 daily and 4 weekly backups', () => {
    const days = Array.from({ length: 60 }, (_, i) => ({ path: `b${i}`, at: new Date(Date.UTC(2026, 10, 26) - i * 86_400_000) }));
    const keep = pickToKeep(days);
    expect(keep.slice(0, 7)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect(keep).toHaveLength(11);
  });

  it('backs up when due, rotates, and warns when the last good backup is old or the disk fails', async () => {
    const folder = mkdtempSync(join(out, 'lich-'));
    await office.admin.ok('backup.setSchedule', { folder, enabled: true });
    let now = new Date();
    const scheduler = new BackupScheduler(office.backend.backups, () => now);
    expect(await scheduler.tick()).toBeNull(); // the backups made above are less than a day old
    now = new Date(Date.now() + 25 * 3_600_000);
    expect(await scheduler.tick()).toMatch(/VanThu-/);
    expect(await scheduler.tick()).toBeNull();

    rmSync(folder, { recursive: true, force: true });
    writeFileSync(folder, 'a file where the USB disk was');
    now = new Date(Date.now() + 50 * 3_600_000);
    expect(await scheduler.tick()).toBeNull();
    expect((await office.admin.ok('backup.status')).warning).toMatch(/Lần sao lưu tự động gần nhất không thành/);
    office.backend.backups.lastError = null;
    const store = office.t.store as { now: () => Date };
    const real = store.now;
    store.now = () => new Date(Date.now() + 5 * 86_400_000);
    try {
      expect((await office.admin.ok('backup.status')).warning).toMatch(/Bản sao lưu tốt gần nhất đã \d ngày/);
    } finally {
      store.now = real;
    }
  });
});

describe('backup.exportAll', () => {
  it('writes every table as JSON and the files, without password hashes', async () => {
    const made = await office.admin.ok('backup.exportAll', { dir: out });
    const docs = JSON.parse(readFileSync(join(made.path, 'documents.json'), 'utf8')) as { code: string }[];
    expect(docs.length).toBe((office.t.store.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n);
    const users = JSON.parse(readFileSync(join(made.path, 'users.json'), 'utf8')) as Record<string, unknown>[];
    expect(users.length).toBeGreaterThan(3);
    expect(users.every((u) => !('password_hash' in u))).toBe(true);
    expect(existsSync(join(made.path, 'README.txt'))).toBe(true);
    expect(made.files).toBe(1);
    expect(readdirSync(made.path)).not.toContain('documents_fts.json');
  });
});
