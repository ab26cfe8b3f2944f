// The documents' full-text index, kept by the write path in plain single-row statements (see
// migration 0008 for why not by triggers). What is indexed is the generated search_text column.
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';

/** Columns whose change changes search_text. */
export const INDEXED_COLUMNS = new Set(['code', 'agency_name', 'summary']);

export function indexedText(store: Store, id: string): { seq: number; text: string } | undefined {
  return stmt(store.sqlite, 'SELECT seq, search_text AS text FROM documents WHERE id = ?').get(id) as
    { seq: number; text: string } | undefined;
}

export function addToIndex(store: Store, seq: number, text: string): void {
  stmt(store.sqlite, 'INSERT INTO documents_fts(rowid, search_text) VALUES (?, ?)').run(seq, text);
}

export function removeFromIndex(store: Store, seq: number, text: string): void {
  stmt(store.sqlite, "INSERT INTO documents_fts(documents_fts, rowid, search_text) VALUES ('delete', ?, ?)").run(seq, text);
}
