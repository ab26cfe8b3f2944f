// Outgoing documents (văn bản đi): the number is taken inside the write transaction from the
// right series (general, confidential, a type's own), the symbol built from the office's
// patterns; a cancelled number stays used; a reply closes the loop on what it answers.
import { and, eq } from 'drizzle-orm';
import type { DocumentRecord } from '../../shared/api/documents.js';
import { AppError } from '../../shared/api/errors.js';
import type { OutgoingIssueInput } from '../../shared/api/outgoing.js';
import type { Confidentiality } from '../../shared/domain/enums.js';
import { buildSymbol, patternFor } from '../../shared/domain/symbols.js';
import { formatDate, officeDate, officeYear } from '../../shared/text/dates.js';
import { codeKey } from '../../shared/text/searchKey.js';
import { bookFor, findBook, nextNumber, refuseIfClosed } from '../registers/books.js';
import { agencyFor } from '../lookups/agencies.js';
import { resolveDocType } from '../lookups/docTypes.js';
import { getDocument } from '../documents/documentRows.js';
import { recordReply } from '../handling/steps.js';
import { recordEvent } from '../documents/history.js';
import { draftIssued, getDraft, numberDraft } from './drafts.js';
import type { DraftRecord } from '../../shared/api/outgoing.js';
import { departments, documentLinks, documents } from '../core/schema.js';
import { linkCorrection, linkReplacement } from './versions.js';
import { readSetting } from '../core/settings.js';
import { symbolSettings } from './symbolSettings.js';
import type { Store } from '../core/store.js';
import { shownRecords, type Reader } from '../secrets/secretAccess.js';
import { currentUnit } from '../admin/users.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';

export interface NumberingInput {
  type: string;
  departmentId?: string | null | undefined;
  confidentiality: Confidentiality;
  bookId?: string | undefined;
}

/** Which series a document takes its number from (DOMAIN.md: mật and each QPPL type have their own). */
function seriesFor(store: Store, typeCode: string, confidentiality: Confidentiality): string {
  if (confidentiality !== 'thuong' && readSetting(store, 'outgoing.confidentialSeries', true)) return 'confidential';
  if (readSetting<string[]>(store, 'outgoing.typeSeries', []).includes(typeCode)) return `type:${typeCode}`;
  return 'general';
}

function unitAbbreviation(store: Store, departmentId: string | null | undefined): string | null {
  if (!departmentId) return null;
  const dep = store.db.select().from(departments).where(eq(departments.id, departmentId)).get();
  if (!dep || dep.deletedAt) throw new AppError('VALIDATION', 'Đơn vị soạn thảo đã chọn không còn tồn tại.', { field: 'departmentId' });
  return dep.code;
}

/**
 * Confidential documents run their own series, yet số + ký hiệu must stay unique in the year:
 * the confidential series carries a mark (setting 'symbols.confidentialMark', default "M").
 */
function symbolFor(store: Store, input: NumberingInput, typeCode: string, number: number, year: number, series: string): string {
  const settings = symbolSettings(store);
  const code = buildSymbol(patternFor(typeCode, settings), {
    number,
    typeCode,
    organ: settings.organ,
    unit: unitAbbreviation(store, input.departmentId),
    year,
  });
  const mark = readSetting(store, 'symbols.confidentialMark', 'M');
  return series === 'confidential' && mark ? `${code}-${mark}` : code;
}

/** The number and symbol the next document would get, without taking them. */
export function previewOutgoing(store: Store, input: NumberingInput) {
  const year = officeYear(store.now());
  const type = resolveDocType(store, input.type);
  const series = seriesFor(store, type.code, input.confidentiality);
  const book = findBook(store, 'outgoing', year, series, input.bookId);
  if (book) refuseIfClosed(store, book.id);
  const number = book ? nextNumber(store, book.id, year) : 1;
  return {
    bookId: book?.id ?? null,
    bookName: book?.name ?? 'Sổ văn bản đi (mở khi vào số đầu tiên)',
    number,
    code: symbolFor(store, input, type.code, number, year, book?.series ?? series),
  };
}

function allocate(w: Writer, input: NumberingInput, year: number) {
  const type = resolveDocType(w.store, input.type);
  const book = bookFor(w, 'outgoing', year, input.bookId, seriesFor(w.store, type.code, input.confidentiality), type.name);
  const number = nextNumber(w.store, book.id, year);
  const code = symbolFor(w.store, input, type.code, number, year, book.series);
  const key = codeKey(code);
  const clash = w.db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.kind, 'outgoing'), eq(documents.year, year), eq(documents.codeKey, key)))
    .get();
  if (clash) {
    throw new AppError(
      'CONFLICT',
      `Số và ký hiệu ${code} đã dùng trong năm ${year}; hai văn bản đi không thể trùng số và ký hiệu. Hãy kiểm tra mẫu ký hiệu hoặc sổ đã chọn.`,
      { field: 'type' },
    );
  }
  return { type, book, number, code, key };
}

function insertOutgoing(
  w: Writer,
  input: NumberingInput & { summary: string; issuedDate: string; status: string },
  year: number,
): { id: string; code: string } {
  const a = allocate(w, input, year);
  const unit = currentUnit(w.store);
  const self = agencyFor(w, unit.name);
  const id = w.insert(documents, {
    kind: 'outgoing',
    bookId: a.book.id,
    year,
    number: a.number,
    receivedAt: w.at,
    receivedDate: officeDate(w.at),
    agencyId: self.id,
    agencyName: self.name,
    agencyKey: self.key,
    code: a.code,
    codeKey: a.key,
    typeCode: a.type.code,
    issuedDate: input.issuedDate,
    summary: input.summary,
    urgency: 'thuong',
    confidentiality: input.confidentiality,
    pages: null,
    recipient: null,
    deadline: null,
    notes: null,
    createdBy: w.ctx.userId,
    deletedReason: null,
    status: input.status,
    draftingDepartmentId: input.departmentId ?? null,
  });
  return { id, code: a.code };
}

/** Lấy số: the number is taken (and never given again) before the document is signed. */
export function reserveOutgoing(
  store: Store,
  ctx: WriteContext,
  input: NumberingInput & { summary: string | null; draftId?: string | undefined },
): DocumentRecord {
  const id = mutate(store, ctx, (w) => {
    const today = officeDate(w.at);
    const draft = input.draftId ? getDraft(store, input.draftId) : null;
    const numbering = draft ? fromDraft(draft, input.bookId) : input;
    const summary = draft?.summary ?? input.summary ?? 'Đã lấy số, chưa ban hành';
    const made = insertOutgoing(w, { ...numbering, summary, issuedDate: today, status: 'da_cap_so' }, officeYear(w.at));
    if (draft) numberDraft(w, draft.id, made.id, 'da_cap_so');
    recordEvent(w, made.id, 'reserve', { code: made.code });
    return made.id;
  });
  return getDocument(store, id, 'outgoing');
}

/** Ban hành: fills the document (a reserved number, or a new one) and links the replies. */
export function issueOutgoing(store: Store, ctx: WriteContext, input: OutgoingIssueInput): DocumentRecord {
  const id = mutate(store, ctx, (w) => {
    const today = officeDate(w.at);
    if (input.issuedDate > today) {
      throw new AppError('VALIDATION', `Ngày tháng văn bản (${formatDate(input.issuedDate)}) không thể sau hôm nay.`, {
        field: 'issuedDate',
      });
    }
    let docId: string;
    let code: string;
    // The series a number came from fixes the confidentiality: a reserved number or a signed
    // draft keeps its own; only a new number follows the form.
    let confidentiality: typeof input.confidentiality;
    if (input.id) {
      const reserved = getDocument(store, input.id, 'outgoing');
      if (reserved.cancelled) throw new AppError('CONFLICT', `Số ${reserved.code} đã hủy.`);
      if (reserved.status !== 'da_cap_so') throw new AppError('CONFLICT', `Văn bản ${reserved.code} đã ban hành.`);
      refuseIfClosed(store, reserved.bookId);
      if (resolveDocType(store, input.type).code !== reserved.typeCode) {
        throw new AppError('VALIDATION', `Số ${reserved.code} đã lấy cho loại ${reserved.typeName}; hãy lấy số mới nếu đổi loại văn bản.`, {
          field: 'type',
        });
      }
      if (Number(input.issuedDate.slice(0, 4)) !== reserved.year) {
        throw new AppError('VALIDATION', `Số ${reserved.code} thuộc năm ${reserved.year}; ngày văn bản phải trong năm đó.`, {
          field: 'issuedDate',
        });
      }
      docId = reserved.id;
      code = reserved.code;
      confidentiality = reserved.confidentiality;
      draftIssued(w, docId);
    } else {
      const draft = input.draftId ? getDraft(store, input.draftId) : null;
      const numbering = draft ? fromDraft(draft, input.bookId) : input;
      const made = insertOutgoing(
        w,
        { ...numbering, summary: input.summary, issuedDate: input.issuedDate, status: 'phat_hanh' },
        Number(input.issuedDate.slice(0, 4)),
      );
      if (draft) numberDraft(w, draft.id, made.id, 'phat_hanh');
      confidentiality = numbering.confidentiality;
      docId = made.id;
      code = made.code;
    }
    w.update(documents, docId, {
      summary: input.summary,
      issuedDate: input.issuedDate,
      signerName: input.signerName,
      signerPosition: input.signerPosition,
      signerPrefix: input.signerPrefix || null,
      recipientsText: input.recipients,
      keptCopies: input.keptCopies,
      copies: input.copies,
      pages: input.pages,
      urgency: input.urgency,
      confidentiality,
      notes: input.notes,
      status: 'phat_hanh',
    });
    recordEvent(w, docId, 'issue', { code });
    if (input.replaces && input.corrects)
      throw new AppError('VALIDATION', 'Một văn bản thay thế hoặc đính chính một văn bản khác, không cả hai.', { field: 'corrects' });
    if (input.replaces) linkReplacement(w, docId, code, input.replaces);
    if (input.corrects) linkCorrection(w, docId, code, input.corrects);
    for (const incomingId of [...new Set(input.replyTo)]) {
      const incoming = getDocument(store, incomingId, 'incoming');
      if (incoming.cancelled)
        throw new AppError('VALIDATION', `Văn bản đến số ${incoming.number} đã hủy, không trả lời được.`, { field: 'replyTo' });
      w.insert(documentLinks, { fromId: docId, toId: incomingId, kind: 'reply' });
      recordReply(w, incomingId, { outgoingId: docId, code }, input.completeReplied);
    }
    return docId;
  });
  return getDocument(store, id, 'outgoing');
}

/** Hủy: the number stays used, the row stays in the register marked hủy, with the reason. */
export function cancelOutgoing(store: Store, ctx: WriteContext, id: string, reason: string): DocumentRecord {
  mutate(store, ctx, (w) => {
    const doc = getDocument(store, id, 'outgoing');
    if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã hủy trước đó.`);
    if (doc.recalledAt) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã thu hồi; văn bản đã ban hành không hủy số.`);
    refuseIfClosed(store, doc.bookId);
    w.tombstone(documents, id, { deletedReason: reason });
    recordEvent(w, id, 'cancel', { reason });
  });
  return getDocument(store, id, 'outgoing');
}

/** A signed draft decides the type, drafting unit and confidentiality the number is taken for. */
function fromDraft(d: DraftRecord, bookId: string | undefined): NumberingInput {
  return { type: d.typeCode, departmentId: d.departmentId, confidentiality: d.confidentiality, bookId };
}

/** The incoming documents an outgoing one answers. */
export function repliesOf(store: Store, reader: Reader, outgoingId: string) {
  const answered = store.db
    .select({ toId: documentLinks.toId })
    .from(documentLinks)
    .where(and(eq(documentLinks.fromId, outgoingId), eq(documentLinks.kind, 'reply')))
    .all()
    .map((l) => getDocument(store, l.toId, 'incoming'));
  return shownRecords(store, reader, answered, 'outgoing.replies').map((d) => ({
    id: d.id,
    number: d.number,
    year: d.year,
    code: d.code,
    agencyName: d.agencyName,
    summary: d.summary,
  }));
}
