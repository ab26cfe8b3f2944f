// Registering incoming documents (vào sổ văn bản đến): checks, the duplicate warning, the
// gap-free number, and the later edits and cancellation — all through mutate().
import { eq } from 'drizzle-orm';
import type { DocumentRecord } from '../../shared/api/documents.js';
import { AppError } from '../../shared/api/errors.js';
import type { Confidentiality, Urgency } from '../../shared/domain/enums.js';
import { formatDate, officeDate, officeYear } from '../../shared/text/dates.js';
import { codeKey } from '../../shared/text/searchKey.js';
import { bookFor, nextNumber, refuseIfClosed } from '../registers/books.js';
import { agencyFor } from '../lookups/agencies.js';
import { resolveDocType } from '../lookups/docTypes.js';
import { getDocument } from '../documents/documentRows.js';
import { recordEvent } from '../documents/history.js';
import { documents } from '../core/schema.js';
import { stmt } from '../core/statements.js';
import { SECRET_ELSEWHERE_MESSAGE } from '../../shared/domain/secrecy.js';
import { contentElsewhere } from '../secrets/secretAccess.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';

/** How far ahead of this PC's clock an arrival time may be (a clock a little off is common). */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface RegisterIncoming {
  agency: string;
  code: string;
  type: string;
  issuedDate: string;
  summary: string;
  bookId?: string | undefined;
  receivedAt?: string | undefined;
  urgency: Urgency;
  confidentiality: Confidentiality;
  pages: number | null;
  recipient: string | null;
  deadline: string | null;
  notes: string | null;
  confirmDuplicate: boolean;
}

/** What a registration holds when only the essentials are given (importers, tests, seeding). */
export const INCOMING_DEFAULTS = {
  urgency: 'thuong',
  confidentiality: 'thuong',
  pages: null,
  recipient: null,
  deadline: null,
  notes: null,
  confirmDuplicate: false,
} as const satisfies Partial<RegisterIncoming>;

/** `also` runs in the same transaction once the document has its number (a package's link and files). */
export function registerIncoming(
  store: Store,
  ctx: WriteContext,
  input: RegisterIncoming,
  also?: (w: Writer, documentId: string) => void,
): DocumentRecord {
  const id = mutate(store, ctx, (w) => {
    const receivedAt = input.receivedAt ?? w.at;
    checkDates(store, { receivedAt, issuedDate: input.issuedDate, deadline: input.deadline });
    const type = resolveDocType(store, input.type);
    const agency = agencyFor(w, input.agency);
    const key = codeKey(input.code);
    refuseDuplicate(
      w,
      { agencyKey: agency.key, agencyName: agency.name, code: input.code, codeKey: key, issuedDate: input.issuedDate },
      input.confirmDuplicate,
    );

    const year = officeYear(receivedAt);
    const book = bookFor(w, 'incoming', year, input.bookId);
    // Inside the IMMEDIATE transaction no other writer can take the same number.
    const number = nextNumber(store, book.id, year);
    const docId = w.insert(documents, {
      kind: 'incoming',
      bookId: book.id,
      year,
      number,
      receivedAt,
      receivedDate: officeDate(receivedAt),
      agencyId: agency.id,
      agencyName: agency.name,
      agencyKey: agency.key,
      code: input.code,
      codeKey: key,
      typeCode: type.code,
      issuedDate: input.issuedDate,
      summary: input.summary,
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      pages: input.pages,
      recipient: input.recipient,
      deadline: input.deadline,
      notes: input.notes,
      createdBy: ctx.userId,
      deletedReason: null,
    });
    recordEvent(w, docId, 'register', { number, year, bookId: book.id });
    if (input.confirmDuplicate) w.event('incoming.duplicate-confirmed', { code: input.code, agency: agency.name }, docId, 'documents');
    also?.(w, docId);
    return docId;
  });
  return getDocument(store, id, 'incoming');
}

export interface UpdateIncoming extends Partial<Omit<RegisterIncoming, 'bookId' | 'confirmDuplicate'>> {
  id: string;
  confirmDuplicate: boolean;
}

export function updateIncoming(store: Store, ctx: WriteContext, request: UpdateIncoming): DocumentRecord {
  let input = request;
  mutate(store, ctx, (w) => {
    const doc = getDocument(store, input.id, 'incoming');
    if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản số đến ${doc.number} đã hủy, không sửa được.`);
    refuseIfClosed(store, doc.bookId);
    // A secret document registered elsewhere: its content is not here to edit (the form shows it masked).
    if (contentElsewhere(doc)) {
      input = { ...input, summary: undefined, notes: undefined, recipient: undefined };
      if (input.confidentiality === 'thuong') throw new AppError('FORBIDDEN', SECRET_ELSEWHERE_MESSAGE, { field: 'confidentiality' });
    }
    const receivedAt = input.receivedAt ?? doc.receivedAt;
    const issuedDate = input.issuedDate ?? doc.issuedDate;
    const deadline = input.deadline === undefined ? doc.deadline : input.deadline;
    checkDates(store, { receivedAt, issuedDate, deadline });
    if (officeYear(receivedAt) !== doc.year) {
      throw new AppError('VALIDATION', `Số đến ${doc.number} thuộc năm ${doc.year}; không thể đổi ngày đến sang năm khác.`, {
        field: 'receivedAt',
      });
    }
    const changes: Record<string, unknown> = {
      receivedAt,
      receivedDate: officeDate(receivedAt),
      issuedDate,
      deadline,
      summary: input.summary,
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      pages: input.pages,
      recipient: input.recipient,
      notes: input.notes,
    };
    if (input.type !== undefined) changes.typeCode = resolveDocType(store, input.type).code;
    const agency = { key: currentAgencyKey(store, doc.id), name: doc.agencyName };
    if (input.agency !== undefined) {
      const a = agencyFor(w, input.agency);
      Object.assign(agency, { key: a.key, name: a.name });
      Object.assign(changes, { agencyId: a.id, agencyName: a.name, agencyKey: a.key });
    }
    const code = input.code ?? doc.code;
    if (input.code !== undefined) Object.assign(changes, { code, codeKey: codeKey(code) });
    if (input.agency !== undefined || input.code !== undefined || input.issuedDate !== undefined) {
      refuseDuplicate(
        w,
        { agencyKey: agency.key, agencyName: agency.name, code, codeKey: codeKey(code), issuedDate, exceptId: doc.id },
        input.confirmDuplicate,
      );
    }
    w.update(documents, doc.id, changes);
  });
  return getDocument(store, input.id, 'incoming');
}

/** Cancels a registration: the number stays used and the row stays in the register, marked hủy. */
export function cancelIncoming(store: Store, ctx: WriteContext, id: string, reason: string | null): DocumentRecord {
  mutate(store, ctx, (w) => {
    const doc = getDocument(store, id, 'incoming');
    if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản số đến ${doc.number} đã hủy trước đó.`);
    refuseIfClosed(store, doc.bookId);
    w.tombstone(documents, id, { deletedReason: reason });
    recordEvent(w, id, 'cancel', { reason });
  });
  return getDocument(store, id, 'incoming');
}

function currentAgencyKey(store: Store, id: string): string {
  return store.db.select({ k: documents.agencyKey }).from(documents).where(eq(documents.id, id)).get()?.k ?? '';
}

function checkDates(store: Store, d: { receivedAt: string; issuedDate: string; deadline: string | null }): void {
  if (new Date(d.receivedAt).getTime() > store.now().getTime() + FUTURE_SLACK_MS) {
    throw new AppError('VALIDATION', 'Ngày đến không được ở tương lai; hãy kiểm tra ngày giờ của máy tính.', { field: 'receivedAt' });
  }
  const receivedDate = officeDate(d.receivedAt);
  if (d.issuedDate > receivedDate) {
    throw new AppError('VALIDATION', `Ngày văn bản (${formatDate(d.issuedDate)}) không thể sau ngày đến (${formatDate(receivedDate)}).`, {
      field: 'issuedDate',
    });
  }
  if (d.deadline && d.deadline < d.issuedDate) {
    throw new AppError('VALIDATION', `Hạn giải quyết (${formatDate(d.deadline)}) không thể trước ngày văn bản.`, { field: 'deadline' });
  }
}

/**
 * The same document is the same organ + số ký hiệu + year of issue: organs restart their
 * numbers each year, so a paper copy arriving in January of a December document is caught too.
 */
function refuseDuplicate(
  w: Writer,
  d: { agencyKey: string; agencyName: string; code: string; codeKey: string; issuedDate: string; exceptId?: string },
  confirmed: boolean,
): void {
  if (confirmed) return;
  const existing = stmt(
    w.store.sqlite,
    `SELECT id, number, year, code, agency_name AS agencyName, received_date AS receivedDate FROM documents
     WHERE kind = 'incoming' AND code_key = ? AND agency_key = ? AND substr(issued_date, 1, 4) = ? AND deleted_at IS NULL AND id <> ? LIMIT 1`,
  ).get(d.codeKey, d.agencyKey, d.issuedDate.slice(0, 4), d.exceptId ?? '') as
    { id: string; number: number; year: number; code: string; agencyName: string; receivedDate: string } | undefined;
  if (!existing) return;
  throw new AppError(
    'DUPLICATE',
    // Named as it stands in the register, not as just typed (perhaps in lower case).
    `Văn bản ${existing.code} của ${existing.agencyName} đã vào sổ: số đến ${existing.number}/${existing.year}, ngày ${formatDate(existing.receivedDate)}. ` +
      'Nếu đúng là văn bản khác, hãy xác nhận để vẫn vào sổ.',
    { field: 'code', details: { existingId: existing.id, existingNumber: existing.number, existingYear: existing.year } },
  );
}
