// The tables sync carries, by their SQL name: each one's key column and the columns a change
// may set (SQL names; seq and generated search text stay local).
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { SYNCED_TABLES, type SyncedTableName } from '../../shared/sync/protocol.js';
import * as schema from '../core/schema.js';

export interface SyncedTableSpec {
  name: SyncedTableName;
  key: string;
  columns: ReadonlySet<string>;
  booleans: ReadonlySet<string>;
  table: SQLiteTable;
  /** SQL column name → the drizzle property the Writer takes. */
  propertyOf: ReadonlyMap<string, string>;
}

const LOCAL_COLUMNS = new Set(['seq', 'search_text']);

const ALL: SQLiteTable[] = [
  schema.units,
  schema.departments,
  schema.users,
  schema.agencies,
  schema.docTypes,
  schema.registerBooks,
  schema.documents,
  schema.outgoingDrafts,
  schema.documentLinks,
  schema.attachments,
  schema.tasks,
  schema.documentEvents,
  schema.settings,
  schema.catalogueHeadings,
  schema.catalogueEntries,
  schema.dossiers,
  schema.dossierItems,
  schema.exchangeMessages,
  schema.accessLog,
  schema.savedSearches,
];

export const SYNCED: ReadonlyMap<string, SyncedTableSpec> = new Map(
  ALL.map((table) => {
    const name = getTableName(table) as SyncedTableName;
    const entries = Object.entries(getTableColumns(table)) as [string, SQLiteColumn][];
    const cols = entries.map(([, c]) => c);
    const spec: SyncedTableSpec = {
      name,
      key: name === 'settings' ? 'key' : 'id',
      columns: new Set(cols.map((c) => c.name).filter((c) => !LOCAL_COLUMNS.has(c))),
      booleans: new Set(cols.filter((c) => c.dataType === 'boolean').map((c) => c.name)),
      table,
      propertyOf: new Map(entries.map(([prop, c]) => [c.name, prop])),
    };
    return [name, spec];
  }),
);

// The protocol's list and the schema must name the same tables.
for (const name of SYNCED_TABLES) if (!SYNCED.has(name)) throw new Error(`synced table ${name} is not in the schema`);
