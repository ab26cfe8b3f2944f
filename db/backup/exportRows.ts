// Every table of the store, row by row, for the full export (no office is locked in). The export
// leaves the PC, so it carries what sync may carry and no more: no password hash or sealed key
// anywhere (not in users, nor inside the outbox, audit log or conflicts), and no content of a secret document
// (db/secrets/syncBoundary.ts). The FTS shadow tables are derived.
import type { Change } from '../../shared/sync/protocol.js';
import type { Store } from '../core/store.js';
import { leavingThePc, secretDocument, secretFileSql, staysOnThePc } from '../secrets/syncBoundary.js';
import { SYNCED } from '../sync/tables.js';

const DERIVED = /^(documents_fts|file_texts_fts|file_words$)/;
const SECRET_KEYS = new Set(['password_hash', 'passwordHash', 'sealed_key', 'sealedKey']);
const WITHHELD = 'đã lược bỏ: nội dung văn bản mật';

type Row = Record<string, unknown>;

export interface ExportTable {
  name: string;
  rows(): IterableIterator<Row>;
}

/** A JSON value without password hashes, however deep. */
function withoutSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretKeys);
  if (value && typeof value === 'object') {
    const out: Row = {};
    for (const [k, v] of Object.entries(value)) if (!SECRET_KEYS.has(k)) out[k] = withoutSecretKeys(v);
    return out;
  }
  return value;
}

function cleanJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.stringify(withoutSecretKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** A row as it may leave the PC, or null. Tables that sync carries go through the sync boundary. */
function exported(store: Store, table: string, row: Row): Row | null {
  for (const k of SECRET_KEYS) delete row[k];
  // Derived from the trích yếu (the search index's text): an export does without it.
  delete row.search_text;
  if (table === 'outbox') {
    const change = leavingThePc(store, {
      changeId: String(row.change_id),
      hlc: String(row.hlc),
      table: row.table_name as Change['table'],
      rowId: String(row.row_id),
      fields: JSON.parse(String(row.fields)) as Change['fields'],
    });
    return change ? { ...row, fields: cleanJson(JSON.stringify(change.fields)) } : null;
  }
  if (table === 'audit_log') {
    const of = typeof row.table_name === 'string' && SYNCED.has(row.table_name) ? row.table_name : null;
    const secret = of !== null && staysOnThePc(store, of, String(row.row_id));
    // The chain's hashes stay; a secret document's before/after does not (the entry says so).
    return { ...row, data: secret ? JSON.stringify({ withheld: WITHHELD }) : cleanJson(row.data) };
  }
  if (table === 'sync_conflicts') {
    if (SECRET_KEYS.has(String(row.field))) return null;
    if (row.table_name === 'documents' && secretDocument(store, row.row_id)) return null;
    return row;
  }
  if (table === 'file_texts') {
    const { secret } = store.sqlite.prepare(`SELECT ${secretFileSql('?')} AS secret`).get(row.sha256) as { secret: number };
    return secret ? null : row;
  }
  if (!SYNCED.has(table)) return row;
  const key = table === 'settings' ? 'key' : 'id';
  const change = leavingThePc(store, {
    changeId: '',
    hlc: '',
    table: table as Change['table'],
    rowId: String(row[key]),
    fields: row as Change['fields'],
  });
  return change ? change.fields : null;
}

export function exportTables(store: Store): ExportTable[] {
  const names = (
    store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((n) => !DERIVED.test(n) && n !== 'local_meta');
  return names.map((name) => ({
    name,
    *rows() {
      for (const row of store.sqlite.prepare(`SELECT * FROM "${name}"`).iterate() as IterableIterator<Row>) {
        const out = exported(store, name, row);
        if (out) yield out;
      }
    },
  }));
}

/** The files an export may carry: none of a secret document. */
export function exportableFiles(store: Store): string[] {
  return (
    store.sqlite.prepare(`SELECT DISTINCT a.sha256 FROM attachments a WHERE NOT ${secretFileSql('a.sha256')}`).all() as { sha256: string }[]
  ).map((r) => r.sha256);
}
