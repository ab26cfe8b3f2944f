// The local store. Every synced table has a UUIDv7 text id, the HLC of its last change and a
// tombstone (deleted_at) instead of DELETE. Column names are what the outbox and sync carry.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const synced = {
  hlc: text('hlc').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  ...synced,
});

export const departments = sqliteTable('departments', {
  id: text('id').primaryKey(),
  unitId: text('unit_id')
    .notNull()
    .references(() => units.id),
  name: text('name').notNull(),
  code: text('code'),
  ...synced,
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** JSON array of roles: a small school's clerk is often its admin too. */
    roles: text('roles').notNull(),
    departmentId: text('department_id').references(() => departments.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    ...synced,
  },
  // Not unique in SQL: two PCs may create the same name offline; users.ts checks before insert.
  (t) => [index('users_username').on(t.username)],
);

export const agencies = sqliteTable(
  'agencies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    ...synced,
  },
  (t) => [index('agencies_name_key').on(t.nameKey)],
);

export const docTypes = sqliteTable(
  'doc_types',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    ...synced,
  },
  (t) => [index('doc_types_code').on(t.code)],
);

export const registerBooks = sqliteTable(
  'register_books',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['incoming', 'outgoing'] }).notNull(),
    name: text('name').notNull(),
    /** The year a yearly book belongs to; numbers run per (book, year) either way. */
    year: integer('year'),
    /** 'general', 'confidential' (văn bản mật) or 'type:<code>' (a legal type's own series). */
    series: text('series').notNull().default('general'),
    /** Set when the book's register was last printed; a book closes only after printing. */
    printedAt: text('printed_at'),
    closedAt: text('closed_at'),
    ...synced,
  },
  (t) => [index('register_books_kind_year').on(t.kind, t.year)],
);

export const documents = sqliteTable(
  'documents',
  {
    // An alias of the rowid, so the FTS index's rowids survive VACUUM; `id` is the sync key.
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    kind: text('kind', { enum: ['incoming', 'outgoing'] }).notNull(),
    bookId: text('book_id')
      .notNull()
      .references(() => registerBooks.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    receivedAt: text('received_at').notNull(),
    receivedDate: text('received_date').notNull(),
    agencyId: text('agency_id')
      .notNull()
      .references(() => agencies.id),
    agencyName: text('agency_name').notNull(),
    agencyKey: text('agency_key').notNull(),
    code: text('code').notNull(),
    codeKey: text('code_key').notNull(),
    typeCode: text('type_code').notNull(),
    issuedDate: text('issued_date').notNull(),
    summary: text('summary').notNull(),
    urgency: text('urgency').notNull().default('thuong'),
    confidentiality: text('confidentiality').notNull().default('thuong'),
    pages: integer('pages'),
    recipient: text('recipient'),
    deadline: text('deadline'),
    notes: text('notes'),
    createdBy: text('created_by'),
    deletedReason: text('deleted_reason'),
    /** Handling state (DOMAIN.md incoming workflow); quá hạn is derived from deadlines. */
    status: text('status').notNull().default('moi'),
    leaderId: text('leader_id'),
    direction: text('direction'),
    replyCode: text('reply_code'),
    completedAt: text('completed_at'),
    // Outgoing documents (văn bản đi): who signs, where it goes, where copies are kept.
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    signerPrefix: text('signer_prefix'),
    recipientsText: text('recipients_text'),
    keptCopies: text('kept_copies'),
    copies: integer('copies'),
    draftingDepartmentId: text('drafting_department_id'),
    // What FTS5 indexes: unicode61 folds the tones, but not đ/Đ (TOOLCHAIN.md).
    searchText: text('search_text').generatedAlwaysAs(
      sql`replace(replace(code || ' ' || agency_name || ' ' || summary, 'đ', 'd'), 'Đ', 'D')`,
      { mode: 'virtual' },
    ),
    ...synced,
  },
  (t) => [
    uniqueIndex('documents_id').on(t.id),
    // Numbers are given gap-free inside the write transaction (books.ts); two PCs numbering one
    // book offline can still meet here through sync, and both documents are kept (a clash).
    index('documents_book_year_number').on(t.bookId, t.year, t.number),
    index('documents_kind_year_number').on(t.kind, t.year, t.number),
    index('documents_code_key').on(t.codeKey),
    // The duplicate check: same organ + same code (DOMAIN.md).
    index('documents_duplicate').on(t.kind, t.codeKey, t.agencyKey),
    index('documents_received_date').on(t.kind, t.receivedDate),
    index('documents_status').on(t.kind, t.status),
    // Số + ký hiệu of an outgoing document is unique in its year, cancelled ones included.
    index('documents_outgoing_code')
      .on(t.year, t.codeKey)
      .where(sql`kind = 'outgoing'`),
  ],
);

/**
 * An outgoing document before it has a number: dự thảo → trình ký → đã ký. Once signed it is
 * numbered (lấy số) or issued, becoming a row of the register (documentId).
 */
export const outgoingDrafts = sqliteTable(
  'outgoing_drafts',
  {
    id: text('id').primaryKey(),
    typeCode: text('type_code').notNull(),
    departmentId: text('department_id'),
    summary: text('summary').notNull(),
    confidentiality: text('confidentiality').notNull().default('thuong'),
    urgency: text('urgency').notNull().default('thuong'),
    status: text('status').notNull().default('du_thao'),
    leaderId: text('leader_id'),
    note: text('note'),
    signedBy: text('signed_by'),
    signedAt: text('signed_at'),
    documentId: text('document_id'),
    createdBy: text('created_by'),
    ...synced,
  },
  (t) => [index('outgoing_drafts_status').on(t.status)],
);

/** A link between documents: an outgoing reply to the incoming ones it answers. */
export const documentLinks = sqliteTable(
  'document_links',
  {
    id: text('id').primaryKey(),
    fromId: text('from_id').notNull(),
    toId: text('to_id').notNull(),
    kind: text('kind').notNull(),
    ...synced,
  },
  (t) => [index('document_links_from').on(t.fromId), index('document_links_to').on(t.toId)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    size: integer('size').notNull(),
    pages: integer('pages'),
    sha256: text('sha256').notNull(),
    /** 'original', or 'stamped' for the copy with dấu ĐẾN (parentId names the original). */
    role: text('role').notNull().default('original'),
    parentId: text('parent_id'),
    /** The original carried a digital signature (a stamped copy no longer verifies). */
    signed: integer('signed', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    ...synced,
  },
  (t) => [index('attachments_document').on(t.documentId), index('attachments_sha').on(t.sha256)],
);

/** One assignment of an incoming document: chủ trì (lead), phối hợp or để biết. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    role: text('role').notNull(),
    userId: text('user_id'),
    departmentId: text('department_id'),
    deadline: text('deadline'),
    status: text('status').notNull().default('moi'),
    progress: text('progress'),
    result: text('result'),
    replyCode: text('reply_code'),
    assignedBy: text('assigned_by'),
    completedAt: text('completed_at'),
    ...synced,
  },
  (t) => [
    index('tasks_document').on(t.documentId),
    index('tasks_user').on(t.userId, t.status),
    index('tasks_department').on(t.departmentId, t.status),
  ],
);

/** The trace of handling, shown as the document's history: who did what, when. */
export const documentEvents = sqliteTable(
  'document_events',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id').notNull(),
    at: text('at').notNull(),
    userId: text('user_id'),
    action: text('action').notNull(),
    data: text('data').notNull(),
    ...synced,
  },
  (t) => [index('document_events_document').on(t.documentId, t.at)],
);

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

/** Danh mục hồ sơ (PL V): headings of a year's catalogue, large (I, II, …) and small (1, 2, …). */
/**
 * The text layer of a stored file, by its sha256: derived on this device from the bytes (so not
 * synced or audited; any device can derive it again). status: 'text', 'no_text' (a scan),
 * 'failed' (encrypted or damaged), 'too_large'.
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

export const catalogueHeadings = sqliteTable(
  'catalogue_headings',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    level: integer('level').notNull(),
    parentId: text('parent_id'),
    title: text('title').notNull(),
    /** Abbreviation that ends the codes of the dossiers under it: "TCCB" in 01.TCCB. */
    abbreviation: text('abbreviation'),
    sort: integer('sort').notNull().default(0),
    ...synced,
  },
  (t) => [index('catalogue_headings_year').on(t.year, t.sort)],
);

/** A planned dossier of the catalogue: code, title, retention, who keeps it. */
export const catalogueEntries = sqliteTable(
  'catalogue_entries',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    headingId: text('heading_id').notNull(),
    number: integer('number').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** 'vinh_vien' or a number of years. */
    retention: text('retention').notNull(),
    keeperId: text('keeper_id'),
    notes: text('notes'),
    ...synced,
  },
  (t) => [index('catalogue_entries_year').on(t.year, t.number)],
);

/** Hồ sơ công việc: opened from the catalogue (or ad hoc), filled with documents, closed, handed over. */
export const dossiers = sqliteTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id'),
    year: integer('year').notNull(),
    notation: text('notation').notNull(),
    fullCode: text('full_code').notNull(),
    title: text('title').notNull(),
    retention: text('retention').notNull(),
    accessRegime: text('access_regime').notNull().default('Hạn chế'),
    keeperId: text('keeper_id'),
    language: text('language').notNull().default('Tiếng Việt'),
    description: text('description'),
    status: text('status').notNull().default('mo'),
    closedAt: text('closed_at'),
    handedOverAt: text('handed_over_at'),
    reopenReason: text('reopen_reason'),
    pagesOverride: integer('pages_override'),
    ...synced,
  },
  (t) => [index('dossiers_year_status').on(t.year, t.status), index('dossiers_full_code').on(t.fullCode)],
);

/** Mục lục văn bản trong hồ sơ: a filed document, or a free item with its own file and data. */
export const dossierItems = sqliteTable(
  'dossier_items',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id').notNull(),
    documentId: text('document_id'),
    attachmentId: text('attachment_id'),
    code: text('code'),
    itemDate: text('item_date'),
    author: text('author'),
    summary: text('summary'),
    pages: integer('pages'),
    position: integer('position').notNull(),
    /** The dossier a document is filed in (its "Số và ký hiệu HS"); others only reference it. */
    primaryFiling: integer('primary_filing', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes'),
    ...synced,
  },
  (t) => [index('dossier_items_dossier').on(t.dossierId, t.position), index('dossier_items_document').on(t.documentId)],
);
