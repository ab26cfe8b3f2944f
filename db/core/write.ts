// The one write path (DESIGN.md): mutate() opens the only write transactions. Every row it
// writes also gets an audit_log entry and an outbox change, in the same transaction; a change
// that is not in both did not happen.
import { eq, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../shared/api/errors.js';
import { appendAudit } from './audit.js';
import { addToIndex, indexedText, INDEXED_COLUMNS, removeFromIndex } from '../documents/documentsFts.js';
import { documents } from './schema.js';
import { canonicalJson } from '../../shared/sync/canonicalJson.js';
import { wellFormed } from '../../shared/text/cleanText.js';
import { authorityFor, signedPayload } from '../../shared/sync/authority.js';
import { signPayload, type Signer } from './signing.js';
import { uuidv7 } from './ids.js';
import { stmt } from './statements.js';
import { setLocalValue, type Db, type Store } from './store.js';

export interface WriteContext {
  /** Who asks; null for the first-run setup and for failed logins. */
  userId: string | null;
  /** His key, opened at login: changes to the authority tables are signed with it. */
  signer?: Signer | undefined;
}

// Any synced table: drizzle types a table by its columns, which differ from table to table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SyncedTable = SQLiteTableWithColumns<any> & { id: SQLiteColumn; hlc: SQLiteColumn };
const nameOf = (table: SyncedTable): string => getTableName(table) as string;
type Row = Record<string, unknown>;

const NOT_SYNCED = new Set(['seq', 'search_text']);

export class Writer {
  /** The instant of this write, shared by every row it touches. */
  readonly at: string;

  constructor(
    readonly store: Store,
    readonly ctx: WriteContext,
  ) {
    this.at = store.now().toISOString();
  }

  get db(): Db {
    return this.store.db;
  }

  /** Inserts a row (id made here unless given) and returns its id. */
  insert(table: SyncedTable, values: Row): string {
    const id = (values.id as string | undefined) ?? uuidv7(this.store.now().getTime());
    const hlc = this.store.clock.tick();
    const row = wellFormedRow({ ...values, id, hlc, createdAt: this.at, updatedAt: this.at, deletedAt: null });
    const fields = toColumns(table, row);
    insertRow(this.store, nameOf(table), fields);
    if (table === documents) {
      const indexed = indexedText(this.store, id)!;
      addToIndex(this.store, indexed.seq, indexed.text);
    }
    this.record('insert', table, id, hlc, fields, { row: fields });
    return id;
  }

  /**
   * A row of another unit's store taken over as it stood (db/reform/takeOver.ts): SQL column
   * names, its own id and dates kept — the old unit's history stays dated as it happened — with
   * a new clock, audited as `action` and sent like any insert.
   */
  adopt(table: SyncedTable, columns: Row, audit: { action: string; data: unknown }): void {
    const hlc = this.store.clock.tick();
    const fields: Row = {};
    for (const [k, v] of Object.entries(columns)) if (!NOT_SYNCED.has(k)) fields[k] = typeof v === 'string' ? wellFormed(v) : v;
    fields.hlc = hlc;
    const id = String(fields.id ?? fields.key);
    insertRow(this.store, nameOf(table), fields);
    if (table === documents) {
      const indexed = indexedText(this.store, id)!;
      addToIndex(this.store, indexed.seq, indexed.text);
    }
    this.event(audit.action, audit.data, id, nameOf(table));
    this.outbox(hlc, nameOf(table), id, fields);
  }

  /** Changes the given fields of a row; only those that really differ are written and logged. */
  update(table: SyncedTable, id: string, values: Row, action = 'update'): boolean {
    const current = this.db.select().from(table).where(eq(table.id, id)).get();
    if (!current) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi cần sửa.');
    const changed: Row = {};
    for (const [key, value] of Object.entries(wellFormedRow(values))) {
      if (value !== undefined && !sameValue(current[key], value)) changed[key] = value;
    }
    if (Object.keys(changed).length === 0) return false;
    const hlc = this.store.clock.tick();
    const set = { ...changed, hlc, updatedAt: this.at };
    const reindex = table === documents && Object.keys(toColumns(table, changed)).some((c) => INDEXED_COLUMNS.has(c));
    const before = reindex ? indexedText(this.store, id) : undefined;
    this.db.update(table).set(set).where(eq(table.id, id)).run();
    if (before) {
      removeFromIndex(this.store, before.seq, before.text);
      addToIndex(this.store, before.seq, indexedText(this.store, id)!.text);
    }
    const was: Row = {};
    for (const key of Object.keys(changed)) was[key] = current[key];
    const after = toColumns(table, { ...changed, updatedAt: this.at });
    this.record(action, table, id, hlc, after, { before: toColumns(table, was), after });
    return true;
  }

  /**
   * A row only this PC writes, and often (a tally of looks): inserted or updated like any row,
   * then its unsent outbox changes folded into the newest, which carries the whole row. One that
   * is being pushed meanwhile still goes (its acknowledgement finds it gone); the newest follows.
   */
  tally(table: SyncedTable, id: string, values: Row): void {
    const exists = this.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get();
    if (exists) this.update(table, id, values);
    else this.insert(table, { ...values, id });
    const tableName = nameOf(table);
    const unsent = stmt(
      this.store.sqlite,
      'SELECT seq, fields FROM outbox WHERE table_name = ? AND row_id = ? AND sent_at IS NULL ORDER BY seq',
    ).all(tableName, id) as { seq: number; fields: string }[];
    if (unsent.length < 2) return;
    const whole = Object.assign({}, ...unsent.map((u) => JSON.parse(u.fields) as Row)) as Row;
    const newest = unsent[unsent.length - 1]!;
    stmt(this.store.sqlite, 'DELETE FROM outbox WHERE table_name = ? AND row_id = ? AND sent_at IS NULL AND seq < ?').run(
      tableName,
      id,
      newest.seq,
    );
    stmt(this.store.sqlite, 'UPDATE outbox SET fields = ? WHERE seq = ?').run(canonicalJson(whole), newest.seq);
  }

  /** Deletes by tombstone: the row stays, marked, so sync and the register keep it. */
  tombstone(table: SyncedTable, id: string, extra: Row = {}): boolean {
    return this.update(table, id, { ...extra, deletedAt: this.at }, 'delete');
  }

  /** An office setting (key → JSON value), synced and audited like a row. */
  setSetting(key: string, value: unknown): void {
    const json = wellFormed(canonicalJson(value));
    const current = stmt(this.store.sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (current?.value === json) return;
    const hlc = this.store.clock.tick();
    stmt(
      this.store.sqlite,
      'INSERT INTO settings (key, value, hlc, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, updated_at = excluded.updated_at',
    ).run(key, json, hlc, this.at);
    const fields = { key, value: json, updated_at: this.at };
    this.event('setting', { key, before: current?.value ?? null, after: json }, key, 'settings');
    this.outbox(hlc, 'settings', key, fields);
  }

  /** An event with no row change (a login, a refusal): audit only. */
  event(action: string, data: unknown, rowId: string | null = null, tableName: string | null = null): void {
    appendAudit(this.store.sqlite, {
      at: this.at,
      userId: this.ctx.userId,
      deviceId: this.store.deviceId,
      action,
      tableName,
      rowId,
      data,
    });
  }

  private record(action: string, table: SyncedTable, rowId: string, hlc: string, fields: Row, data: unknown): void {
    const tableName = nameOf(table);
    // The audit says a password changed, never what it hashes to (the log is read and exported).
    const secret = 'password_hash' in fields || 'sealed_key' in fields;
    this.event(action, secret ? JSON.parse(JSON.stringify(data, hidePasswordHash)) : data, rowId, tableName);
    this.outbox(hlc, tableName, rowId, fields);
  }

  /** The change as sync sends it; one to an authority table carries its author's signature. */
  private outbox(hlc: string, tableName: string, rowId: string, fields: Row): void {
    const changeId = uuidv7(this.store.now().getTime());
    let signedBy: string | null = null;
    let signature: string | null = null;
    if (authorityFor(tableName, rowId, fields)) {
      const signer = this.ctx.signer;
      if (!signer || signer.userId !== this.ctx.userId) {
        throw new AppError(
          'FORBIDDEN',
          'Phiên đăng nhập này không có khóa ký nên không sửa được dữ liệu quản trị. Hãy đăng xuất rồi đăng nhập lại.',
        );
      }
      signedBy = signer.userId;
      signature = signPayload(signer, signedPayload({ changeId, table: tableName, rowId, fields }, signedBy));
    }
    stmt(
      this.store.sqlite,
      'INSERT INTO outbox (change_id, hlc, table_name, row_id, fields, signed_by, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(changeId, hlc, tableName, rowId, canonicalJson(fields), signedBy, signature);
  }
}

/** Runs fn inside one IMMEDIATE transaction: the rows, audit and outbox land together or not at all. */
export function mutate<T>(store: Store, ctx: WriteContext, fn: (w: Writer) => T): T {
  return store.sqlite
    .transaction(() => {
      const result = fn(new Writer(store, ctx));
      setLocalValue(store.sqlite, 'hlc', store.clock.current());
      return result;
    })
    .immediate();
}

/**
 * One INSERT, prepared once per table and column list: the query builder's per-call cost was
 * most of a registration's time (npm run bench).
 */
function insertRow(store: Store, tableName: string, fields: Row): void {
  const names = Object.keys(fields);
  const sql = `INSERT INTO "${tableName}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  stmt(store.sqlite, sql).run(...names.map((n) => toSqlite(fields[n])));
}

function toSqlite(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v === undefined ? null : v;
}

/** Every text a row gets is well formed: whatever path it came by, no change can block sync. */
function wellFormedRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? wellFormed(v) : v;
  return out;
}

/** Drizzle property names → the SQL column names that audit and sync carry. */
function toColumns(table: SyncedTable, row: Row): Row {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column) throw new Error(`${nameOf(table)} has no column ${key}`);
    if (!NOT_SYNCED.has(column.name)) out[column.name] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

function hidePasswordHash(key: string, value: unknown): unknown {
  return (key === 'password_hash' || key === 'sealed_key') && typeof value === 'string' ? '(đã ẩn)' : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return false;
}

/**
 * The second door, for changes made on other devices (sync pull): they arrive with their own
 * HLC, are applied inside one transaction with the page's cursor, and are audited once per
 * page. They are never written to the outbox: they are not this device's to send.
 */
export function applyRemote<T>(store: Store, audit: { action: string; data: () => unknown }, fn: () => T): T {
  return store.sqlite
    .transaction(() => {
      // Rows of one page may reference rows later in it; the keys are checked at commit.
      store.sqlite.pragma('defer_foreign_keys = ON');
      const result = fn();
      new Writer(store, { userId: null }).event(audit.action, audit.data());
      setLocalValue(store.sqlite, 'hlc', store.clock.current());
      return result;
    })
    .immediate();
}

/**
 * The exceptions to audit and outbox: data this device derives again from what is already
 * stored (the text layer of a file), and its own bookkeeping (which changes the server holds).
 * They are rebuilt or local, never synced, so they are not changes.
 */
export function writeDerived<T>(store: Store, fn: () => T): T {
  return store.sqlite.transaction(fn).immediate();
}
