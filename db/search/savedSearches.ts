// A user's saved searches (Appendix VI, 6e): named queries with their filters, his own only. A
// saved query is read back through the contract's schema (a row may come from another PC), and a
// filter naming a book that is gone is dropped, said, rather than failing the search.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { savedQuery, type SavedQuery, type SavedSearch } from '../../shared/api/search.js';
import { registerBooks, savedSearches } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';

const MAX_PER_USER = 200;

export function bookExists(store: Store, bookId: string): boolean {
  return !!store.db
    .select({ id: registerBooks.id })
    .from(registerBooks)
    .where(and(eq(registerBooks.id, bookId), isNull(registerBooks.deletedAt)))
    .get();
}

/** His saved searches, by name; `missingBook` says a filter was dropped because its book is gone. */
export function listSavedSearches(store: Store, userId: string): (SavedSearch & { missingBook: boolean })[] {
  const rows = store.db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, userId), isNull(savedSearches.deletedAt)))
    .orderBy(asc(savedSearches.name))
    .all();
  const out: (SavedSearch & { missingBook: boolean })[] = [];
  for (const r of rows) {
    let parsed: SavedQuery;
    try {
      const p = savedQuery.safeParse(JSON.parse(r.query));
      if (!p.success) continue;
      parsed = p.data;
    } catch {
      continue;
    }
    const missingBook = !!parsed.bookId && !bookExists(store, parsed.bookId);
    if (missingBook) delete parsed.bookId;
    out.push({ id: r.id, name: r.name, query: parsed, createdAt: r.createdAt, missingBook });
  }
  return out;
}

/** Saves a search under a name; the same name again replaces his earlier one. */
export function saveSearch(store: Store, ctx: WriteContext, input: { name: string; query: SavedQuery }): SavedSearch {
  const userId = ctx.userId!;
  if (input.query.bookId && !bookExists(store, input.query.bookId))
    throw new AppError('VALIDATION', 'Sổ đã chọn để lọc không còn; hãy chọn lại sổ.', { field: 'bookId' });
  const mine = listSavedSearches(store, userId);
  const same = mine.find((s) => s.name.toLocaleLowerCase('vi') === input.name.toLocaleLowerCase('vi'));
  if (!same && mine.length >= MAX_PER_USER)
    throw new AppError('VALIDATION', `Đã lưu ${MAX_PER_USER} tìm kiếm; hãy xóa bớt trước khi lưu thêm.`, { field: 'name' });
  const id = mutate(store, ctx, (w) => {
    const query = JSON.stringify(input.query);
    if (same) {
      w.update(savedSearches, same.id, { name: input.name, query });
      return same.id;
    }
    return w.insert(savedSearches, { userId, name: input.name, query });
  });
  return listSavedSearches(store, userId).find((s) => s.id === id)!;
}

export function deleteSavedSearch(store: Store, ctx: WriteContext, id: string): void {
  const row = store.db.select().from(savedSearches).where(eq(savedSearches.id, id)).get();
  // Another user's saved search is not found, as if it were not there.
  if (!row || row.userId !== ctx.userId || row.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy tìm kiếm đã lưu.');
  mutate(store, ctx, (w) => w.tombstone(savedSearches, id));
}
