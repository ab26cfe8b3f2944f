// A cell's value as the register needs it: a date from a date cell, an Excel serial (1900 or
// 1904 system) or text (dd/mm/yyyy, d/m/yy, "ngày 5 tháng 3 năm 2019"); a number; a text.
import { isRealDate } from '../../shared/text/dates.js';
import type { CellValue } from './sheetModel.js';

const DAY_MS = 86_400_000;
/** Serial 0 of each system; from 1900-03-01 on the 1899-12-30 epoch absorbs Excel's 29/02/1900. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string } | { ok: true; value: null };

export function cellString(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoOf(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return String(v).replace(/\r\n?/g, '\n').trim();
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function serialToIso(serial: number, date1904: boolean): string {
  return isoOf(new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS));
}

function twoDigitYear(y: number): number {
  // Registers kept in Excel run from the late 1990s: 97 → 1997, 05 → 2005.
  return y >= 70 ? 1900 + y : 2000 + y;
}

export function parseDateCell(v: CellValue, date1904: boolean, label: string): Parsed<string> {
  if (v === null || v === '') return { ok: true, value: null };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, problem: `${label} không đọc được.` };
    return { ok: true, value: isoOf(v) };
  }
  if (typeof v === 'number') {
    if (v >= 1 && v < 2958466) return { ok: true, value: serialToIso(v, date1904) };
    return { ok: false, problem: `${label} “${v}” không phải ngày.` };
  }
  const text = String(v).trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(text);
  let iso: string | null = null;
  if (m) {
    const y = m[3]!.length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
    iso = `${y}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  } else if ((m = /ng[aà]y\s*(\d{1,2})\s*th[aá]ng\s*(\d{1,2})\s*n[aă]m\s*(\d{4})/i.exec(text.normalize('NFC')))) {
    iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  } else if (/^\d+(\.\d+)?$/.test(text)) {
    return parseDateCell(Number(text), date1904, label);
  }
  if (!iso) return { ok: false, problem: `${label} “${text}” không phải ngày (cần dạng ngày/tháng/năm).` };
  if (!isRealDate(iso)) return { ok: false, problem: `${label} “${text}” không phải ngày có thật.` };
  return { ok: true, value: iso };
}

export function parseNumberCell(v: CellValue, label: string): Parsed<number> {
  if (v === null || v === '') return { ok: true, value: null };
  const n = typeof v === 'number' ? v : /^\s*0*(\d{1,9})\s*$/.exec(String(v)) ? Number(String(v).trim()) : NaN;
  if (!Number.isInteger(n) || n < 1) return { ok: false, problem: `${label} “${cellString(v)}” không phải số nguyên dương.` };
  return { ok: true, value: n };
}
