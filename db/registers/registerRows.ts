// The rows of a register as it is printed or exported (PL IV of Decree 30/2020): columns in
// the decree's order, oldest number first, cancelled numbers kept and marked.
import { AppError } from '../../shared/api/errors.js';
import { formatDate, formatInstant, officeDate } from '../../shared/text/dates.js';
import { receiptText } from '../../shared/domain/exchange.js';
import { isWithdrawn, registerNote } from '../../shared/domain/withdrawn.js';
import { receiptsFor } from '../exchange/messages.js';
import { getBook, type BookRow } from './books.js';
import { listDocuments } from '../documents/documentRows.js';
import { followUpRow } from './followUp.js';
import type { Store } from '../core/store.js';
import { shownRecords, type Reader } from '../secrets/secretAccess.js';

export type RegisterKind = 'incoming' | 'outgoing' | 'followup';

export interface RegisterColumn {
  title: string;
  /** Share of the page's width. */
  width: number;
  align?: 'left' | 'center';
  /** How the cell is written to a spreadsheet. */
  type?: 'text' | 'number' | 'date';
}

export interface RegisterCell {
  text: string;
  /** For spreadsheets: the number or 'YYYY-MM-DD' date behind the text. */
  value?: number | string | null;
}

export interface RegisterSheet {
  book: BookRow;
  title: string;
  columns: RegisterColumn[];
  rows: RegisterCell[][];
  /** Per row: a cancelled number or a recalled document, drawn struck through. */
  struck: boolean[];
  firstNumber: number | null;
  lastNumber: number | null;
  fromDate: string | null;
  toDate: string | null;
}

const INCOMING: RegisterColumn[] = [
  { title: 'Ngày đến', width: 52, align: 'center', type: 'date' },
  { title: 'Số đến', width: 38, align: 'center', type: 'number' },
  { title: 'Tác giả', width: 110 },
  { title: 'Số, ký hiệu văn bản', width: 80 },
  { title: 'Ngày tháng văn bản', width: 54, align: 'center', type: 'date' },
  { title: 'Tên loại và trích yếu nội dung văn bản', width: 198 },
  { title: 'Đơn vị hoặc người nhận', width: 90 },
  { title: 'Ngày chuyển', width: 50, align: 'center', type: 'date' },
  { title: 'Ký nhận', width: 48 },
  { title: 'Ghi chú', width: 66 },
];

const OUTGOING: RegisterColumn[] = [
  { title: 'Số, ký hiệu văn bản', width: 80 },
  { title: 'Ngày tháng văn bản', width: 52, align: 'center', type: 'date' },
  { title: 'Tên loại và trích yếu nội dung văn bản', width: 188 },
  { title: 'Người ký', width: 84 },
  { title: 'Nơi nhận văn bản', width: 118 },
  { title: 'Đơn vị, người nhận bản lưu', width: 76 },
  { title: 'Số lượng bản', width: 38, align: 'center', type: 'number' },
  { title: 'Ngày chuyển', width: 48, align: 'center', type: 'date' },
  { title: 'Ký nhận', width: 46 },
  { title: 'Ghi chú', width: 56 },
];

const FOLLOWUP: RegisterColumn[] = [
  { title: 'Số đến', width: 40, align: 'center', type: 'number' },
  { title: 'Tên loại, số, ký hiệu, ngày tháng và tên cơ quan ban hành', width: 230 },
  { title: 'Đơn vị hoặc người nhận', width: 130 },
  { title: 'Thời hạn giải quyết', width: 60, align: 'center', type: 'date' },
  { title: 'Tiến độ giải quyết', width: 170 },
  { title: 'Số, ký hiệu văn bản trả lời', width: 80 },
  { title: 'Ghi chú', width: 76 },
];

const TITLES: Record<RegisterKind, string> = {
  incoming: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
  outgoing: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
  followup: 'SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN',
};

const date = (iso: string | null | undefined): RegisterCell => ({ text: formatDate(iso), value: iso ?? null });
const txt = (s: string | null | undefined): RegisterCell => ({ text: s ?? '' });
const num = (n: number | null | undefined, shown?: string): RegisterCell => ({
  text: shown ?? (n == null ? '' : String(n)),
  value: n ?? null,
});

export interface RegisterQuery {
  kind: RegisterKind;
  bookId: string;
  from?: string | undefined;
  to?: string | undefined;
  /** Who prints or exports it: a secret document he may not read is a masked row. */
  reader: Reader;
}

/** Every row of one book's register between two received dates (all when none). */
export function registerSheet(store: Store, q: RegisterQuery): RegisterSheet {
  const book = getBook(store, q.bookId);
  const docKind = q.kind === 'outgoing' ? 'outgoing' : 'incoming';
  if (book.kind !== docKind) throw new AppError('VALIDATION', `“${book.name}” không phải sổ của loại này.`, { field: 'bookId' });
  const rows: RegisterCell[][] = [];
  const struck: boolean[] = [];
  let first: number | null = null;
  let last: number | null = null;
  let fromDate = '';
  let toDate = '';
  let cursor: string | null = null;
  do {
    const page: ReturnType<typeof listDocuments> = listDocuments(store, {
      kind: docKind,
      bookId: book.id,
      from: q.from,
      to: q.to,
      limit: 500,
      cursor,
      ascending: true,
    });
    const shown = shownRecords(store, q.reader, page.items, `registers.${q.kind}`);
    const receipts =
      q.kind === 'outgoing'
        ? receiptsFor(
            store,
            shown.filter((d) => !d.masked).map((d) => d.id),
          )
        : [];
    for (const d of shown) {
      first ??= d.number;
      last = d.number;
      const day = officeDate(d.receivedAt);
      if (!fromDate || day < fromDate) fromDate = day;
      if (day > toDate) toDate = day;
      const notes = registerNote(d);
      struck.push(isWithdrawn(d));
      if (q.kind === 'incoming') {
        rows.push([
          date(day),
          num(d.number),
          txt(d.agencyName),
          txt(d.code),
          date(d.issuedDate),
          txt(`${d.typeName}: ${d.summary}`),
          txt(d.recipient),
          date(d.forwardedAt ? officeDate(d.forwardedAt) : null),
          txt(''),
          txt(notes),
        ]);
      } else if (q.kind === 'outgoing') {
        const signer = [d.signerPrefix, d.signerPosition, d.signerName].filter(Boolean).join(' ');
        rows.push([
          txt(d.code),
          date(d.issuedDate),
          txt(`${d.typeName}: ${d.summary}`),
          txt(signer),
          txt(d.recipientsText),
          txt(d.keptCopies),
          num(d.copies),
          date(d.forwardedAt ? officeDate(d.forwardedAt) : null),
          // Sent electronically: what each organ said back stands for its signature.
          txt(
            receipts
              .filter((r) => r.documentId === d.id)
              .map((r) => receiptText(r, formatInstant))
              .join('\n'),
          ),
          txt(notes),
        ]);
      } else {
        const f = followUpRow(store, d);
        rows.push([
          num(d.number),
          txt(`${d.typeName} số ${d.code} ngày ${formatDate(d.issuedDate)} của ${d.agencyName}`),
          txt(f.handlers),
          date(f.deadline),
          txt(f.progress),
          txt(f.replyCode),
          txt(notes),
        ]);
      }
    }
    cursor = page.nextCursor;
  } while (cursor);
  const columns = q.kind === 'incoming' ? INCOMING : q.kind === 'outgoing' ? OUTGOING : FOLLOWUP;
  return {
    book,
    title: TITLES[q.kind],
    columns,
    rows,
    struck,
    firstNumber: first,
    lastNumber: last,
    fromDate: q.from ?? (fromDate || null),
    toDate: q.to ?? (toDate || null),
  };
}
