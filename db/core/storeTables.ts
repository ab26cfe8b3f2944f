// The store's own bookkeeping: the audit chain, the outbox, settings, this device's state, what
// sync knows, and the text layer of stored files.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  userId: text('user_id'),
  deviceId: text('device_id').notNull(),
  action: text('action').notNull(),
  tableName: text('table_name'),
  rowId: text('row_id'),
  data: text('data').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey(),
    changeId: text('change_id').notNull(),
    hlc: text('hlc').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    fields: text('fields').notNull(),
    /** The user whose key signed this change (authority tables, shared/sync/authority.ts), and the signature. */
    signedBy: text('signed_by'),
    signature: text('signature'),
    sentAt: text('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_change_id').on(t.changeId),
    index('outbox_unsent').on(t.sentAt, t.seq),
    index('outbox_row').on(t.tableName, t.rowId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  hlc: text('hlc').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** This device's own state (its id, its clock): never synced, never audited. */
export const localMeta = sqliteTable('local_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Sync bookkeeping (never synced, never audited): for each row changed by another device, the
 * HLC of each column's value as it was applied ({"summary": "<hlc>", …}). A column's clock is the
 * newest of this and this device's own outbox changes of the row.
 */
export const syncClocks = sqliteTable(
  'sync_clocks',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    clocks: text('clocks').notNull(),
  },
  (t) => [uniqueIndex('sync_clocks_row').on(t.tableName, t.rowId)],
);

/** Files the server is known to hold (uploaded from here, or named by a pulled attachment). */
export const syncFiles = sqliteTable('sync_files', {
  sha256: text('sha256').primaryKey(),
  at: text('at').notNull(),
});

/** The losing value of a concurrent edit, kept so the user can put it back. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** JSON of the value that lost, and of the one kept. */
    lostValue: text('lost_value'),
    lostHlc: text('lost_hlc').notNull(),
    keptValue: text('kept_value'),
    keptHlc: text('kept_hlc').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('sync_conflicts_open').on(t.resolvedAt, t.seq)],
);

/**
 * The text layer of a stored file, by its sha256: derived on this device from the bytes (so not
 * synced or audited; any device can derive it again). status: 'text', 'no_text' (a scan),
 * 'encrypted' (a password), 'failed' (damaged), 'too_large'.
 */
export const fileTexts = sqliteTable(
  'file_texts',
  {
    seq: integer('seq').primaryKey(),
    sha256: text('sha256').notNull(),
    status: text('status').notNull(),
    pages: integer('pages'),
    pagesWithText: integer('pages_with_text'),
    text: text('text').notNull().default(''),
    searchText: text('search_text').generatedAlwaysAs(sql`replace(replace(text, 'đ', 'd'), 'Đ', 'D')`, { mode: 'virtual' }),
    extractedAt: text('extracted_at').notNull(),
  },
  (t) => [uniqueIndex('file_texts_sha').on(t.sha256)],
);

/**
 * Where each word of a scan stands, one row per page read by OCR (boxes as fractions of the page,
 * from the top-left): what shows a search hit on the page. Derived like file_texts, never synced
 * nor exported.
 */
export const fileWords = sqliteTable(
  'file_words',
  {
    sha256: text('sha256').notNull(),
    page: integer('page').notNull(),
    /** JSON: [text, x0, y0, x1, y1][] */
    words: text('words').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.page] })],
);
