// Exchange between offices (#18): every edXML message in and out — packages and statuses — with
// what became of it. Synced, so every PC of the office sees the inbox and the statuses.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { synced } from './syncedColumns.js';

export const exchangeMessages = sqliteTable(
  'exchange_messages',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    kind: text('kind', { enum: ['package', 'status'] }).notNull(),
    /** shared/api/exchange.ts EXCHANGE_STATES */
    state: text('state').notNull(),
    transport: text('transport', { enum: ['file', 'server', 'axis'] }).notNull(),
    /** The edXML DocumentId the message is (a package) or answers (a status). */
    edxmlId: text('edxml_id'),
    /** The register's document it became (received) or came from (sent). */
    documentId: text('document_id'),
    peerOrganId: text('peer_organ_id'),
    peerName: text('peer_name'),
    business: text('business'),
    statusCode: text('status_code'),
    description: text('description'),
    error: text('error'),
    /** The message as it came or went, in the file store (null: metadata only, or not read). */
    sha256: text('sha256'),
    fileName: text('file_name'),
    size: integer('size'),
    at: text('at').notNull(),
    sentAt: text('sent_at'),
    metadataOnly: integer('metadata_only', { mode: 'boolean' }).notNull().default(false),
    /** JSON: the header read (shared/api/exchange.ts exchangeHeader) and the attachments kept. */
    header: text('header'),
    attachments: text('attachments'),
    createdBy: text('created_by'),
    ...synced,
  },
  (t) => [
    index('exchange_messages_edxml').on(t.edxmlId),
    index('exchange_messages_document').on(t.documentId),
    index('exchange_messages_state').on(t.direction, t.state),
  ],
);
