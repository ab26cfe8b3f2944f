// Every table of the store, row by row, for the full export (no office is locked in). The FTS
// shadow tables are derived; password hashes are left out of an export on purpose.
import type { Store } from '../core/store.js';

const DERIVED = /^(documents_fts|file_texts_fts)/;
const WITHHELD_COLUMNS = new Set(['password_hash']);

export interface ExportTable {
  name: string;
  count: number;
  rows(): IterableIterator<Record<string, unknown>>;
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
    count: (store.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    *rows() {
      for (const row of store.sqlite.prepare(`SELECT * FROM "${name}"`).iterate() as IterableIterator<Record<string, unknown>>) {
        for (const c of WITHHELD_COLUMNS) if (c in row) delete row[c];
        yield row;
      }
    },
  }));
}
