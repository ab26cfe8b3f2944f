// Search: the query, saved searches (his own), and the whole result list taken out.
import { AppError } from '../../../shared/api/errors.js';
import { search } from '../../../db/search/search.js';
import { bookExists, deleteSavedSearch, listSavedSearches, saveSearch } from '../../../db/search/savedSearches.js';
import type { Store } from '../../../db/core/store.js';
import { exportResults } from '../../search/exportResults.js';
import { defineSlice, ok, userOf, type Services } from './types.js';

/** A book filter must name a book this office has (a saved search may outlive it). */
function refuseMissingBook(store: Store, bookId: string | undefined): void {
  if (bookId && !bookExists(store, bookId))
    throw new AppError('VALIDATION', 'Sổ đã chọn để lọc không còn (đã bị xóa hoặc chưa đồng bộ về máy này); hãy bỏ lọc theo sổ.', {
      field: 'bookId',
    });
}

export function searchHandlers({ store, spoolDir }: Services) {
  return defineSlice({
    'search.query': (input, req) => (refuseMissingBook(store, input.bookId), search(store, userOf(req), input)),
    'search.saved': (_input, req) => listSavedSearches(store, userOf(req).id),
    'search.save': (input, req) => saveSearch(store, req.write, input),
    'search.deleteSaved': (input, req) => (deleteSavedSearch(store, req.write, input.id), ok),
    'search.export': (input, req) => {
      const { format, ...query } = input;
      refuseMissingBook(store, query.bookId);
      return exportResults(store, userOf(req), query, format, spoolDir);
    },
  });
}
