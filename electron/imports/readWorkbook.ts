// Reads .xlsx (exceljs: fonts, merges, cached formula results, hidden sheets), .xls and
// .xlsx that exceljs cannot follow (SheetJS), and CSV into one Workbook shape. A password, a
// damaged file or something that is not a spreadsheet gets a clear Vietnamese message.
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../shared/api/errors.js';
import { readCsv } from './csv.js';
import { cellText } from './legacyCells.js';
import { TextTally, type CellValue, type Sheet, type Workbook } from './sheetModel.js';
import { asText } from '../../shared/text/asText.js';
import { cellKey, readXlsFonts, type SheetFonts } from './xlsFonts.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const unreadable = (name: string, why: string) => new AppError('FILE_UNREADABLE', `Không đọc được “${name}”: ${why}`);
const PASSWORD = 'tệp được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi chọn lại.';
const DAMAGED = 'tệp bị hỏng hoặc không đúng cấu trúc Excel. Hãy mở bằng Excel và lưu lại thành .xlsx rồi thử lại.';

export async function readWorkbook(bytes: Uint8Array, name: string): Promise<Workbook> {
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, name);
  if (startsWith(bytes, CFB)) return readWithSheetJs(bytes, name, true);
  if (/\.(csv|txt|tsv)$/i.test(name) || looksLikeText(bytes)) return readCsv(bytes, name);
  throw new AppError('FILE_TYPE', `“${name}” không phải tệp Excel (.xlsx, .xls) hay CSV.`);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.length > 0 && !head.includes(0);
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    // A malformed part is refused (SheetJS would read it silently and guess); a workbook whose
    // parts are where exceljs does not look (found by their relationships) goes to SheetJS.
    if (
      /outside of root node|Unexpected close tag|Unclosed root tag|Invalid character|Attribute without value|Non-whitespace before first tag/i.test(
        message,
      )
    ) {
      throw unreadable(name, DAMAGED);
    }
    return readWithSheetJs(bytes, name);
  }
  // exceljs 4.4 answers no sheet at all for a workbook whose parts sit outside xl/ (found by
  // their relationships) or are missing: SheetJS reads the first and refuses the second.
  if (wb.worksheets.length === 0) return readWithSheetJs(bytes, name);
  const tally = new TextTally();
  const notes: string[] = [];
  const date1904 = Boolean((wb as unknown as { properties?: { date1904?: boolean } }).properties?.date1904);
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return; // filled from the master below
        cells[c - 1] = excelValue(cell, tally);
      });
      rows[r - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).map(decodeRange);
    const mergedRows = fillMerges(rows, merges);
    sheets.push({ name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', rows, mergedRows });
  }
  return { sheets, date1904, notes: [...notes, ...tally.notes()] };
}

function excelValue(cell: ExcelJS.Cell, tally: TextTally): CellValue {
  const font = cell.font?.name ?? null;
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return cellText(v, font, tally);
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as {
      richText?: { text: string; font?: { name?: string } }[];
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      text?: string;
      error?: string;
    };
    if (o.richText) return o.richText.map((run) => cellText(run.text, run.font?.name ?? font, tally)).join('');
    // A formula: its cached result, never evaluated.
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && r && 'error' in r) return String((r as { error: string }).error);
      return typeof r === 'string' ? cellText(r, font, tally) : (r as CellValue);
    }
    if (typeof o.text === 'string') return cellText(o.text, font, tally); // hyperlink
    if (typeof o.error === 'string') return o.error;
  }
  return asText(v);
}

function readWithSheetJs(bytes: Uint8Array, name: string, biff = false): Workbook {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: true, cellNF: false, cellFormula: false, dense: false });
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    if (/password|encrypt/i.test(message)) throw unreadable(name, PASSWORD);
    throw unreadable(name, DAMAGED);
  }
  // An .xls says TCVN3 or VNI only by each cell's font, which SheetJS does not keep.
  let fonts: SheetFonts = [];
  if (biff) {
    try {
      fonts = readXlsFonts(bytes);
    } catch {
      fonts = []; // read as SheetJS did: the characters are then guessed
    }
  }
  const tally = new TextTally();
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: Sheet[] = wb.SheetNames.map((sheetName, i) => {
    const ws = wb.Sheets[sheetName];
    const fontAt = fonts[i];
    const rows: CellValue[][] = [];
    if (ws?.['!ref']) {
      const range = XLSX.utils.decode_range(ws['!ref']);
      for (let r = range.s.r; r <= range.e.r; r++) {
        const cells: CellValue[] = [];
        for (let c = range.s.c; c <= range.e.c; c++) {
          const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
          if (!cell || cell.v === undefined || cell.v === null) continue;
          if (cell.t === 'e') cells[c] = cell.w ?? '#ERROR';
          else if (typeof cell.v === 'string') cells[c] = cellText(cell.v, fontAt?.get(cellKey(r, c)) ?? null, tally);
          else cells[c] = cell.v;
        }
        rows[r] = cells;
      }
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    }
    const merges = (ws?.['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    const mergedRows = fillMerges(rows, merges);
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    return { name: sheetName, hidden, rows, mergedRows };
  });
  return { sheets, date1904, notes: tally.notes() };
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeRange(ref: string): Range {
  const r = XLSX.utils.decode_range(ref);
  return { top: r.s.r, left: r.s.c, bottom: r.e.r, right: r.e.c };
}

/** Gives each cell of a merged range the top-left value (columns never shift); answers rows filled from above. */
function fillMerges(rows: CellValue[][], merges: Range[]): Set<number> {
  const filledFromAbove = new Set<number>();
  for (const m of merges) {
    const value = rows[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      rows[r] ??= [];
      for (let c = m.left; c <= m.right; c++) rows[r]![c] = value;
      if (r > m.top) filledFromAbove.add(r);
    }
  }
  return filledFromAbove;
}
