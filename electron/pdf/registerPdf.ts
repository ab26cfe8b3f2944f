// A register printed as the decree lays it out (PL IV): A4 landscape, a cover (Năm, từ ngày …
// đến ngày …, từ số … đến số …, quyển số), then the table with its header repeated on every
// page, long cells wrapped, and "Trang n/N" at the foot. Vietnamese in Tinos, embedded.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDate } from '../../shared/text/dates.js';
import type { RegisterCell, RegisterColumn, RegisterSheet } from '../../db/registers/registerRows.js';
import { embedTinos } from './fonts.js';

const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = { left: 28, right: 28, top: 30, bottom: 34 };
const BODY_SIZE = 8.5;
const HEAD_SIZE = 8;
const PAD = 3;
const LINE = 1.18;

export interface PrintOptions {
  unitName: string;
  parentName?: string | null;
  bookNumber?: number;
}

export async function printRegister(sheet: RegisterSheet, options: PrintOptions): Promise<Uint8Array> {
  const year = sheet.book.year ?? (sheet.fromDate ? Number(sheet.fromDate.slice(0, 4)) : new Date().getFullYear());
  return printTable({
    title: `${sheet.title} — ${sheet.book.name}`,
    footer: sheet.book.name,
    columns: sheet.columns,
    rows: sheet.rows,
    struck: sheet.struck,
    cover: {
      unitName: options.unitName,
      parentName: options.parentName ?? null,
      heading: sheet.title,
      subheading: `Năm: ${year}`,
      lines: [
        `Từ ngày ${formatDate(sheet.fromDate) || '…'} đến ngày ${formatDate(sheet.toDate) || '…'}`,
        `Từ số ${sheet.firstNumber ?? '…'} đến số ${sheet.lastNumber ?? '…'}`,
        `Quyển số: ${options.bookNumber ?? 1}`,
      ],
    },
  });
}

export interface TableSpec {
  title: string;
  footer: string;
  cover: CoverSpec | null;
  /** Lines above the table on its first page (when there is no cover page). */
  heading?: string[];
  columns: RegisterColumn[];
  rows: RegisterCell[][];
  /** Per row: drawn struck through (a cancelled number, a recalled document), still readable; the last column (Ghi chú, the reason) stays plain. */
  struck?: boolean[];
  /** A row drawn bold across the table (a heading inside a list, e.g. "I. Tổ chức, cán bộ"). */
  isSection?: (row: RegisterCell[]) => boolean;
  closing?: string[];
}

export interface CoverSpec {
  unitName: string;
  parentName?: string | null;
  heading: string;
  subheading?: string;
  lines: string[];
}

/** A4 landscape table document: an optional cover, the header on every page, page numbers. */
export async function printTable(spec: TableSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setLanguage('vi-VN');
  doc.setProducer('VănThư');
  doc.setCreator('VănThư');
  const { regular, bold } = await embedTinos(doc);
  if (spec.cover) drawCover(doc.addPage(PAGE), spec.cover, regular, bold);
  const sheet = { columns: spec.columns, rows: spec.rows };

  const usable = PAGE[0] - MARGIN.left - MARGIN.right;
  const total = sheet.columns.reduce((s, c) => s + c.width, 0);
  const widths = sheet.columns.map((c) => (c.width / total) * usable);
  const header = sheet.columns.map((c, i) => wrap(c.title, bold, HEAD_SIZE, widths[i]! - 2 * PAD));
  const headerHeight = Math.max(...header.map((l) => l.length)) * HEAD_SIZE * LINE + 2 * PAD + 4;

  // Table pages are written as raw content streams, compressed page by page: pdf-lib's
  // operator objects for a 10,000-row register would hold hundreds of MB until save().
  const aligns = sheet.columns.map((c) => c.align ?? 'left');
  let page: TablePage | null = null;
  let y = 0;
  const newPage = () => {
    page?.finish();
    page = new TablePage(doc, doc.addPage(PAGE), regular, bold);
    y = PAGE[1] - MARGIN.top;
    page.row(
      y,
      widths,
      header,
      headerHeight,
      'bold',
      HEAD_SIZE,
      sheet.columns.map(() => 'center' as const),
      true,
    );
    y -= headerHeight;
  };
  if (spec.heading?.length) {
    // No cover: the title lines stand above the table on the first page.
    page = new TablePage(doc, doc.addPage(PAGE), regular, bold);
    y = PAGE[1] - MARGIN.top;
    spec.heading.forEach((text, i) => {
      const size = i === 0 ? 13 : 10;
      page!.text(text, i === 0 ? 'bold' : 'regular', size, (PAGE[0] - unitWidth(i === 0 ? bold : regular, text) * size) / 2, y - size);
      y -= size * 1.6;
    });
    y -= 6;
    page.row(
      y,
      widths,
      header,
      headerHeight,
      'bold',
      HEAD_SIZE,
      sheet.columns.map(() => 'center' as const),
      true,
    );
    y -= headerHeight;
  } else newPage();
  for (const [index, row] of sheet.rows.entries()) {
    const section = spec.isSection?.(row) ?? false;
    const cells = section
      ? [
          [
            row
              .map((c) => c.text)
              .join(' ')
              .trim(),
          ],
        ]
      : row.map((cell, i) => wrap(cell.text, regular, BODY_SIZE, widths[i]! - 2 * PAD));
    const rowWidths = section ? [widths.reduce((a, b) => a + b, 0)] : widths;
    const height = Math.max(1, ...cells.map((l) => l.length)) * BODY_SIZE * LINE + 2 * PAD;
    if (y - height < MARGIN.bottom) newPage();
    page!.row(
      y,
      rowWidths,
      cells,
      height,
      section ? 'bold' : 'regular',
      BODY_SIZE,
      section ? ['left'] : aligns,
      false,
      spec.struck?.[index],
    );
    y -= height;
  }
  if (sheet.rows.length === 0) page!.text('(Không có dòng nào trong khoảng thời gian này)', 'regular', BODY_SIZE, MARGIN.left + 4, y - 14);
  for (const text of spec.closing ?? []) {
    y -= BODY_SIZE * 2;
    if (y < MARGIN.bottom) newPage();
    page!.text(text, 'regular', BODY_SIZE + 1, MARGIN.left, y);
  }
  page?.finish();

  const pages = doc.getPages();
  const first = spec.cover ? 1 : 0;
  pages.forEach((p, i) => {
    if (i < first) return;
    const label = `Trang ${i - first + 1}/${pages.length - first}`;
    p.drawText(label, { x: PAGE[0] - MARGIN.right - regular.widthOfTextAtSize(label, 8), y: 14, size: 8, font: regular });
    p.drawText(spec.footer, { x: MARGIN.left, y: 14, size: 8, font: regular, color: rgb(0.35, 0.35, 0.35) });
  });
  return doc.save();
}

function drawCover(page: PDFPage, c: CoverSpec, regular: PDFFont, bold: PDFFont): void {
  const [w, h] = PAGE;
  const center = (text: string, y: number, font: PDFFont, size: number) =>
    page.drawText(text, { x: (w - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
  const top = h - 60;
  if (c.parentName) page.drawText(c.parentName.toLocaleUpperCase('vi'), { x: 60, y: top, size: 11, font: regular });
  page.drawText(c.unitName.toLocaleUpperCase('vi'), { x: 60, y: c.parentName ? top - 16 : top, size: 11, font: bold });
  const lines = wrap(c.heading, bold, 26, w - 160);
  lines.forEach((l, i) => center(l, h / 2 + 60 + (lines.length - 1 - i) * 32, bold, 26));
  if (c.subheading) center(c.subheading, h / 2 + 20, bold, 14);
  c.lines.forEach((l, i) => center(l, h / 2 - 14 - i * 22, regular, 13));
}

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** One table page's drawing, collected as PDF operators and stored as one compressed stream. */
class TablePage {
  private readonly ops: string[] = ['q 0.5 w 0 0 0 RG 0 0 0 rg'];
  private readonly keys: Record<'regular' | 'bold', string>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly page: PDFPage,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.keys = {
      regular: page.node.newFontDictionary('TinosR', regular.ref).asString(),
      bold: page.node.newFontDictionary('TinosB', bold.ref).asString(),
    };
  }

  text(value: string, weight: 'regular' | 'bold', size: number, x: number, y: number): void {
    if (!value) return;
    const font = weight === 'bold' ? this.bold : this.regular;
    this.ops.push(`BT ${this.keys[weight]} ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(y)} Tm ${font.encodeText(value).toString()} Tj ET`);
  }

  row(
    top: number,
    widths: number[],
    cells: string[][],
    height: number,
    weight: 'regular' | 'bold',
    size: number,
    aligns: ('left' | 'center')[],
    shaded: boolean,
    struck = false,
  ): void {
    const font = weight === 'bold' ? this.bold : this.regular;
    let x = MARGIN.left;
    cells.forEach((lines, i) => {
      const width = widths[i]!;
      if (shaded) this.ops.push(`0.93 0.94 0.96 rg ${n(x)} ${n(top - height)} ${n(width)} ${n(height)} re f 0 0 0 rg`);
      this.ops.push(`${n(x)} ${n(top - height)} ${n(width)} ${n(height)} re S`);
      lines.forEach((line, k) => {
        const lineWidth = unitWidth(font, line) * size;
        const tx = aligns[i] === 'center' ? x + (width - lineWidth) / 2 : x + PAD;
        const ty = top - PAD - size - k * size * LINE + 1.5;
        this.text(line, weight, size, tx, ty);
        if (struck && line && i < cells.length - 1)
          this.ops.push(`${n(tx)} ${n(ty + size * 0.3)} m ${n(tx + lineWidth)} ${n(ty + size * 0.3)} l S`);
      });
      x += width;
    });
  }

  finish(): void {
    this.ops.push('Q');
    const stream = this.doc.context.flateStream(this.ops.join('\n'));
    this.page.node.addContentStream(this.doc.context.register(stream));
    this.ops.length = 0;
  }
}

// Measuring runs fontkit's full OpenType layout on every call; a register repeats the same
// words thousands of times, so widths are kept per font and word (at size 1).
const widthCache = new WeakMap<PDFFont, Map<string, number>>();

function unitWidth(font: PDFFont, text: string): number {
  let cache = widthCache.get(font);
  if (!cache) widthCache.set(font, (cache = new Map<string, number>()));
  let w = cache.get(text);
  if (w === undefined) {
    w = font.widthOfTextAtSize(text, 1);
    if (cache.size < 200_000) cache.set(text, w);
  }
  return w;
}

/** Words into lines of `width`; a word longer than a line is cut after a / or -, else where it must be. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  const space = unitWidth(font, ' ') * size;
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = unitWidth(font, word) * size;
      if (line && lineWidth + space + w <= width) {
        line = `${line} ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) out.push(line);
      line = word;
      lineWidth = w;
      while (lineWidth > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        // A code breaks after its slash or dash ("1234/SGDĐT-|GDTH"), never inside a symbol.
        const mark = Math.max(line.lastIndexOf('/', cut - 1), line.lastIndexOf('-', cut - 1));
        if (mark > 0) cut = mark + 1;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
        lineWidth = unitWidth(font, line) * size;
      }
    }
    out.push(line);
  }
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}
