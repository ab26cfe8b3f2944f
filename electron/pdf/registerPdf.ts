// A register printed as the decree lays it out (PL IV): A4 landscape, a cover (Năm, từ ngày …
// đến ngày …, từ số … đến số …, quyển số), then the table with its header repeated on every
// page, long cells wrapped, and "Trang n/N" at the foot. Vietnamese in Tinos, embedded.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate } from '../../shared/text/dates.js';
import type { RegisterSheet } from '../../db/registerRows.js';
import { embedTinos } from './fonts.js';

const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = { left: 28, right: 28, top: 30, bottom: 34 };
const BODY_SIZE = 8.5;
const HEAD_SIZE = 8;
const PAD = 3;
const LINE = 1.18;
const BLACK = rgb(0, 0, 0);
const HEAD_FILL = rgb(0.93, 0.94, 0.96);

export interface PrintOptions {
  unitName: string;
  parentName?: string | null;
  bookNumber?: number;
}

export async function printRegister(sheet: RegisterSheet, options: PrintOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${sheet.title} — ${sheet.book.name}`, { showInWindowTitleBar: true });
  doc.setLanguage('vi-VN');
  doc.setProducer('VănThư');
  doc.setCreator('VănThư');
  const { regular, bold } = await embedTinos(doc);
  drawCover(doc.addPage(PAGE), sheet, options, regular, bold);

  const usable = PAGE[0] - MARGIN.left - MARGIN.right;
  const total = sheet.columns.reduce((s, c) => s + c.width, 0);
  const widths = sheet.columns.map((c) => (c.width / total) * usable);
  const header = sheet.columns.map((c, i) => wrap(c.title, bold, HEAD_SIZE, widths[i]! - 2 * PAD));
  const headerHeight = Math.max(...header.map((l) => l.length)) * HEAD_SIZE * LINE + 2 * PAD + 4;

  let page: PDFPage | null = null;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN.top;
    drawRow(page, y, widths, header, headerHeight, bold, HEAD_SIZE, sheet.columns.map(() => 'center' as const), HEAD_FILL);
    y -= headerHeight;
  };
  newPage();
  const aligns = sheet.columns.map((c) => c.align ?? 'left');
  for (const row of sheet.rows) {
    const lines = row.map((cell, i) => wrap(cell.text, regular, BODY_SIZE, widths[i]! - 2 * PAD));
    const height = Math.max(1, ...lines.map((l) => l.length)) * BODY_SIZE * LINE + 2 * PAD;
    if (y - height < MARGIN.bottom) newPage();
    drawRow(page!, y, widths, lines, height, regular, BODY_SIZE, aligns, null);
    y -= height;
  }
  if (sheet.rows.length === 0) page!.drawText('(Sổ chưa có văn bản nào trong khoảng thời gian này)', { x: MARGIN.left + 4, y: y - 14, size: BODY_SIZE, font: regular });

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    if (i === 0) return;
    const label = `Trang ${i}/${pages.length - 1}`;
    p.drawText(label, { x: PAGE[0] - MARGIN.right - regular.widthOfTextAtSize(label, 8), y: 14, size: 8, font: regular });
    p.drawText(`${sheet.book.name}`, { x: MARGIN.left, y: 14, size: 8, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });
  return doc.save();
}

function drawCover(page: PDFPage, sheet: RegisterSheet, o: PrintOptions, regular: PDFFont, bold: PDFFont): void {
  const [w, h] = PAGE;
  const center = (text: string, y: number, font: PDFFont, size: number) => page.drawText(text, { x: (w - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
  const top = h - 60;
  if (o.parentName) page.drawText(o.parentName.toLocaleUpperCase('vi'), { x: 60, y: top, size: 11, font: regular });
  page.drawText(o.unitName.toLocaleUpperCase('vi'), { x: 60, y: o.parentName ? top - 16 : top, size: 11, font: bold });
  center(sheet.title, h / 2 + 60, bold, 26);
  const year = sheet.book.year ?? (sheet.fromDate ? Number(sheet.fromDate.slice(0, 4)) : new Date().getFullYear());
  center(`Năm: ${year}`, h / 2 + 20, bold, 14);
  const lines = [
    `Từ ngày ${formatDate(sheet.fromDate) || '…'} đến ngày ${formatDate(sheet.toDate) || '…'}`,
    `Từ số ${sheet.firstNumber ?? '…'} đến số ${sheet.lastNumber ?? '…'}`,
    `Quyển số: ${o.bookNumber ?? 1}`,
  ];
  lines.forEach((l, i) => center(l, h / 2 - 14 - i * 22, regular, 13));
}

function drawRow(
  page: PDFPage,
  top: number,
  widths: number[],
  cells: string[][],
  height: number,
  font: PDFFont,
  size: number,
  aligns: ('left' | 'center')[],
  fill: ReturnType<typeof rgb> | null,
): void {
  let x = MARGIN.left;
  cells.forEach((lines, i) => {
    const width = widths[i]!;
    page.drawRectangle({ x, y: top - height, width, height, borderColor: BLACK, borderWidth: 0.5, ...(fill ? { color: fill } : {}) });
    lines.forEach((line, n) => {
      const tx = aligns[i] === 'center' ? x + (width - font.widthOfTextAtSize(line, size)) / 2 : x + PAD;
      page.drawText(line, { x: tx, y: top - PAD - size - n * size * LINE + 1.5, size, font, color: BLACK });
    });
    x += width;
  });
}

/** Words into lines of `width`; a word longer than a line is cut where it must be. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}
