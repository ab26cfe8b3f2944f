// The office and its registers: units, people, organs, types, books, documents and their handling.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { synced } from './syncedColumns.js';

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /**
   * A unit this office took over in a reorganisation (sáp nhập, hợp nhất, chia tách, giải thể):
   * the unit it went to, from which day, how (shared/domain/reform.ts) and its mã định danh then.
   * The office itself is the one unit without a successor.
   */
  successorId: text('successor_id'),
  endedOn: text('ended_on'),
  reform: text('reform'),
  organId: text('organ_id'),
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
    /** The user's Ed25519 public key (SPKI, base64): what his signed changes are checked against. */
    publicKey: text('public_key'),
    /** His private key, sealed by his password (db/admin/userKeys.ts): opened at login, on any PC. */
    sealedKey: text('sealed_key'),
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
    /** Its mã định danh (QCVN 102), where the office knows it: electronic documents go there. */
    organId: text('organ_id'),
    ...synced,
  },
  (t) => [index('agencies_name_key').on(t.nameKey), index('agencies_organ_id').on(t.organId)],
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
    /** A book of a unit taken over (units.successor_id): kept closed, read as that unit's. Null: this office's. */
    unitId: text('unit_id'),
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
    /** Thu hồi: an issued outgoing document withdrawn (kept, frozen), or an incoming one its sender withdrew. */
    recalledAt: text('recalled_at'),
    recallReason: text('recall_reason'),
    /** Handling state (DOMAIN.md incoming workflow); quá hạn is derived from deadlines. */
    status: text('status').notNull().default('moi'),
    leaderId: text('leader_id'),
    direction: text('direction'),
    replyCode: text('reply_code'),
    completedAt: text('completed_at'),
    /** Ngày chuyển of the register: first submitted or assigned (incoming), issued (outgoing). */
    forwardedAt: text('forwarded_at'),
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
    /** The file carries a digital signature (a stamped copy of a signed original keeps it: an appended revision). */
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
