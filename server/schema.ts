// The central endpoint's store (PostgreSQL, or PGlite embedded). Every unit's changes are kept
// in order (changes, numbered per unit), and folded field by field into `rows` (last writer wins
// by HLC) for reports and number checks. Files are stored in chunks so the server processes
// stay stateless behind a load balancer.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const serverMeta = pgTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const units = pgTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** The supervising unit (a Phòng under its Sở): its reports cover this one. */
  parentId: text('parent_id'),
  /** The last sequence number given to this unit's changes. */
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  /** The public key of the unit's first admin, pinned from its first device's push: the root of its signed changes. */
  rootKey: text('root_key'),
  /** Reorganised (merged, split, dissolved: shared/domain/reform.ts): the unit that took its records over, from when, how. */
  successorId: text('successor_id'),
  endedOn: text('ended_on'),
  reform: text('reform'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The device part of the HLCs it stamps (null for a device enrolled before this was asked). */
    clockId: text('clock_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('devices_token').on(t.tokenHash), index('devices_unit').on(t.unitId)],
);

export const enrollCodes = pgTable('enroll_codes', {
  codeHash: text('code_hash').primaryKey(),
  unitId: text('unit_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  deviceId: text('device_id'),
});

export const changes = pgTable(
  'changes',
  {
    unitId: text('unit_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    changeId: text('change_id').notNull(),
    deviceId: text('device_id').notNull(),
    hlc: text('hlc').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    // json, not jsonb: only ever sent back as it came, so it is stored as text (cheaper to write).
    fields: json('fields').notNull(),
    /** For changes to the unit's authority tables: who signed it, and the signature (shared/sync/authority.ts). */
    signedBy: text('signed_by'),
    signature: text('signature'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.seq] }), uniqueIndex('changes_change_id').on(t.changeId)],
);

export const rows = pgTable(
  'rows',
  {
    unitId: text('unit_id').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    data: jsonb('data').notNull(),
    /** The HLC of the change that created the row: the clock of every column not in `clocks`. */
    base: text('base').notNull(),
    /** column → HLC of the value held, for the columns changed since. */
    clocks: jsonb('clocks').notNull(),
    hlc: text('hlc').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.tableName, t.rowId] }),
    // A batch's rows are looked up by id alone (= ANY): precise however stale the statistics.
    index('rows_row').on(t.rowId),
    index('rows_documents_date')
      .on(t.unitId, sql`(${t.data}->>'received_date')`)
      .where(sql`${t.tableName} = 'documents'`),
    index('rows_tasks_document')
      .on(t.unitId, sql`(${t.data}->>'document_id')`)
      .where(sql`${t.tableName} = 'tasks'`),
  ],
);

/** (unit, book, year, number) of every document: unique among the non-clashing ones. */
export const docNumbers = pgTable(
  'doc_numbers',
  {
    unitId: text('unit_id').notNull(),
    documentId: text('document_id').notNull(),
    bookId: text('book_id').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    clash: boolean('clash').notNull().default(false),
    flaggedAt: timestamp('flagged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.documentId] }),
    uniqueIndex('doc_numbers_unique')
      .on(t.unitId, t.bookId, t.year, t.number)
      .where(sql`NOT ${t.clash}`),
    index('doc_numbers_number').on(t.unitId, t.bookId, t.year, t.number),
  ],
);

export const files = pgTable('files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A file's bytes, 1 MiB a row; an upload in progress is kept under a temporary key. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    key: text('key').notNull(),
    idx: integer('idx').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.idx] })],
);

export const unitFiles = pgTable(
  'unit_files',
  {
    unitId: text('unit_id').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.sha256] })],
);

/**
 * Exchange between offices (#18): an edXML message a unit sent to the unit holding the recipient
 * mã định danh, kept until that unit's PC takes it (however long it was offline). The bytes are a
 * file (files/unit_files); only the two units hold it.
 */
export const exchangeRelay = pgTable(
  'exchange_relay',
  {
    id: text('id').primaryKey(),
    fromUnitId: text('from_unit_id').notNull(),
    fromOrganId: text('from_organ_id').notNull(),
    toUnitId: text('to_unit_id').notNull(),
    toOrganId: text('to_organ_id').notNull(),
    kind: text('kind').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
  },
  (t) => [index('exchange_relay_inbox').on(t.toUnitId, t.takenAt, t.createdAt)],
);
