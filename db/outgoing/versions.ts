// Versions of an issued document: a signed document is never edited. A change is a new document
// that replaces it (văn bản thay thế), an error is put right by a correction notice (văn bản đính
// chính), and a document that must not stand is withdrawn (thu hồi) — kept, frozen, struck through.
// Each is linked both ways, said in each one's history and in the register's Ghi chú.
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import type { DocumentRecord } from '../../shared/api/documents.js';
import { documentLinks, documents } from '../core/schema.js';
import type { Store } from '../core/store.js';
import type { Writer } from '../core/write.js';
import { getDocument } from '../documents/documentRows.js';
import { recordEvent } from '../documents/history.js';
import { shownRecords, type Reader } from '../secrets/secretAccess.js';

const REPLACE = 'replace';
const CORRECT = 'correct';

function linked(store: Store, kind: string, side: 'from' | 'to', id: string): string[] {
  const [mine, other] = side === 'from' ? [documentLinks.fromId, documentLinks.toId] : [documentLinks.toId, documentLinks.fromId];
  return store.db
    .select({ id: other })
    .from(documentLinks)
    .where(and(eq(mine, id), eq(documentLinks.kind, kind), isNull(documentLinks.deletedAt)))
    .all()
    .map((r) => r.id);
}

const replacerOf = (store: Store, oldId: string): string | null => linked(store, REPLACE, 'to', oldId)[0] ?? null;

/** The document `id` replaces, if it replaces one. */
export function replacedBy(store: Store, id: string): string | null {
  return linked(store, REPLACE, 'from', id)[0] ?? null;
}

const addNote = (existing: string | null, line: string) => (existing ? `${existing}; ${line}` : line);
const recalledOn = (d: DocumentRecord) => formatDate(officeDate(d.recalledAt!));

/** Why `old` cannot be replaced or corrected any more, or null. */
function notStanding(store: Store, old: DocumentRecord, kind: 'outgoing' | 'incoming', field: string): AppError | null {
  if (old.cancelled) return new AppError('VALIDATION', `Văn bản ${old.code} đã hủy.`, { field });
  // An incoming document's sender may replace what it withdrew; our own recalled one stays withdrawn.
  if (old.recalledAt && kind === 'outgoing')
    return new AppError('CONFLICT', `Văn bản ${old.code} đã thu hồi ngày ${recalledOn(old)}.`, { field });
  const by = replacerOf(store, old.id);
  if (by)
    return new AppError('CONFLICT', `Văn bản ${old.code} đã được thay thế bởi văn bản ${getDocument(store, by, kind).code}.`, { field });
  return null;
}

/**
 * The new document `newId` (just issued, or registered from a replace package, as `newCode`)
 * replaces `oldId`: linked, and said in both histories and Ghi chú.
 */
export function linkReplacement(
  w: Writer,
  newId: string,
  newCode: string,
  oldId: string,
  kind: 'outgoing' | 'incoming' = 'outgoing',
): void {
  const old = getDocument(w.store, oldId, kind);
  const refused = notStanding(w.store, old, kind, 'replaces');
  if (refused) throw refused;
  w.insert(documentLinks, { fromId: newId, toId: oldId, kind: REPLACE });
  // The register's Ghi chú says it, on screen and printed, as a clerk would write it there.
  w.update(documents, oldId, { notes: addNote(old.notes, `Được thay thế bởi văn bản ${newCode}`) });
  w.update(documents, newId, { notes: addNote(getDocument(w.store, newId, kind).notes, `Thay thế văn bản ${old.code}`) });
  recordEvent(w, newId, 'replaces', { code: old.code, documentId: oldId });
  recordEvent(w, oldId, 'replaced', { code: newCode, documentId: newId });
}

/** The issued document `newId` is a văn bản đính chính of `oldId`, which stays in force, corrected. */
export function linkCorrection(w: Writer, newId: string, newCode: string, oldId: string): void {
  const old = getDocument(w.store, oldId, 'outgoing');
  const refused = notStanding(w.store, old, 'outgoing', 'corrects');
  if (refused) throw refused;
  if (old.status !== 'phat_hanh')
    throw new AppError('VALIDATION', `Văn bản ${old.code} chưa ban hành; sửa nó trước khi ban hành.`, { field: 'corrects' });
  w.insert(documentLinks, { fromId: newId, toId: oldId, kind: CORRECT });
  w.update(documents, oldId, { notes: addNote(old.notes, `Được đính chính bởi văn bản ${newCode}`) });
  w.update(documents, newId, { notes: addNote(getDocument(w.store, newId, 'outgoing').notes, `Đính chính văn bản ${old.code}`) });
  recordEvent(w, newId, 'corrects', { code: old.code, documentId: oldId });
  recordEvent(w, oldId, 'corrected', { code: newCode, documentId: newId });
}

/** The document `id` corrects, if it is a correction notice. */
export function correctionOf(store: Store, id: string): string | null {
  return linked(store, CORRECT, 'from', id)[0] ?? null;
}

/**
 * Thu hồi: an issued document withdrawn. It stays in the register, struck through with the
 * reason; its files are kept; it can no longer be signed, sent, replaced or corrected.
 */
export function recallOutgoing(w: Writer, id: string, reason: string): DocumentRecord {
  const doc = getDocument(w.store, id, 'outgoing');
  if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã hủy; không cần thu hồi.`);
  if (doc.recalledAt) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã thu hồi ngày ${recalledOn(doc)}.`);
  if (doc.status !== 'phat_hanh')
    throw new AppError('CONFLICT', `Số ${doc.code} mới lấy, chưa ban hành: hủy số nếu không dùng, không thu hồi.`);
  const by = replacerOf(w.store, id);
  if (by)
    throw new AppError(
      'CONFLICT',
      `Văn bản ${doc.code} đã được thay thế bởi văn bản ${getDocument(w.store, by, 'outgoing').code}; văn bản thay thế mới là văn bản có hiệu lực.`,
    );
  w.update(documents, id, { status: 'thu_hoi', recalledAt: w.at, recallReason: reason });
  recordEvent(w, id, 'recall', { reason });
  return getDocument(w.store, id, 'outgoing');
}

/** An outgoing document that may still be signed, sent or given files: issued or numbered, not withdrawn. */
export function refuseIfWithdrawn(doc: DocumentRecord, doing: string): void {
  if (doc.cancelled) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã hủy, không ${doing} được.`);
  if (doc.recalledAt) throw new AppError('CONFLICT', `Văn bản ${doc.code} đã thu hồi ngày ${recalledOn(doc)}, không ${doing} được.`);
}

export function versionsOf(store: Store, reader: Reader, id: string) {
  const refs = (ids: string[]) =>
    shownRecords(
      store,
      reader,
      ids.map((docId) => getDocument(store, docId, 'outgoing')),
      'outgoing.versions',
    ).map((d) => ({ id: d.id, code: d.code, issuedDate: d.issuedDate }));
  const one = (docId: string | null) => (docId ? (refs([docId])[0] ?? null) : null);
  getDocument(store, id, 'outgoing');
  return {
    replaces: one(replacedBy(store, id)),
    replacedBy: one(replacerOf(store, id)),
    corrects: one(correctionOf(store, id)),
    correctedBy: refs(linked(store, CORRECT, 'to', id)),
  };
}
