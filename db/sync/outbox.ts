// What this device has to send: its outbox in order, in chunks kept under a byte budget, and the
// marks of what the server now holds.
import type { Change, SyncedTableName } from '../../shared/sync/protocol.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { writeDerived } from '../core/write.js';
import { FILE_MAY_LEAVE_SQL, leavingThePc, secretFileSql } from '../secrets/syncBoundary.js';

export interface OutboxChunk {
  changes: Change[];
  /** The outbox position of the last change: the next chunk starts after it. */
  lastSeq: number;
}

export function unsentChanges(store: Store, maxChanges: number, maxBytes: number, afterSeq = 0): OutboxChunk {
  const out: Change[] = [];
  const withheld: string[] = [];
  let bytes = 0;
  let lastSeq = afterSeq;
  let full = false;
  // Changes that stay on this PC (db/secrets/syncBoundary.ts) are marked done and skipped; reading
  // goes on until the chunk has changes to send or the outbox is read to its end.
  while (!full) {
    const rows = stmt(
      store.sqlite,
      'SELECT seq, change_id, hlc, table_name, row_id, fields, signed_by, signature FROM outbox WHERE sent_at IS NULL AND seq > ? ORDER BY seq LIMIT ?',
    ).all(lastSeq, maxChanges) as {
      seq: number;
      change_id: string;
      hlc: string;
      table_name: string;
      row_id: string;
      fields: string;
      signed_by: string | null;
      signature: string | null;
    }[];
    for (const r of rows) {
      const change = leavingThePc(store, {
        changeId: r.change_id,
        hlc: r.hlc,
        table: r.table_name as SyncedTableName,
        rowId: r.row_id,
        fields: JSON.parse(r.fields) as Change['fields'],
        ...(r.signature ? { signedBy: r.signed_by, signature: r.signature } : {}),
      });
      if (!change) {
        withheld.push(r.change_id);
        lastSeq = r.seq;
        continue;
      }
      bytes += r.fields.length * 3 + 200;
      // One change over the budget still goes alone: the server's limit is far above a row.
      if ((out.length > 0 && bytes > maxBytes) || out.length >= maxChanges) {
        full = true;
        break;
      }
      out.push(change);
      lastSeq = r.seq;
    }
    if (rows.length < maxChanges || out.length > 0) full = true;
  }
  if (withheld.length > 0) markSent(store, withheld, `kept:${store.now().toISOString()}`);
  return { changes: out, lastSeq };
}

export function markSent(store: Store, changeIds: string[], at: string): void {
  writeDerived(store, () => {
    const update = stmt(store.sqlite, 'UPDATE outbox SET sent_at = ? WHERE change_id = ? AND sent_at IS NULL');
    for (const id of changeIds) update.run(at, id);
  });
}

/** Changes the server refused for good (shared/sync/protocol.ts `refused`): kept here, shown, not sent again. */
export function setAside(store: Store, refused: { changeId: string; reason: string }[], at: string): void {
  if (refused.length === 0) return;
  writeDerived(store, () => {
    const update = stmt(store.sqlite, 'UPDATE outbox SET sent_at = ? WHERE change_id = ? AND sent_at IS NULL');
    for (const r of refused) update.run(`refused:${at}:${r.reason.slice(0, 300)}`, r.changeId);
  });
}

export function countSetAside(store: Store): number {
  return (stmt(store.sqlite, "SELECT count(*) AS n FROM outbox WHERE sent_at LIKE 'refused:%'").get() as { n: number }).n;
}

export function countUnsent(store: Store): number {
  return (stmt(store.sqlite, 'SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n;
}

// Attachments, and the edXML messages of the exchange with the files a package waiting in the
// inbox brought (so any PC of the office can register it). A secret document's never leave.
const PENDING_FILES = `FROM (
  SELECT a.sha256, a.size FROM attachments a WHERE a.deleted_at IS NULL AND ${FILE_MAY_LEAVE_SQL}
  UNION ALL
  SELECT e.sha256, e.size FROM exchange_messages e WHERE e.deleted_at IS NULL AND e.sha256 IS NOT NULL AND NOT e.metadata_only
    AND NOT ${secretFileSql('e.sha256')}
  UNION ALL
  SELECT json_extract(j.value, '$.sha256'), json_extract(j.value, '$.size') FROM exchange_messages e, json_each(e.attachments) j
   WHERE e.deleted_at IS NULL AND e.state = 'moi' AND NOT e.metadata_only
) p WHERE p.sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_files f WHERE f.sha256 = p.sha256)`;

/** Files the server has not confirmed yet (pulled attachments are marked as on the server). */
export function filesToUpload(store: Store, limit: number): { sha256: string; size: number }[] {
  return stmt(store.sqlite, `SELECT p.sha256, max(p.size) AS size ${PENDING_FILES} GROUP BY p.sha256 LIMIT ?`).all(limit) as {
    sha256: string;
    size: number;
  }[];
}

export function countFilesToUpload(store: Store): number {
  return (stmt(store.sqlite, `SELECT count(DISTINCT p.sha256) AS n ${PENDING_FILES}`).get() as { n: number }).n;
}

export function markFilesOnServer(store: Store, shas: string[], at: string): void {
  writeDerived(store, () => {
    for (const sha of shas) stmt(store.sqlite, 'INSERT OR IGNORE INTO sync_files (sha256, at) VALUES (?, ?)').run(sha, at);
  });
}
