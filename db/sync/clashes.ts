// Number clashes met through sync: two documents of one book and year with the same number
// (two PCs numbered the same book offline). Both are kept; the admin gives one a new number.
import { AppError } from '../../shared/api/errors.js';
import type { SyncClash } from '../../shared/api/sync.js';
import { getBook, nextNumber } from '../registers/books.js';
import { recordEvent } from '../documents/history.js';
import { documents } from '../core/schema.js';
import { codeKey } from '../../shared/text/searchKey.js';
import { MASKED_SUMMARY } from '../../shared/domain/secrecy.js';
import { hiddenAmong, type Reader } from '../secrets/secretAccess.js';
import { stmt } from '../core/statements.js';
import { localValue, setLocalValue, type Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';

const KEY = 'sync.clashes';

interface Place {
  bookId: string;
  year: number;
  number: number;
}

function places(store: Store): Place[] {
  return JSON.parse(localValue(store.sqlite, KEY) ?? '[]') as Place[];
}

function docsAt(store: Store, p: Place) {
  return stmt(
    store.sqlite,
    'SELECT id, kind, code, summary, received_date, agency_name FROM documents WHERE book_id = ? AND year = ? AND number = ? AND deleted_at IS NULL ORDER BY hlc',
  ).all(p.bookId, p.year, p.number) as {
    id: string;
    kind: 'incoming' | 'outgoing';
    code: string;
    summary: string;
    received_date: string;
    agency_name: string;
  }[];
}

/** After a document's number arrived or changed: remember its place if another document holds it. */
export function noteClash(store: Store, documentId: string): void {
  const d = stmt(store.sqlite, 'SELECT book_id, year, number FROM documents WHERE id = ?').get(documentId) as
    { book_id: string; year: number; number: number } | undefined;
  if (!d) return;
  const place = { bookId: d.book_id, year: d.year, number: d.number };
  if (docsAt(store, place).length < 2) return;
  const known = places(store);
  if (known.some((p) => p.bookId === place.bookId && p.year === place.year && p.number === place.number)) return;
  setLocalValue(store.sqlite, KEY, JSON.stringify([...known, place]));
}

export function listClashes(store: Store, reader: Reader): SyncClash[] {
  const out: SyncClash[] = [];
  for (const p of places(store)) {
    const docs = docsAt(store, p);
    if (docs.length < 2) continue;
    const hidden = hiddenAmong(
      store,
      reader,
      docs.map((d) => d.id),
    );
    out.push({
      bookId: p.bookId,
      bookName: getBook(store, p.bookId).name,
      year: p.year,
      number: p.number,
      documents: docs.map((d) => ({
        id: d.id,
        kind: d.kind,
        code: d.code,
        summary: hidden.has(d.id) ? MASKED_SUMMARY : d.summary,
        receivedDate: d.received_date,
        agencyName: d.agency_name,
      })),
    });
  }
  return out;
}

export function countClashes(store: Store): number {
  return places(store).filter((p) => docsAt(store, p).length > 1).length;
}

/** Gives a clashing document the book's next number (an outgoing one's symbol follows), audited. */
export function renumberDocument(store: Store, ctx: WriteContext, id: string): { id: string; number: number; code: string } {
  return mutate(store, ctx, (w) => {
    const d = stmt(store.sqlite, 'SELECT id, kind, book_id, year, number, code FROM documents WHERE id = ?').get(id) as
      { id: string; kind: string; book_id: string; year: number; number: number; code: string } | undefined;
    if (!d) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
    if (docsAt(store, { bookId: d.book_id, year: d.year, number: d.number }).length < 2) {
      throw new AppError('CONFLICT', `Số ${d.number} của văn bản này không còn trùng với văn bản nào; không cần cấp số mới.`);
    }
    const number = nextNumber(store, d.book_id, d.year);
    const code = d.kind === 'outgoing' ? d.code.replace(/^\d+/, String(number)) : d.code;
    w.update(documents, id, { number, code, codeKey: codeKey(code) }, 'renumber');
    recordEvent(w, id, 'renumber', { from: d.number, to: number, reason: 'Trùng số khi đồng bộ' });
    return { id, number, code };
  });
}
