// The same rows as the printed register, as an .xlsx workbook: one sheet per book, a styled
// header, dates as real dates, numbers as numbers, codes as text.
import { cutText, wellFormed } from '../../shared/text/cleanText.js';
import ExcelJS from 'exceljs';
import type { RegisterCell, RegisterColumn, RegisterSheet } from '../../db/registers/registerRows.js';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    cutText(wellFormed(name), 31)
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim() || 'Sổ';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${cutText(base, 28)} (${i})`;
  taken.add(candidate);
  return candidate;
}

export interface WorkbookSheet {
  name: string;
  title: string;
  subtitle: string;
  columns: RegisterColumn[];
  rows: RegisterCell[][];
  /** Per row: a withdrawn entry, its text struck through. */
  struck?: boolean[];
}

export async function exportRegisters(sheets: RegisterSheet[], unitName: string): Promise<Uint8Array> {
  return writeWorkbook(
    sheets.map((s) => ({
      name: s.book.name,
      title: `${s.title} — ${s.book.name}`,
      subtitle: unitName,
      columns: s.columns,
      rows: s.rows,
      struck: s.struck,
    })),
    unitName,
  );
}

/** Any table the office exports: a titled sheet, a styled header, typed cells. */
export async function writeWorkbook(sheets: WorkbookSheet[], unitName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'VănThư';
  wb.company = unitName;
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken), {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    ws.mergeCells(1, 1, 1, s.columns.length);
    ws.getCell(1, 1).value = s.title;
    ws.getCell(1, 1).font = { bold: true, size: 14, name: 'Times New Roman' };
    ws.mergeCells(2, 1, 2, s.columns.length);
    ws.getCell(2, 1).value = s.subtitle;
    ws.getCell(2, 1).font = { italic: true, name: 'Times New Roman' };
    const header = ws.getRow(3);
    s.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.title;
      cell.font = { bold: true, name: 'Times New Roman' };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EDF3' } };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      ws.getColumn(i + 1).width = Math.max(8, Math.round(c.width / 4.2));
    });
    header.height = 32;
    for (const [index, row] of s.rows.entries()) {
      const r = ws.addRow(
        row.map((cell, i) => {
          const type = s.columns[i]!.type ?? 'text';
          if (type === 'number') return typeof cell.value === 'number' ? cell.value : null;
          if (type === 'date') return typeof cell.value === 'string' && cell.value ? new Date(`${cell.value}T00:00:00Z`) : null;
          return cell.text;
        }),
      );
      s.columns.forEach((c, i) => {
        const cell = r.getCell(i + 1);
        if (c.type === 'date') cell.numFmt = 'dd/mm/yyyy';
        if (!c.type || c.type === 'text') cell.numFmt = '@';
        cell.alignment = { wrapText: true, vertical: 'top', horizontal: c.align === 'center' ? 'center' : 'left' };
        cell.font = s.struck?.[index] && i < s.columns.length - 1 ? { name: 'Times New Roman', strike: true } : { name: 'Times New Roman' };
      });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
