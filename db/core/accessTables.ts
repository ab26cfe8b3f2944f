// Who looked at what (Decree 30/2020, Appendix VI, 5a, 6a, 6b, 6l): every view, download and
// print of a document, one of its files, or a dossier. One row per user, thing, action, PC and
// day with its count — a tally this PC alone writes — so a clerk paging through the register all
// day is a handful of rows, and the outbox carries one change per row per sync round
// (Writer.tally), not one per look. Synced so the office's admin sees every PC's; the rows of a
// secret document stay on its PC (db/secrets/syncBoundary.ts).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { synced } from './syncedColumns.js';

export const ACCESS_ACTIONS = ['view', 'download', 'print'] as const;

export const accessLog = sqliteTable(
  'access_log',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    /** The document looked at, or whose file was; null for a dossier. */
    documentId: text('document_id'),
    /** The file, when it was a file of the document or the dossier. */
    attachmentId: text('attachment_id'),
    dossierId: text('dossier_id'),
    action: text('action', { enum: ACCESS_ACTIONS }).notNull(),
    /** The office's date (YYYY-MM-DD). */
    day: text('day').notNull(),
    deviceId: text('device_id').notNull(),
    pcName: text('pc_name').notNull(),
    count: integer('count').notNull(),
    firstAt: text('first_at').notNull(),
    lastAt: text('last_at').notNull(),
    ...synced,
  },
  (t) => [index('access_log_document').on(t.documentId), index('access_log_dossier').on(t.dossierId), index('access_log_day').on(t.day)],
);
