// Old registers into VănThư: each year's rows go into that year's imported book (series
// 'imported', beside the live one) with their original numbers, all in one transaction.
// Imported incoming documents are marked done: years-old mail must not wait for direction.
import type { ImportKind } from '../../shared/api/imports.js';
import { codeKey } from '../../shared/text/searchKey.js';
import { getBook, type BookRow } from '../registers/books.js';
import { agencyFor } from '../lookups/agencies.js';
import { recordEvent } from '../documents/history.js';
import { documents, registerBooks } from '../core/schema.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { currentUnit } from '../admin/users.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';

export const IMPORTED_SERIES = 'imported';

export interface ImportedRow {
  row: number;
  year: number;
  number: number;
  receivedDate: string | null;
  agency: string;
  code: string;
  issuedDate: string;
  summary: string;
  typeCode: string;
  recipient: string | null;
  signer: string | null;
  recipients: string | null;
  copies: number | null;
  notes: string | null;
}

function importedBookId(store: Store, kind: ImportKind, year: number): string | null {
  const row = stmt(
    store.sqlite,
    'SELECT id FROM register_books WHERE kind = ? AND year = ? AND series = ? AND unit_id IS NULL AND deleted_at IS NULL',
  ).get(kind, year, IMPORTED_SERIES) as { id: string } | undefined;
  return row?.id ?? null;
}

/** Whether an import would clash: a number already in that year's imported book, or an outgoing code already used that year. */
export function importClash(store: Store, kind: ImportKind, year: number, number: number, key: string): boolean {
  if (kind === 'outgoing') {
    return (
      stmt(store.sqlite, "SELECT 1 FROM documents WHERE kind = 'outgoing' AND year = ? AND code_key = ? LIMIT 1").get(year, key) !==
      undefined
    );
  }
  const book = importedBookId(store, kind, year);
  return (
    book !== null &&
    stmt(store.sqlite, 'SELECT 1 FROM documents WHERE book_id = ? AND year = ? AND number = ?').get(book, year, number) !== undefined
  );
}

function bookOf(w: Writer, kind: ImportKind, year: number, made: Map<number, BookRow>): BookRow {
  let book = made.get(year);
  if (book) return book;
  const id = importedBookId(w.store, kind, year);
  book = id
    ? getBook(w.store, id)
    : getBook(
        w.store,
        w.insert(registerBooks, {
          kind,
          name: `Sổ văn bản ${kind === 'incoming' ? 'đến' : 'đi'} ${year} (nhập từ sổ cũ)`,
          year,
          series: IMPORTED_SERIES,
          printedAt: null,
          closedAt: null,
        }),
      );
  made.set(year, book);
  return book;
}

export function importDocuments(store: Store, ctx: WriteContext, kind: ImportKind, rows: ImportedRow[], fileName: string) {
  return mutate(store, ctx, (w) => {
    const books = new Map<number, BookRow>();
    const counts = new Map<number, number>();
    const self = kind === 'outgoing' ? agencyFor(w, currentUnit(store).name) : null;
    for (const r of rows) {
      const book = bookOf(w, kind, r.year, books);
      const agency = self ?? agencyFor(w, r.agency);
      const registered = r.receivedDate ?? r.issuedDate;
      const at = `${registered}T01:00:00.000Z`; // 08:00 in Hà Nội: the day, not a made-up time
      const id = w.insert(documents, {
        kind,
        bookId: book.id,
        year: r.year,
        number: r.number,
        receivedAt: at,
        receivedDate: registered,
        agencyId: agency.id,
        agencyName: agency.name,
        agencyKey: agency.key,
        code: r.code,
        codeKey: codeKey(r.code),
        typeCode: r.typeCode,
        issuedDate: r.issuedDate,
        summary: r.summary,
        urgency: 'thuong',
        confidentiality: 'thuong',
        pages: null,
        recipient: kind === 'incoming' ? r.recipient : null,
        deadline: null,
        notes: r.notes,
        createdBy: ctx.userId,
        deletedReason: null,
        status: kind === 'incoming' ? 'hoan_thanh' : 'phat_hanh',
        completedAt: kind === 'incoming' ? at : null,
        signerName: r.signer,
        recipientsText: kind === 'outgoing' ? r.recipients : null,
        keptCopies: kind === 'outgoing' ? r.recipient : null,
        copies: r.copies,
      });
      recordEvent(w, id, 'import', { file: fileName, row: r.row });
      counts.set(r.year, (counts.get(r.year) ?? 0) + 1);
    }
    w.event('import', { file: fileName, kind, rows: rows.length });
    return {
      imported: rows.length,
      books: [...books.values()].map((b) => ({ id: b.id, name: b.name, year: b.year!, count: counts.get(b.year!) ?? 0 })),
    };
  });
}
