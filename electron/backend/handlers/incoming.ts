// The incoming register: organs and types to pick from, register books, registering, editing, cancelling.
import { recordAccess } from '../../../db/access/accessLog.js';
import { closeBook, listBooks } from '../../../db/registers/books.js';
import { getDocument, listDocuments } from '../../../db/documents/documentRows.js';
import { cancelIncoming, registerIncoming, updateIncoming } from '../../../db/incoming/incoming.js';
import { searchAgencies } from '../../../db/lookups/agencies.js';
import { listDocTypes } from '../../../db/lookups/docTypes.js';
import { AppError } from '../../../shared/api/errors.js';
import { shownRecord, shownRecords } from '../../../db/secrets/secretAccess.js';
import { defineSlice, userOf, type Services } from './types.js';

export function incomingHandlers({ store }: Services) {
  return defineSlice({
    'agencies.search': (input) => searchAgencies(store, input.q, input.limit),
    'docTypes.list': () => listDocTypes(store),
    'books.list': (input) => listBooks(store, input.kind),
    'books.close': (input, req) => {
      closeBook(store, req.write, input.id);
      const book = listBooks(store).find((b) => b.id === input.id);
      if (!book) throw new AppError('NOT_FOUND', 'Không tìm thấy sổ.');
      return book;
    },

    'incoming.register': (input, req) => registerIncoming(store, req.write, input),
    'incoming.list': (input, req) => {
      const reader = userOf(req);
      const page = listDocuments(store, { kind: 'incoming', ...input, reader });
      return { ...page, items: shownRecords(store, reader, page.items, 'incoming.list') };
    },
    'incoming.get': (input, req) => {
      const doc = shownRecord(store, userOf(req), getDocument(store, input.id, 'incoming'), 'incoming.get');
      recordAccess(store, req.write, { documentId: doc.id }, 'view');
      return doc;
    },
    'incoming.update': (input, req) => shownRecord(store, userOf(req), updateIncoming(store, req.write, input), 'incoming.update'),
    'incoming.cancel': (input, req) =>
      shownRecord(store, userOf(req), cancelIncoming(store, req.write, input.id, input.reason), 'incoming.cancel'),
  });
}
