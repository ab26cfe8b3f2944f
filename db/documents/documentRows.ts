// Reading documents back as the api's DocumentRecord, one by id or a keyset page.
import type { DocumentList, DocumentRecord } from '../../shared/api/documents.js';
import { AppError } from '../../shared/api/errors.js';
import type { Confidentiality, Urgency } from '../../shared/domain/enums.js';
import { agencyKey } from '../../shared/text/searchKey.js';
import { ftsMatchExpression } from '../search/ftsQuery.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { matchableSql, type Reader } from '../secrets/secretAccess.js';

interface DocumentRow {
  id: string;
  kind: 'incoming' | 'outgoing';
  book_id: string;
  book_name: string;
  year: number;
  number: number;
  received_at: string;
  agency_id: string;
  agency_name: string;
  code: string;
  type_code: string;
  type_name: string | null;
  issued_date: string;
  summary: string;
  urgency: string;
  confidentiality: string;
  pages: number | null;
  recipient: string | null;
  deadline: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
  recalled_at: string | null;
  recall_reason: string | null;
  seq: number;
  status: string;
  signer_name: string | null;
  signer_position: string | null;
  signer_prefix: string | null;
  recipients_text: string | null;
  kept_copies: string | null;
  copies: number | null;
  drafting_department_id: string | null;
  forwarded_at: string | null;
}

// A book of a unit taken over names that unit: "Sổ văn bản đến 2025 — Phòng GD&ĐT huyện …".
const SELECT = `
  SELECT d.*, CASE WHEN bu.name IS NULL THEN b.name ELSE b.name || ' — ' || bu.name END AS book_name, t.name AS type_name
  FROM documents d
  JOIN register_books b ON b.id = d.book_id
  LEFT JOIN units bu ON bu.id = b.unit_id
  LEFT JOIN doc_types t ON t.code = d.type_code`;

function toRecord(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    kind: r.kind,
    bookId: r.book_id,
    bookName: r.book_name,
    year: r.year,
    number: r.number,
    receivedAt: r.received_at,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    code: r.code,
    typeCode: r.type_code,
    typeName: r.type_name ?? r.type_code,
    issuedDate: r.issued_date,
    summary: r.summary,
    urgency: r.urgency as Urgency,
    confidentiality: r.confidentiality as Confidentiality,
    pages: r.pages,
    recipient: r.recipient,
    deadline: r.deadline,
    notes: r.notes,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    cancelled: r.deleted_at !== null,
    cancelReason: r.deleted_reason,
    recalledAt: r.recalled_at,
    recallReason: r.recall_reason,
    status: r.status,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    signerPrefix: r.signer_prefix,
    recipientsText: r.recipients_text,
    keptCopies: r.kept_copies,
    copies: r.copies,
    draftingDepartmentId: r.drafting_department_id,
    forwardedAt: r.forwarded_at,
    masked: false,
  };
}

/** A document by id; with `kind`, only one of that kind. */
export function getDocument(store: Store, id: string, kind?: 'incoming' | 'outgoing'): DocumentRecord {
  const row = stmt(store.sqlite, `${SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  if (!row || (kind && row.kind !== kind)) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
  return toRecord(row);
}

export interface ListFilter {
  kind: 'incoming' | 'outgoing';
  year?: number | undefined;
  bookId?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  type?: string | undefined;
  agency?: string | undefined;
  urgency?: string | undefined;
  status?: string | undefined;
  /** Submitted to this leader. */
  leaderId?: string | undefined;
  limit: number;
  cursor?: string | null | undefined;
  /** Oldest number first, as a printed register runs. */
  ascending?: boolean;
  /** Whose words search the text: a secret document he may not read is not found by its content. */
  reader?: Reader | undefined;
}

/** Newest number first, by keyset on (year, number, seq): page 5,000 costs what page 1 costs. */
export function listDocuments(store: Store, f: ListFilter): DocumentList {
  const where: string[] = ['d.kind = @kind'];
  const params: Record<string, unknown> = { kind: f.kind, limit: f.limit + 1 };
  const filter = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (f.year !== undefined) filter('d.year = @year', 'year', f.year);
  if (f.bookId) filter('d.book_id = @bookId', 'bookId', f.bookId);
  // The books of a unit taken over are read one at a time: their numbers run beside the office's own.
  else where.push('b.unit_id IS NULL');
  if (f.from) filter('d.received_date >= @from', 'from', f.from);
  if (f.to) filter('d.received_date <= @to', 'to', f.to);
  if (f.type) filter('d.type_code = @type', 'type', f.type.normalize('NFC'));
  if (f.urgency) filter('d.urgency = @urgency', 'urgency', f.urgency);
  if (f.status) filter('d.status = @status AND d.deleted_at IS NULL', 'status', f.status);
  if (f.leaderId) filter('d.leader_id = @leaderId', 'leaderId', f.leaderId);
  if (f.agency && agencyKey(f.agency)) filter('d.agency_key = @agency', 'agency', agencyKey(f.agency));
  const match = f.q ? ftsMatchExpression(f.q) : null;
  if (match) {
    filter('d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)', 'match', match);
    if (f.reader) {
      const matchable = matchableSql(f.reader);
      where.push(matchable.sql);
      Object.assign(params, matchable.params);
    }
  }
  if (f.cursor) {
    const c = /^(\d{4})\.(\d+)\.(\d+)$/.exec(f.cursor);
    if (!c) throw new AppError('BAD_REQUEST', 'Con trỏ trang không hợp lệ; hãy tải lại danh sách.');
    where.push(`(d.year, d.number, d.seq) ${f.ascending ? '>' : '<'} (@cy, @cn, @cs)`);
    Object.assign(params, { cy: Number(c[1]), cn: Number(c[2]), cs: Number(c[3]) });
  }
  const rows = stmt(
    store.sqlite,
    `${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${f.ascending ? 'd.year, d.number, d.seq' : 'd.year DESC, d.number DESC, d.seq DESC'} LIMIT @limit`,
  ).all(params) as DocumentRow[];
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(toRecord),
    nextCursor: more && last ? `${last.year}.${last.number}.${last.seq}` : null,
  };
}
