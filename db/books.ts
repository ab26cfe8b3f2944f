// Register books (sổ đăng ký). Numbers run per (book, year); a yearly book is made on demand
// when the first document of a new year arrives, as a clerk opens a new paper register.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../shared/api/errors.js';
import type { BookKind } from '../shared/domain/enums.js';
import { officeYear } from '../shared/text/dates.js';
import { documents, registerBooks } from './schema.js';
import type { Store } from './store.js';
import type { Writer } from './write.js';

export type BookRow = typeof registerBooks.$inferSelect;

export function incomingBookName(year: number): string {
  return `Sổ văn bản đến ${year}`;
}

export function listBooks(store: Store, kind?: BookKind) {
  const rows = store.db
    .select()
    .from(registerBooks)
    .where(and(isNull(registerBooks.deletedAt), kind ? eq(registerBooks.kind, kind) : undefined))
    .orderBy(desc(registerBooks.year), asc(registerBooks.name))
    .all();
  return rows.map((b) => ({
    id: b.id,
    kind: b.kind,
    name: b.name,
    year: b.year,
    nextNumber: nextNumber(store, b.id, b.year ?? officeYear(store.now())),
  }));
}

export function getBook(store: Store, id: string): BookRow {
  const book = store.db.select().from(registerBooks).where(eq(registerBooks.id, id)).get();
  if (!book || book.deletedAt) throw new AppError('VALIDATION', 'Sổ đăng ký đã chọn không tồn tại.', { field: 'bookId' });
  return book;
}

/** The book a document of `year` goes into: the one asked for, else that year's, else a new one. */
export function bookFor(w: Writer, kind: BookKind, year: number, bookId?: string): BookRow {
  if (bookId) {
    const book = getBook(w.store, bookId);
    if (book.kind !== kind) throw new AppError('VALIDATION', `“${book.name}” không phải sổ văn bản đến.`, { field: 'bookId' });
    if (book.year !== null && book.year !== year) {
      throw new AppError('VALIDATION', `“${book.name}” là sổ của năm ${book.year}, ngày đến thuộc năm ${year}.`, { field: 'bookId' });
    }
    if (book.closedAt) throw new AppError('VALIDATION', `“${book.name}” đã khóa sổ.`, { field: 'bookId' });
    return book;
  }
  const yearly = w.db
    .select()
    .from(registerBooks)
    .where(and(eq(registerBooks.kind, kind), eq(registerBooks.year, year), isNull(registerBooks.deletedAt)))
    .orderBy(asc(registerBooks.createdAt))
    .get();
  if (yearly) return yearly;
  const id = w.insert(registerBooks, { kind, name: incomingBookName(year), year, closedAt: null });
  return getBook(w.store, id);
}

/** The next number of a book's series in a year: after the highest ever given, cancelled ones included. */
export function nextNumber(store: Store, bookId: string, year: number): number {
  const row = store.db
    .select({ max: sql<number | null>`max(${documents.number})` })
    .from(documents)
    .where(and(eq(documents.bookId, bookId), eq(documents.year, year)))
    .get();
  return (row?.max ?? 0) + 1;
}
