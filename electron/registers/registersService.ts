// Printing and exporting registers: rows from db/, a PDF or a workbook from them; printing
// marks the book as printed (a book closes only after it has been printed).
import type { RegisterKind } from '../../db/registers/registerRows.js';
import { registerSheet } from '../../db/registers/registerRows.js';
import { listBooks, markPrinted } from '../../db/registers/books.js';
import type { Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import { unitNameOf } from '../../db/units/units.js';
import type { WriteContext } from '../../db/core/write.js';
import type { Reader } from '../../db/secrets/secretAccess.js';
import { AppError } from '../../shared/api/errors.js';
import { printRegister } from '../pdf/registerPdf.js';
import { exportRegisters } from './exportXlsx.js';

export interface RegisterRequest {
  kind: RegisterKind;
  bookId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function fileStem(kind: RegisterKind, bookName: string): string {
  const prefix = kind === 'followup' ? 'So-theo-doi-' : '';
  return `${prefix}${bookName}`.normalize('NFC').replace(/[\\/:*?"<>|]+/g, '-');
}

export async function printRegisterFile(
  store: Store,
  ctx: WriteContext,
  reader: Reader,
  r: RegisterRequest,
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  if (!r.bookId) throw new AppError('VALIDATION', 'Chọn sổ cần in.', { field: 'bookId' });
  const sheet = registerSheet(store, { kind: r.kind, bookId: r.bookId, from: r.from, to: r.to, reader });
  // A book of a unit taken over prints as that unit's register, numbered among its own books.
  const books = listBooks(store, sheet.book.kind).filter((b) => b.year === sheet.book.year && b.unitId === sheet.book.unitId);
  const bytes = await printRegister(sheet, {
    unitName: unitNameOf(store, sheet.book.unitId),
    bookNumber: Math.max(1, books.findIndex((b) => b.id === sheet.book.id) + 1),
  });
  markPrinted(store, ctx, sheet.book.id);
  return { name: `${fileStem(r.kind, sheet.book.name)}.pdf`, mime: 'application/pdf', bytes };
}

/** One book, or every book of the kind (one sheet each) when none is named. */
export async function exportRegisterFile(
  store: Store,
  reader: Reader,
  r: RegisterRequest,
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const docKind = r.kind === 'outgoing' ? 'outgoing' : 'incoming';
  const bookIds = r.bookId ? [r.bookId] : listBooks(store, docKind).map((b) => b.id);
  const sheets = bookIds.map((bookId) => registerSheet(store, { kind: r.kind, bookId, from: r.from, to: r.to, reader }));
  const bytes = await exportRegisters(sheets, currentUnit(store).name);
  const name =
    r.bookId && sheets[0]
      ? fileStem(r.kind, sheets[0].book.name)
      : r.kind === 'outgoing'
        ? 'So-van-ban-di'
        : r.kind === 'followup'
          ? 'So-theo-doi'
          : 'So-van-ban-den';
  return { name: `${name}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}
