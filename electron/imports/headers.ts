// Finding the header row of an old register and guessing which column is which, from the
// names offices give them (DOMAIN.md's columns and their everyday variants), folded.
import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '../../shared/api/imports.js';
import { foldVietnamese } from '../../shared/text/searchKey.js';
import { cellString } from './cellValues.js';
import type { CellValue } from './sheetModel.js';

/** Folded names per field, most specific first; "noi nhan" means a recipient unit in an incoming register. */
const NAMES: Record<ImportKind, Partial<Record<ImportField, string[]>>> = {
  incoming: {
    receivedDate: ['ngay den', 'ngay nhan', 'ngay vao so'],
    number: ['so den', 'so vao so', 'so thu tu den'],
    agency: ['tac gia', 'co quan ban hanh', 'noi ban hanh', 'don vi ban hanh', 'co quan gui', 'noi gui', 'noi phat hanh', 'co quan'],
    code: ['so, ky hieu', 'so ky hieu', 'so hieu', 'ky hieu'],
    issuedDate: ['ngay thang van ban', 'ngay van ban', 'ngay ban hanh', 'ngay ky', 'ngay thang'],
    summary: ['ten loai va trich yeu', 'trich yeu', 'noi dung'],
    type: ['ten loai van ban', 'loai van ban', 'ten loai', 'hinh thuc'],
    recipient: ['don vi hoac nguoi nhan', 'don vi, nguoi nhan', 'nguoi nhan', 'don vi nhan', 'noi nhan', 'chuyen cho'],
    notes: ['ghi chu'],
  },
  outgoing: {
    number: ['so van ban', 'so di'],
    code: ['so, ky hieu', 'so ky hieu', 'so hieu', 'ky hieu'],
    issuedDate: ['ngay thang van ban', 'ngay van ban', 'ngay ban hanh', 'ngay ky', 'ngay thang'],
    summary: ['ten loai va trich yeu', 'trich yeu', 'noi dung'],
    type: ['ten loai van ban', 'loai van ban', 'ten loai', 'hinh thuc'],
    signer: ['nguoi ky'],
    recipients: ['noi nhan van ban', 'noi nhan', 'gui den'],
    recipient: ['don vi, nguoi nhan ban luu', 'nguoi nhan ban luu', 'ban luu'],
    copies: ['so luong ban', 'so ban'],
    notes: ['ghi chu'],
  },
};

function fold(v: CellValue): string {
  return foldVietnamese(cellString(v)).replace(/\s+/g, ' ').trim();
}

/** The field a header names and how surely (the length of the name matched). */
function fieldOf(header: string, kind: ImportKind): { field: ImportField; strength: number } | null {
  let best: { field: ImportField; strength: number } | null = null;
  for (const field of IMPORT_FIELDS) {
    for (const name of NAMES[kind][field] ?? []) {
      if (header.includes(name) && (!best || name.length > best.strength)) best = { field, strength: name.length };
    }
  }
  return best;
}

export interface HeaderGuess {
  headerRow: number;
  headers: string[];
  mapping: ImportMapping;
  score: number;
}

/** The row among the first 25 whose cells name the most fields; a parent row above adds context. */
export function guessHeaders(rows: CellValue[][], kind: ImportKind): HeaderGuess {
  let best: HeaderGuess = { headerRow: 0, headers: (rows[0] ?? []).map((v) => cellString(v)), mapping: {}, score: 0 };
  for (let r = 0; r < Math.min(rows.length, 25); r++) {
    const row = rows[r] ?? [];
    const parent = r > 0 ? (rows[r - 1] ?? []) : [];
    const width = Math.max(row.length, parent.length);
    const headers: string[] = [];
    const claims: { col: number; field: ImportField; strength: number }[] = [];
    for (let c = 0; c < width; c++) {
      const own = fold(row[c] ?? null);
      const up = fold(parent[c] ?? null);
      const text = own || up;
      headers[c] = cellString(row[c] ?? null) || cellString(parent[c] ?? null);
      const hit = fieldOf(text, kind) ?? (own && up && up !== own ? fieldOf(`${up} ${own}`, kind) : null);
      if (hit) claims.push({ col: c, ...hit });
    }
    // Each field to its surest column, each column to one field.
    const mapping: ImportMapping = {};
    const used = new Set<number>();
    for (const claim of claims.sort((a, b) => b.strength - a.strength)) {
      if (mapping[claim.field] !== undefined || used.has(claim.col)) continue;
      mapping[claim.field] = claim.col;
      used.add(claim.col);
    }
    const score = Object.keys(mapping).length;
    if (score > best.score) best = { headerRow: r, headers, mapping, score };
  }
  return best;
}

/** A row that only numbers the columns — "1 2 3 …" or "(1) (2) (3)" under the header. */
export function isColumnNumbering(row: CellValue[]): boolean {
  const cells = row.filter((v) => v !== null && v !== undefined && cellString(v) !== '');
  if (cells.length < 3) return false;
  return cells.every((v, i) => cellString(v).replace(/[()]/g, '') === String(i + 1));
}
