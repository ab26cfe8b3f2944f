// Versions of an issued document: a signed document is never edited; a change is a new document
// that replaces it (văn bản thay thế), both linked in the register and in each one's history.
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { documentLinks, documents } from '../core/schema.js';
import type { Store } from '../core/store.js';
import type { Writer } from '../core/write.js';
import { getDocument } from '../documents/documentRows.js';
import { recordEvent } from '../documents/history.js';
import { shownRecords, type Reader } from '../secrets/secretAccess.js';

const REPLACE = 'replace';

function replacerOf(store: Store, oldId: string): string | null {
  const row = store.db
    .select({ fromId: documentLinks.fromId })
    .from(documentLinks)
    .where(and(eq(documentLinks.toId, oldId), eq(documentLinks.kind, REPLACE), isNull(documentLinks.deletedAt)))
    .get();
  return row?.fromId ?? null;
}

/** The document `oldId` replaces, if it replaces one. */
export function replacedBy(store: Store, id: string): string | null {
  return (
    store.db
      .select({ toId: documentLinks.toId })
      .from(documentLinks)
      .where(and(eq(documentLinks.fromId, id), eq(documentLinks.kind, REPLACE), isNull(documentLinks.deletedAt)))
      .get()?.toId ?? null
  );
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
  if (old.cancelled) throw new AppError('VALIDATION', `Văn bản ${old.code} đã hủy; không cần văn bản thay thế.`, { field: 'replaces' });
  const already = replacerOf(w.store, oldId);
  if (already) {
    const by = getDocument(w.store, already, kind);
    throw new AppError('CONFLICT', `Văn bản ${old.code} đã được thay thế bởi văn bản ${by.code}.`, { field: 'replaces' });
  }
  w.insert(documentLinks, { fromId: newId, toId: oldId, kind: REPLACE });
  // The register's Ghi chú says it, on screen and printed, as a clerk would write it there.
  const note = (existing: string | null, line: string) => (existing ? `${existing}; ${line}` : line);
  w.update(documents, oldId, { notes: note(old.notes, `Được thay thế bởi văn bản ${newCode}`) });
  w.update(documents, newId, { notes: note(getDocument(w.store, newId, kind).notes, `Thay thế văn bản ${old.code}`) });
  recordEvent(w, newId, 'replaces', { code: old.code, documentId: oldId });
  recordEvent(w, oldId, 'replaced', { code: newCode, documentId: newId });
}

export function versionsOf(store: Store, reader: Reader, id: string) {
  const ref = (docId: string | null) => {
    if (!docId) return null;
    const [d] = shownRecords(store, reader, [getDocument(store, docId, 'outgoing')], 'outgoing.versions');
    return d ? { id: d.id, code: d.code, issuedDate: d.issuedDate } : null;
  };
  getDocument(store, id, 'outgoing');
  return { replaces: ref(replacedBy(store, id)), replacedBy: ref(replacerOf(store, id)) };
}
