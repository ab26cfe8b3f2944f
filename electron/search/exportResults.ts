// A result list taken out (Appendix VI, 6h): every match of a search, up to 100,000, as a PDF
// (the house table) or a Word document (streamed), with the query, its filters and the time on it.
import { stat } from 'node:fs/promises';
import { currentUnit } from '../../db/admin/users.js';
import { getBook } from '../../db/registers/books.js';
import { searchAll } from '../../db/search/search.js';
import type { Store } from '../../db/core/store.js';
import type { Reader } from '../../db/secrets/secretAccess.js';
import { EXPORT_MAX, SEARCH_KIND_LABELS, type SavedQuery, type SearchHit } from '../../shared/api/search.js';
import type { SpooledFile } from '../../shared/api/files.js';
import { formatDate, formatInstant } from '../../shared/text/dates.js';
import { printTable } from '../pdf/registerPdf.js';
import { writeWordList } from './wordList.js';
import { spoolPath } from '../files/spool.js';

const KIND = SEARCH_KIND_LABELS;
const COLUMNS = [
  { title: 'STT', width: 34 },
  { title: 'Loại', width: 64 },
  { title: 'Số, ký hiệu', width: 100 },
  { title: 'Ngày', width: 60 },
  { title: 'Tên loại và trích yếu, tiêu đề', width: 300 },
  { title: 'Nơi ban hành, nơi nhận', width: 180 },
];

/** The query and its filters in words, as the list's heading says them. */
export function describeQuery(store: Store, q: SavedQuery): string {
  const parts = [`Từ khóa: “${q.q.trim()}”`];
  if (q.kinds?.length && q.kinds.length < 3) parts.push(`trong ${q.kinds.map((k) => KIND[k].toLocaleLowerCase('vi')).join(', ')}`);
  if (q.bookId) parts.push(`sổ ${getBook(store, q.bookId).name}`);
  if (q.year) parts.push(`năm ${q.year}`);
  if (q.from || q.to) parts.push(`vào sổ từ ${formatDate(q.from) || '…'} đến ${formatDate(q.to) || '…'}`);
  return parts.join(' · ');
}

const total = (n: number) => [
  `Tổng cộng: ${n.toLocaleString('vi-VN')} kết quả${n >= EXPORT_MAX ? ` (tối đa ${EXPORT_MAX.toLocaleString('vi-VN')} kết quả một lần; hãy thu hẹp tìm kiếm)` : ''}.`,
];

function* rowsOf(hits: Iterable<SearchHit[]>): Generator<string[]> {
  let n = 0;
  for (const batch of hits) for (const h of batch) yield [String(++n), KIND[h.kind], h.code, formatDate(h.date), h.title, h.subtitle];
}

export async function exportResults(
  store: Store,
  reader: Reader,
  q: SavedQuery,
  format: 'pdf' | 'docx',
  spoolDir: string,
): Promise<{ name: string; mime: string; bytes: Uint8Array } | SpooledFile> {
  const at = formatInstant(store.now().toISOString());
  const title = 'KẾT QUẢ TÌM KIẾM VĂN BẢN, HỒ SƠ';
  const lines = [
    currentUnit(store).name,
    describeQuery(store, q),
    `Lập lúc ${at}; xếp số ký hiệu trùng khớp trước, rồi văn bản mới vào sổ trước; không gồm kết quả chỉ có trong nội dung tệp đính kèm`,
  ];
  const stem = `Ket-qua-tim-kiem-${store.now().toISOString().slice(0, 10)}`;
  const hits = searchAll(store, reader, q, EXPORT_MAX);
  if (format === 'docx') {
    const path = await spoolPath(spoolDir, 'tim-kiem', '.docx');
    await writeWordList(path, { title, lines, columns: COLUMNS, rows: rowsOf(hits), closing: total });
    return {
      name: `${stem}.docx`,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      spool: { path, size: (await stat(path)).size },
    };
  }
  const rows = [...rowsOf(hits)].map((r) => r.map((text) => ({ text })));
  const bytes = await printTable({
    title,
    footer: `Kết quả tìm kiếm — ${at}`,
    cover: null,
    heading: [title, ...lines],
    columns: COLUMNS,
    rows,
    closing: total(rows.length),
  });
  return { name: `${stem}.pdf`, mime: 'application/pdf', bytes };
}
