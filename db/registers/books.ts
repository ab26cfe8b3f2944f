// Register books (sổ đăng ký). Numbers run per (book, year); a yearly book is made on demand
// when the first document of a new year arrives, as a clerk opens a new paper register.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import type { BookKind } from '../../shared/domain/enums.js';
import { officeYear } from '../../shared/text/dates.js';
import { registerBooks } from '../core/schema.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';
import { unitLabels } from '../units/units.js';

export type BookRow = typeof registerBooks.$inferSelect;

export function incomingBookName(year: number): string {
  return `Sổ văn bản đến ${year}`;
}

/** The name a yearly book gets when it is opened: "Sổ văn bản đi mật 2026", "Sổ Quyết định 2026". */
export function bookName(kind: BookKind, series: string, year: number, typeName?: string): string {
  if (kind === 'incoming') return incomingBookName(year);
  if (series === 'confidential') return `Sổ văn bản đi mật ${year}`;
  if (series.startsWith('type:')) return `Sổ ${typeName ?? series.slice(5)} ${year}`;
  return `Sổ văn bản đi ${year}`;
}

export function listBooks(store: Store, kind?: BookKind) {
  const labels = unitLabels(store);
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
    series: b.series,
    closed: b.closedAt !== null,
    printedAt: b.printedAt,
    nextNumber: nextNumber(store, b.id, b.year ?? officeYear(store.now())),
    unitId: b.unitId,
    unitLabel: b.unitId ? (labels.get(b.unitId) ?? null) : null,
  }));
}

export function getBook(store: Store, id: string): BookRow {
  const book = store.db.select().from(registerBooks).where(eq(registerBooks.id, id)).get();
  if (!book || book.deletedAt) throw new AppError('VALIDATION', 'Sổ đăng ký đã chọn không tồn tại.', { field: 'bookId' });
  return book;
}

function refuseClosed(book: BookRow): void {
  if (book.closedAt) throw new AppError('CONFLICT', `“${book.name}” đã khóa sổ; không ghi thêm hay sửa được.`, { field: 'bookId' });
}

/**
 * The book a document of `year` goes into: the one asked for, else that year's book of the
 * series, else a new one (read-only: `w` null answers without creating).
 */
export function findBook(store: Store, kind: BookKind, year: number, series = 'general', bookId?: string): BookRow | null {
  if (bookId) {
    const book = getBook(store, bookId);
    const label = kind === 'incoming' ? 'sổ văn bản đến' : 'sổ văn bản đi';
    if (book.kind !== kind) throw new AppError('VALIDATION', `“${book.name}” không phải ${label}.`, { field: 'bookId' });
    if (book.year !== null && book.year !== year) {
      throw new AppError('VALIDATION', `“${book.name}” là sổ của năm ${book.year}, văn bản thuộc năm ${year}.`, { field: 'bookId' });
    }
    return book;
  }
  const id = stmt(
    store.sqlite,
    // A unit taken over keeps its own books (closed): this office's documents never go into them.
    'SELECT id FROM register_books WHERE kind = ? AND year = ? AND series = ? AND unit_id IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
  ).get(kind, year, series) as { id: string } | undefined;
  return id ? getBook(store, id.id) : null;
}

export function bookFor(w: Writer, kind: BookKind, year: number, bookId?: string, series = 'general', typeName?: string): BookRow {
  const found = findBook(w.store, kind, year, series, bookId);
  if (found) {
    refuseClosed(found);
    return found;
  }
  const id = w.insert(registerBooks, { kind, name: bookName(kind, series, year, typeName), year, series, printedAt: null, closedAt: null });
  return getBook(w.store, id);
}

/** Edits to a document are refused once its book is closed (khóa sổ). */
export function refuseIfClosed(store: Store, bookId: string): void {
  refuseClosed(getBook(store, bookId));
}

/** Khóa sổ: after the year's register is printed and signed, the book takes no more changes. */
export function closeBook(store: Store, ctx: WriteContext, bookId: string): void {
  mutate(store, ctx, (w) => {
    const book = getBook(store, bookId);
    if (book.closedAt) throw new AppError('CONFLICT', `“${book.name}” đã khóa sổ trước đó.`);
    if (!book.printedAt) throw new AppError('CONFLICT', `Hãy in “${book.name}” trước khi khóa sổ.`);
    w.update(registerBooks, book.id, { closedAt: w.at }, 'close');
  });
}

export function markPrinted(store: Store, ctx: WriteContext, bookId: string): void {
  mutate(store, ctx, (w) => w.update(registerBooks, bookId, { printedAt: w.at }, 'print'));
}

/** The next number of a book's series in a year: after the highest ever given, cancelled ones included. */
export function nextNumber(store: Store, bookId: string, year: number): number {
  const row = stmt(store.sqlite, 'SELECT max(number) AS max FROM documents WHERE book_id = ? AND year = ?').get(bookId, year) as {
    max: number | null;
  };
  return (row.max ?? 0) + 1;
}
