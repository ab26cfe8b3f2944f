// Migrations: a new file, an existing older file, a file from a newer version, a broken step.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { listDocuments } from '../../db/documents/documentRows.js';
import { initialize } from '../../db/admin/setup.js';
import { defaultMigrationsFolder, openStore } from '../../db/core/store.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tmp() {
  const d = mkdtempSync(join(tmpdir(), 'vanthu-mig-'));
  dirs.push(d);
  return d;
}

/** A copy of the migrations folder keeping only the first `n` steps (an older release). */
function olderMigrations(n: number, extraSql?: string): string {
  const dir = join(tmp(), 'migrations');
  cpSync(defaultMigrationsFolder(), dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, n);
  if (extraSql) {
    const tag = '9999_broken';
    journal.entries.push({ idx: n, version: '6', when: Date.now(), tag, breakpoints: true });
    writeFileSync(join(dir, `${tag}.sql`), extraSql);
  }
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const total = () => JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8')).entries.length as number;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const setup = {
  unitName: 'Trường THCS Nội Thành',
  unitCode: 'THCSNT',
  adminUsername: 'admin',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
};
const doc = {
  agency: 'Phòng GD-ĐT',
  code: '7/PGDĐT',
  type: 'CV',
  issuedDate: '2026-01-02',
  summary: 'Kế hoạch kiểm tra',
  ...INCOMING_DEFAULTS,
};

describe('opening the store', () => {
  it('creates every table on a new file, with WAL and foreign keys', () => {
    const file = join(tmp(), 'new.sqlite');
    const store = openStore(file);
    const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const t of [
      'units',
      'departments',
      'users',
      'agencies',
      'doc_types',
      'register_books',
      'documents',
      'audit_log',
      'outbox',
      'settings',
      'documents_fts',
    ]) {
      expect(tables).toContain(t);
    }
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(total());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(store.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    store.close();
  });

  it('brings an older file up to date and keeps its documents searchable', () => {
    const file = join(tmp(), 'old.sqlite');
    const old = openStore(file, { migrationsFolder: olderMigrations(1) });
    expect(old.sqlite.pragma('user_version', { simple: true })).toBe(1);
    // What the first release wrote, in its own columns.
    const stamp = { hlc: '2026-01-05T02:00:00.000Z-0000-00aa00aa00aa00aa', at: '2026-01-05T02:00:00.000Z' };
    old.sqlite.exec(`
      INSERT INTO register_books (id, kind, name, year, hlc, created_at, updated_at) VALUES ('b1', 'incoming', 'Sổ văn bản đến 2026', 2026, '${stamp.hlc}', '${stamp.at}', '${stamp.at}');
      INSERT INTO agencies (id, name, name_key, hlc, created_at, updated_at) VALUES ('a1', 'Phòng GD-ĐT', 'phong gd dt', '${stamp.hlc}', '${stamp.at}', '${stamp.at}');
      INSERT INTO documents (id, kind, book_id, year, number, received_at, received_date, agency_id, agency_name, agency_key, code, code_key,
        type_code, issued_date, summary, hlc, created_at, updated_at)
      VALUES ('d1', 'incoming', 'b1', 2026, 1, '${stamp.at}', '2026-01-05', 'a1', 'Phòng GD-ĐT', 'phong gd dt', '7/PGDĐT', '7/PGDDT',
        'CV', '2026-01-02', 'Kế hoạch kiểm tra', '${stamp.hlc}', '${stamp.at}', '${stamp.at}');`);
    old.close();

    const store = openStore(file);
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(total());
    const found = listDocuments(store, { kind: 'incoming', q: 'ke hoach kiem tra', limit: 10 });
    expect(found.items.map((d) => d.code)).toEqual(['7/PGDĐT']);
    initialize(store, setup);
    const next = registerIncoming(store, { userId: null }, { ...doc, code: '8/PGDĐT', bookId: 'b1', receivedAt: '2026-01-06T02:00:00Z' });
    expect(next.number).toBe(2);
    expect(store.sqlite.prepare("SELECT status FROM documents WHERE id = 'd1'").get()).toEqual({ status: 'moi' });
    store.close();
  });

  it('refuses a file written by a newer version and leaves it byte for byte', () => {
    const file = join(tmp(), 'newer.sqlite');
    const s = openStore(file);
    initialize(s, setup);
    s.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${total() + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha(file);
    expect(() => openStore(file)).toThrow(/phiên bản VănThư mới hơn/);
    try {
      openStore(file);
    } catch (err) {
      expect((err as { code: string }).code).toBe('NEWER_DATABASE');
    }
    expect(sha(file)).toBe(before);
  });

  it('rolls a failed migration back whole: nothing half-done', () => {
    const file = join(tmp(), 'broken.sqlite');
    openStore(file, { migrationsFolder: olderMigrations(1) }).close();
    const broken = olderMigrations(total(), 'CREATE TABLE half_done (id TEXT);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    expect(() => openStore(file, { migrationsFolder: broken })).toThrow();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    const names = (raw.prepare('SELECT name FROM sqlite_master').all() as { name: string }[]).map((r) => r.name);
    expect(names).not.toContain('half_done');
    expect(names).not.toContain('documents_fts');
    raw.close();
  });

  it('says clearly that a file is not a VănThư store', () => {
    const file = join(tmp(), 'garbage.sqlite');
    writeFileSync(file, 'đây không phải cơ sở dữ liệu '.repeat(200));
    expect(() => openStore(file)).toThrow(/tệp bị hỏng hoặc không phải dữ liệu của VănThư/);
  });
});
