// The audit log is a hash chain: each row's hash covers the previous row's hash and the row's
// canonical JSON, so an edited, inserted or removed row breaks the chain from there on.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/sync/canonicalJson.js';
import { stmt } from './statements.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  userId: string | null;
  deviceId: string;
  action: string;
  tableName: string | null;
  rowId: string | null;
  data: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  device_id: string;
  action: string;
  table_name: string | null;
  row_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

function rowHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(row)).digest('hex');
}

/** Appends one entry; must run inside the write transaction that made the change. */
export function appendAudit(sqlite: Database.Database, entry: AuditEntry): void {
  const last = stmt(sqlite, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    user_id: entry.userId,
    device_id: entry.deviceId,
    action: entry.action,
    table_name: entry.tableName,
    row_id: entry.rowId,
    data: canonicalJson(entry.data ?? null),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  stmt(
    sqlite,
    `INSERT INTO audit_log (seq, at, user_id, device_id, action, table_name, row_id, data, prev_hash, hash)
     VALUES (@seq, @at, @user_id, @device_id, @action, @table_name, @row_id, @data, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) });
}

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}

/** Walks the chain from the first row; reports the first row whose link does not hold. */
export function verifyAudit(sqlite: Database.Database): AuditVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const broken = (reason: string): AuditVerdict => ({ ok: false, checked, brokenAt: r.seq, reason });
    if (r.seq !== expectedSeq) return broken(`Thiếu bản ghi nhật ký trước số ${r.seq}.`);
    if (r.prev_hash !== prev) return broken(`Bản ghi nhật ký số ${r.seq} không nối với bản ghi trước.`);
    const { prev_hash: _p, hash, ...content } = r;
    if (rowHash(prev, content) !== hash) return broken(`Bản ghi nhật ký số ${r.seq} đã bị sửa.`);
    prev = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, brokenAt: null, reason: null };
}
