// Applying a page of changes pulled from the server: field by field, last writer wins by HLC
// (ties cannot happen: a stamp names its device). A column's local clock is the newest of the
// clocks applied from other devices (sync_clocks) and this device's own changes (outbox).
// The value that loses a concurrent edit goes to sync_conflicts, so nothing typed is lost.
import { AppError } from '../../shared/api/errors.js';
import type { PulledChange } from '../../shared/sync/protocol.js';
import { isHlc } from '../../shared/sync/hlc.js';
import { addToIndex, indexedText, INDEXED_COLUMNS, removeFromIndex } from '../documents/documentsFts.js';
import { noteClash } from './clashes.js';
import { SYNCED, type SyncedTableSpec } from './tables.js';
import { stmt } from '../core/statements.js';
import { setLocalValue, type Store } from '../core/store.js';
import { applyRemote, Writer } from '../core/write.js';
import { pulledRefusal } from './authorityCheck.js';

export const CURSOR_KEY = 'sync.cursor';

export interface ApplyResult {
  applied: number;
  conflicts: number;
  skipped: number;
}

type Row = Record<string, unknown>;

export function applyPulledPage(store: Store, changes: PulledChange[], cursor: number): ApplyResult {
  const result: ApplyResult = { applied: 0, conflicts: 0, skipped: 0 };
  return applyRemote(
    store,
    { action: 'sync.pull', data: () => ({ changes: changes.length, ...result, from: changes[0]?.seq ?? null, cursor }) },
    () => {
      const inserted: { table: string; rowId: string; changeId: string }[] = [];
      for (const c of changes) {
        // Each change in its own savepoint: one the store cannot hold (a device sent a row
        // without its required columns) is set aside, and the page — and sync — go on.
        try {
          store.sqlite.transaction(() => applyOne(store, c, result, inserted))();
        } catch (err) {
          if (err instanceof AppError) throw err;
          setAsideRemote(store, c, result, `không lưu được: ${(err as Error).message}`.slice(0, 300));
        }
      }
      // A row created here whose parent never came (a hostile device's attachment of no document):
      // removed again before the page commits, so the deferred key check cannot fail it whole.
      for (const row of inserted) {
        const missing = missingParent(store, row.table, row.rowId);
        if (missing) {
          const indexed = row.table === 'documents' ? indexedText(store, row.rowId) : undefined;
          if (indexed) removeFromIndex(store, indexed.seq, indexed.text);
          stmt(store.sqlite, `DELETE FROM "${row.table}" WHERE "${SYNCED.get(row.table)!.key}" = ?`).run(row.rowId);
          stmt(store.sqlite, 'DELETE FROM sync_clocks WHERE table_name = ? AND row_id = ?').run(row.table, row.rowId);
          result.applied--;
          setAsideRemote(store, { changeId: row.changeId, table: row.table, rowId: row.rowId }, result, `tham chiếu ${missing} không có`);
        }
      }
      setLocalValue(store.sqlite, CURSOR_KEY, String(cursor));
      return result;
    },
  );
}

function setAsideRemote(store: Store, c: { changeId: string; table: string; rowId: string }, result: ApplyResult, reason: string): void {
  result.skipped++;
  new Writer(store, { userId: null }).event('sync.refused', { changeId: c.changeId, table: c.table, rowId: c.rowId, reason });
}

const foreignKeys = new Map<string, { from: string; table: string; to: string | null }[]>();

/** The first foreign key of this row that names no row, as "table.column", or null. */
function missingParent(store: Store, table: string, rowId: string): string | null {
  let keys = foreignKeys.get(table);
  if (!keys)
    foreignKeys.set(
      table,
      (keys = store.sqlite.pragma(`foreign_key_list("${table}")`) as { from: string; table: string; to: string | null }[]),
    );
  if (keys.length === 0) return null;
  const row = stmt(store.sqlite, `SELECT * FROM "${table}" WHERE "${SYNCED.get(table)!.key}" = ?`).get(rowId) as Row | undefined;
  if (!row) return null;
  for (const k of keys) {
    const value = row[k.from];
    if (value === null || value === undefined) continue;
    const to = k.to ?? 'id';
    if (!stmt(store.sqlite, `SELECT 1 FROM "${k.table}" WHERE "${to}" = ?`).get(value)) return `${k.table}.${to}`;
  }
  return null;
}

function applyOne(
  store: Store,
  c: PulledChange,
  result: ApplyResult,
  inserted: { table: string; rowId: string; changeId: string }[],
): void {
  const spec = SYNCED.get(c.table);
  // A stamp that is no real instant would sort after every real one and break this PC's clock.
  if (!spec || !isHlc(c.hlc)) {
    result.skipped++;
    return;
  }
  // An authority change without a valid signature of someone who may make it: never applied.
  const refusal = pulledRefusal(store, c);
  if (refusal) {
    setAsideRemote(store, c, result, refusal);
    return;
  }
  try {
    store.clock.receive(c.hlc);
  } catch {
    throw new AppError(
      'VALIDATION',
      'Đồng hồ của máy tính này chậm hơn giờ của các máy khác quá 10 phút. Hãy chỉnh lại ngày giờ của máy (Cài đặt → Thời gian → Đặt giờ tự động) rồi đồng bộ lại.',
      { details: { sync: 'CLOCK_SKEW' } },
    );
  }
  const local = stmt(store.sqlite, `SELECT * FROM "${spec.name}" WHERE "${spec.key}" = ?`).get(c.rowId) as Row | undefined;
  const clocks = localClocks(store, spec, c.rowId);
  const set: Row = {};
  const won: Record<string, string> = {};
  for (const [field, value] of Object.entries(c.fields)) {
    if (!spec.columns.has(field) || field === spec.key || field === 'hlc') continue;
    const clock = clocks.at[field] ?? '';
    const incoming = toSqlite(spec, field, value);
    if (c.hlc > clock) {
      if (local && clock && clocks.unsent.has(field) && !same(local[field], incoming)) {
        recordConflict(store, spec, c.rowId, field, { value: local[field], hlc: clock }, { value: incoming, hlc: c.hlc });
        result.conflicts++;
      }
      set[field] = incoming;
      won[field] = c.hlc;
    } else if (c.hlc < clock && local && !same(local[field], incoming)) {
      recordConflict(store, spec, c.rowId, field, { value: incoming, hlc: c.hlc }, { value: local[field], hlc: clock });
      result.conflicts++;
    }
  }
  if (Object.keys(won).length === 0) return;
  const isDocument = spec.name === 'documents';
  const reindex = isDocument && Object.keys(set).some((f) => INDEXED_COLUMNS.has(f));
  if (!local) {
    const row = { ...set, [spec.key]: c.rowId, hlc: c.hlc };
    const names = Object.keys(row);
    stmt(
      store.sqlite,
      `INSERT INTO "${spec.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ).run(...names.map((n) => row[n]));
    inserted.push({ table: spec.name, rowId: c.rowId, changeId: c.changeId });
    if (isDocument) {
      const indexed = indexedText(store, c.rowId)!;
      addToIndex(store, indexed.seq, indexed.text);
    }
  } else {
    const before = reindex ? indexedText(store, c.rowId) : undefined;
    const names = Object.keys(set);
    const localHlc = typeof local.hlc === 'string' ? local.hlc : '';
    const hlc = localHlc > c.hlc ? localHlc : c.hlc;
    stmt(store.sqlite, `UPDATE "${spec.name}" SET ${names.map((n) => `"${n}" = ?`).join(', ')}, "hlc" = ? WHERE "${spec.key}" = ?`).run(
      ...names.map((n) => set[n]),
      hlc,
      c.rowId,
    );
    if (before) {
      removeFromIndex(store, before.seq, before.text);
      addToIndex(store, before.seq, indexedText(store, c.rowId)!.text);
    }
  }
  // A row created here by this change: every column it set has the change's clock, kept once as
  // "*" rather than column by column.
  saveClocks(store, spec.name, c.rowId, local ? { ...clocks.applied, ...won } : { '*': c.hlc });
  // A pulled attachment's file is on the server (its device uploads it); never send it back.
  if (spec.name === 'attachments' && typeof set.sha256 === 'string') {
    stmt(store.sqlite, 'INSERT OR IGNORE INTO sync_files (sha256, at) VALUES (?, ?)').run(set.sha256, store.now().toISOString());
  }
  if (isDocument && ('number' in set || 'book_id' in set || 'year' in set)) noteClash(store, c.rowId);
  result.applied++;
}

interface Clocks {
  /** The newest clock of each column, from either source. */
  at: Record<string, string>;
  /** Only what was applied from other devices (what sync_clocks keeps; "*": the creating change). */
  applied: Record<string, string>;
  /** Columns whose newest value is this device's own change not yet sent. */
  unsent: Set<string>;
}

function localClocks(store: Store, spec: SyncedTableSpec, rowId: string): Clocks {
  const saved = stmt(store.sqlite, 'SELECT clocks FROM sync_clocks WHERE table_name = ? AND row_id = ?').get(spec.name, rowId) as
    { clocks: string } | undefined;
  const applied = saved ? (JSON.parse(saved.clocks) as Record<string, string>) : {};
  const at: Record<string, string> = {};
  const base = applied['*'];
  if (base) for (const column of spec.columns) at[column] = base;
  Object.assign(at, applied);
  delete at['*'];
  const unsent = new Set<string>();
  const own = stmt(store.sqlite, 'SELECT hlc, fields, sent_at FROM outbox WHERE table_name = ? AND row_id = ?').all(spec.name, rowId) as {
    hlc: string;
    fields: string;
    sent_at: string | null;
  }[];
  for (const change of own) {
    for (const field of Object.keys(JSON.parse(change.fields) as Row)) {
      if (change.hlc > (at[field] ?? '')) {
        at[field] = change.hlc;
        if (change.sent_at === null) unsent.add(field);
        else unsent.delete(field);
      }
    }
  }
  return { at, applied, unsent };
}

function saveClocks(store: Store, table: string, rowId: string, clocks: Record<string, string>): void {
  stmt(
    store.sqlite,
    'INSERT INTO sync_clocks (table_name, row_id, clocks) VALUES (?, ?, ?) ON CONFLICT(table_name, row_id) DO UPDATE SET clocks = excluded.clocks',
  ).run(table, rowId, JSON.stringify(clocks));
}

function recordConflict(
  store: Store,
  spec: SyncedTableSpec,
  rowId: string,
  field: string,
  lost: { value: unknown; hlc: string },
  kept: { value: unknown; hlc: string },
): void {
  stmt(
    store.sqlite,
    'INSERT INTO sync_conflicts (at, table_name, row_id, field, lost_value, lost_hlc, kept_value, kept_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    store.now().toISOString(),
    spec.name,
    rowId,
    field,
    JSON.stringify(lost.value ?? null),
    lost.hlc,
    JSON.stringify(kept.value ?? null),
    kept.hlc,
  );
}

function toSqlite(spec: SyncedTableSpec, field: string, value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (spec.booleans.has(field) && typeof value === 'number') return value ? 1 : 0;
  return value ?? null;
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
