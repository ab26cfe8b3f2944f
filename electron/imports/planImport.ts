// From a read workbook to the rows an import would write: the sheet and header found, each
// row converted by the mapping and checked, with every problem said in Vietnamese.
import { AppError } from '../../shared/api/errors.js';
import { IMPORT_FIELD_LABELS, REQUIRED_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '../../shared/api/imports.js';
import { formatDate } from '../../shared/text/dates.js';
import { codeKey, foldVietnamese } from '../../shared/text/searchKey.js';
import type { ImportedRow } from '../../db/imports/importRegister.js';
import { cellString, parseDateCell, parseNumberCell } from './cellValues.js';
import { guessHeaders, isColumnNumbering } from './headers.js';
import type { CellValue, Sheet, Workbook } from './sheetModel.js';

/** Rows the preview shows with their values (the sample). */
export const SHOWN_ROWS = 200;

const LIMITS = { agency: 200, code: 50, summary: 1000, recipient: 500, signer: 100, recipients: 1000, notes: 1000 };

export interface DocType {
  code: string;
  name: string;
}

/** A valid row, as db/imports/importRegister.ts writes it. */
export type ImportDoc = ImportedRow;

export interface PlannedRow {
  row: number;
  values: Record<string, string>;
  problems: string[];
  doc: ImportDoc | null;
}

export interface ImportPlan {
  sheets: { name: string; hidden: boolean; rows: number }[];
  sheet: string;
  headerRow: number;
  columns: { index: number; header: string }[];
  mapping: ImportMapping;
  rows: PlannedRow[];
  notes: string[];
}

export interface PlanOptions {
  kind: ImportKind;
  sheet?: string | null | undefined;
  mapping?: ImportMapping | undefined;
  types: DocType[];
  /** A number already used in this year's imported book (incoming), or a code already issued that year (outgoing). */
  taken: (year: number, number: number, codeKey: string) => boolean;
  today: string;
}

export function planImport(wb: Workbook, o: PlanOptions): ImportPlan {
  const notes = [...wb.notes];
  const hiddenNames = wb.sheets.filter((s) => s.hidden).map((s) => s.name);
  if (hiddenNames.length)
    notes.push(`Bỏ qua trang tính ẩn: ${hiddenNames.map((n) => `“${n}”`).join(', ')} (bỏ ẩn trong Excel nếu cần nhập).`);
  const visible = wb.sheets.filter((s) => !s.hidden);
  let sheet: Sheet | undefined;
  if (o.sheet) {
    sheet = wb.sheets.find((s) => s.name === o.sheet);
    if (!sheet) throw new AppError('VALIDATION', `Tệp không có trang tính “${o.sheet}”.`, { field: 'sheet' });
  } else {
    // The visible sheet whose header names the most register columns.
    sheet = visible.map((s) => ({ s, score: guessHeaders(s.rows, o.kind).score })).sort((a, b) => b.score - a.score)[0]?.s;
  }
  if (!sheet || sheet.rows.every((r) => r.every((v) => v === null || v === undefined))) {
    throw new AppError('VALIDATION', 'Tệp không có trang tính nào có dữ liệu để nhập.');
  }
  const guess = guessHeaders(sheet.rows, o.kind);
  const mapping = o.mapping ?? guess.mapping;
  const width = Math.max(0, ...sheet.rows.slice(0, 200).map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => ({ index: i, header: guess.headers[i] || `Cột ${columnLetter(i)}` }));

  const rows: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (let r = guess.headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cells.every((v) => v === null || v === undefined || cellString(v) === '')) continue;
    if (isColumnNumbering(cells)) continue;
    const planned = planRow(cells, r + 1, mapping, wb.date1904, o, seen);
    // Only the first rows are shown as they are; the rest keep their problems and their document.
    if (rows.length >= SHOWN_ROWS) planned.values = {};
    rows.push(planned);
  }
  const missing = REQUIRED_FIELDS[o.kind].filter((f) => mapping[f] === undefined || mapping[f] === null);
  if (missing.length) notes.unshift(`Chưa chọn cột cho: ${missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.`);
  return {
    sheets: wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows.length })),
    sheet: sheet.name,
    headerRow: guess.headerRow + 1,
    columns,
    mapping,
    rows,
    notes,
  };
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function planRow(
  cells: CellValue[],
  row: number,
  mapping: ImportMapping,
  date1904: boolean,
  o: PlanOptions,
  seen: Map<string, number>,
): PlannedRow {
  const get = (f: ImportField): CellValue => {
    const c = mapping[f];
    return c === undefined || c === null ? null : (cells[c] ?? null);
  };
  const text = (f: ImportField) =>
    cellString(get(f))
      .replace(/\s*\n\s*/g, ' ')
      .trim();
  const problems: string[] = [];
  const values: Record<string, string> = {};
  for (const f of Object.keys(mapping) as ImportField[]) values[f] = cellString(get(f));

  const date = (f: ImportField) => {
    const p = parseDateCell(get(f), date1904, IMPORT_FIELD_LABELS[f]);
    if (!p.ok) problems.push(p.problem);
    else if (p.value) values[f] = formatDate(p.value);
    return p.ok ? p.value : null;
  };
  const receivedDate = o.kind === 'incoming' ? date('receivedDate') : null;
  const issuedDate = date('issuedDate');
  const code = text('code');
  const summary = text('summary');
  const agency = text('agency');
  const need = (f: ImportField, v: unknown) => {
    if (REQUIRED_FIELDS[o.kind].includes(f) && (v === null || v === '')) problems.push(`Thiếu ${IMPORT_FIELD_LABELS[f].toLowerCase()}.`);
  };
  for (const [f, v] of [
    ['agency', agency],
    ['code', code],
    ['summary', summary],
    ['receivedDate', receivedDate],
    ['issuedDate', issuedDate],
  ] as const) {
    if (values[f] !== undefined || REQUIRED_FIELDS[o.kind].includes(f)) need(f, v);
  }
  for (const [f, v] of [
    ['agency', agency],
    ['code', code],
    ['summary', summary],
  ] as const) {
    if (v.length > LIMITS[f]) problems.push(`${IMPORT_FIELD_LABELS[f]} dài quá ${LIMITS[f]} ký tự.`);
  }

  let number: number | null = null;
  if (o.kind === 'incoming') {
    const p = parseNumberCell(get('number'), 'Số đến');
    if (!p.ok) problems.push(p.problem);
    else number = p.value;
    need('number', number);
  } else {
    const p = parseNumberCell(get('number'), 'Số văn bản');
    const fromCode = /^\s*0*(\d{1,9})\b/.exec(code);
    if (p.ok && p.value) number = p.value;
    else if (fromCode) number = Number(fromCode[1]);
    else if (code) problems.push(`Không tách được số văn bản từ “${code}”.`);
  }
  const regDate = o.kind === 'incoming' ? receivedDate : issuedDate;
  if (regDate && regDate > o.today)
    problems.push(`${o.kind === 'incoming' ? 'Ngày đến' : 'Ngày văn bản'} ${formatDate(regDate)} ở tương lai.`);
  if (o.kind === 'incoming' && receivedDate && issuedDate && issuedDate > receivedDate) {
    problems.push(`Ngày văn bản (${formatDate(issuedDate)}) sau ngày đến (${formatDate(receivedDate)}).`);
  }
  const year = regDate ? Number(regDate.slice(0, 4)) : null;
  const key = codeKey(code);
  if (year && number) {
    const id = o.kind === 'incoming' ? `${year}:${number}` : `${year}:${key}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(
        o.kind === 'incoming'
          ? `Số đến ${number}/${year} trùng với dòng ${first}.`
          : `Số, ký hiệu ${code} năm ${year} trùng với dòng ${first}.`,
      );
    } else {
      seen.set(id, row);
      if (o.taken(year, number, key)) {
        problems.push(
          o.kind === 'incoming'
            ? `Số đến ${number}/${year} đã có trong sổ nhập trước đây.`
            : `Số, ký hiệu ${code} năm ${year} đã có trong sổ văn bản đi.`,
        );
      }
    }
  }
  const copies = parseNumberCell(get('copies'), 'Số lượng bản');
  if (!copies.ok) problems.push(copies.problem);

  const doc: ImportDoc | null =
    problems.length || !year || !number
      ? null
      : {
          row,
          year,
          number,
          receivedDate,
          agency: agency || '',
          code: code || String(number),
          issuedDate: issuedDate ?? regDate!,
          summary,
          typeCode: typeOf(text('type'), code, summary, o.types),
          recipient: text('recipient').slice(0, LIMITS.recipient) || null,
          signer: text('signer').slice(0, LIMITS.signer) || null,
          recipients: text('recipients').slice(0, LIMITS.recipients) || null,
          copies: copies.ok ? copies.value : null,
          notes: text('notes').slice(0, LIMITS.notes) || null,
        };
  return { row, values, problems, doc };
}

/** The type: the column if there is one, else the code's symbol ("142/KH-…"), else the summary's first words, else Công văn. */
function typeOf(typed: string, code: string, summary: string, types: DocType[]): string {
  const byCode = new Map(types.map((t) => [foldVietnamese(t.code), t.code]));
  const byName = types.map((t) => ({ code: t.code, name: foldVietnamese(t.name) })).sort((a, b) => b.name.length - a.name.length);
  if (typed) {
    const f = foldVietnamese(typed);
    const hit = byCode.get(f) ?? byName.find((t) => t.name === f)?.code;
    if (hit) return hit;
  }
  const symbol = /\/\s*([^\s\-–/]+)\s*[-–]/.exec(code)?.[1];
  if (symbol && byCode.has(foldVietnamese(symbol))) return byCode.get(foldVietnamese(symbol))!;
  const start = foldVietnamese(summary);
  const lead = byName.find((t) => start.startsWith(t.name));
  if (lead) return lead.code;
  return byCode.get('cv') ?? types[0]?.code ?? 'CV';
}
