// CSV and tab-separated text: the bytes decoded (BOM, else UTF-8, else Windows-1252 — legacy
// TCVN3/VNI text arrives that way and is converted cell by cell), the separator guessed from
// the first line, the rows read by csv-parse.
import { parse } from 'csv-parse/sync';
import { AppError } from '../../shared/api/errors.js';
import { cellText } from './legacyCells.js';
import { TextTally, type Workbook } from './sheetModel.js';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Rows of the text, the separator (; tab ,) guessed from the first line; quotes as RFC 4180 has them. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0]!.s;
  try {
    // Old PCs mix line endings within one file: any of them ends a row.
    const rows: string[][] = parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
    });
    return rows;
  } catch (err) {
    // The rows read before it tell where the broken one starts (csv-parse names the last line).
    const before = (err as { records?: number }).records;
    const where = before === undefined ? '' : ` (từ dòng ${before + 1})`;
    throw new AppError(
      'FILE_UNREADABLE',
      `Tệp CSV không đọc được${where}: có dấu ngoặc kép (") mở mà không đóng. Hãy mở tệp bằng Excel rồi lưu lại dạng CSV.`,
    );
  }
}

export function readCsv(bytes: Uint8Array, name: string): Workbook {
  const tally = new TextTally();
  const rows = parseCsv(decodeText(bytes)).map((r) => r.map((v) => (v.trim() === '' ? null : cellText(v, null, tally))));
  return { sheets: [{ name: name.replace(/\.[^.]+$/, '') || 'CSV', hidden: false, rows }], date1904: false, notes: tally.notes() };
}
