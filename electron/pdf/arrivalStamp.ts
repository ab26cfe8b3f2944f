// The arrival stamp (dấu ĐẾN, Decree 30/2020): a 35×50 mm box on page 1 with the unit's name,
// ĐẾN, Số, Ngày, Chuyển and Số và ký hiệu HS. The original bytes are never changed: the result
// is a new file.
import {
  PDFName,
  PDFNumber,
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { AppError } from '../../shared/api/errors.js';
import { embedTinos } from './fonts.js';
import { isXfa, loadPdf, looksSigned } from './pdfFacts.js';
import { intersect, isUsableBox, layoutStamp, type Box, type Corner } from './stampGeometry.js';

export interface StampText {
  unitName: string;
  number: number;
  date: string;
  forwardTo?: string | null;
  dossier?: string | null;
}

export interface StampSettings {
  corner: Corner;
  widthMm: number;
  heightMm: number;
  marginMm: number;
}

export const DEFAULT_STAMP: StampSettings = { corner: 'top-left', widthMm: 50, heightMm: 35, marginMm: 8 };

export interface StampResult {
  bytes: Uint8Array;
  pages: number;
  /** The original carried a digital signature; the stamped copy no longer verifies. */
  signed: boolean;
  xfa: boolean;
  scale: number;
}

const INK = rgb(0.72, 0.07, 0.07);

export async function stampArrival(original: Uint8Array, text: StampText, settings: StampSettings = DEFAULT_STAMP): Promise<StampResult> {
  const doc = await loadPdf(original);
  const page = doc.getPage(0);
  const visible = visibleArea(page);
  const fonts = await embedTinos(doc);
  const userUnit = page.node.lookupMaybe(PDFName.of('UserUnit'), PDFNumber)?.asNumber() ?? 1;
  const layout = layoutStamp({ visible, rotation: page.getRotation().angle, userUnit, ...settings });

  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...layout.matrix));
  drawStamp(page, layout.box, text, fonts);
  page.pushOperators(popGraphicsState());

  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes, pages: doc.getPageCount(), signed: looksSigned(original), xfa: isXfa(doc), scale: layout.scale };
}

function visibleArea(page: PDFPage): Box {
  const media = page.getMediaBox();
  if (!isUsableBox(media)) {
    throw new AppError(
      'PDF_BROKEN',
      'Trang đầu của tệp PDF không có kích thước hợp lệ nên không đặt được dấu ĐẾN. Tệp gốc vẫn được giữ nguyên.',
    );
  }
  const crop = page.getCropBox();
  return (isUsableBox(crop) && intersect(crop, media)) || media;
}

function drawStamp(page: PDFPage, box: Box, text: StampText, fonts: { regular: PDFFont; bold: PDFFont }): void {
  const k = box.height / (35 * (72 / 25.4)); // 1 at full size
  const pad = 4 * k;
  const inner = box.width - 2 * pad;
  page.drawRectangle({ x: box.x, y: box.y, width: box.width, height: box.height, borderColor: INK, borderWidth: 1.2 * k });

  let y = box.y + box.height - pad;
  // The unit's name, upper case, up to two lines, shrunk to fit.
  const name = text.unitName.normalize('NFC').toLocaleUpperCase('vi');
  const nameLines = fitLines(name, fonts.bold, 7 * k, inner, 2);
  for (const line of nameLines.lines) {
    y -= nameLines.size * 1.15;
    const w = fonts.bold.widthOfTextAtSize(line, nameLines.size);
    page.drawText(line, { x: box.x + (box.width - w) / 2, y, size: nameLines.size, font: fonts.bold, color: INK });
  }
  y -= 3 * k;
  page.drawLine({ start: { x: box.x + pad, y }, end: { x: box.x + box.width - pad, y }, thickness: 0.5 * k, color: INK });

  // ĐẾN, with Số and Ngày beside it.
  const big = 15 * k;
  const small = 9 * k;
  y -= big * 1.15;
  page.drawText('ĐẾN', { x: box.x + pad, y: y - 2 * k, size: big, font: fonts.bold, color: INK });
  const col = box.x + pad + fonts.bold.widthOfTextAtSize('ĐẾN', big) + 6 * k;
  page.drawText(`Số: ${text.number}`, { x: col, y: y + small * 0.55, size: small, font: fonts.bold, color: INK });
  page.drawText(`Ngày: ${text.date}`, { x: col, y: y - small * 0.75, size: small, font: fonts.regular, color: INK });

  // Chuyển and Số và ký hiệu HS share what is left of the box, one row each.
  const rows = [
    ['Chuyển: ', text.forwardTo ?? ''],
    ['Số và ký hiệu HS: ', text.dossier ?? ''],
  ] as const;
  const rowHeight = (y - small * 0.75 - (box.y + pad)) / rows.length;
  rows.forEach(([label, value], i) => {
    const rowY = y - small * 0.75 - rowHeight * (i + 1) + (rowHeight - small) / 2;
    const labelW = fonts.regular.widthOfTextAtSize(label, small);
    page.drawText(label, { x: box.x + pad, y: rowY, size: small, font: fonts.regular, color: INK });
    const fitted = fitLines(value.normalize('NFC'), fonts.bold, small, inner - labelW, 1);
    const dots = '.'.repeat(Math.max(3, Math.floor((inner - labelW) / fonts.regular.widthOfTextAtSize('.', small)) - 1));
    const [shown, font, size] = fitted.lines[0] ? [fitted.lines[0], fonts.bold, fitted.size] : [dots, fonts.regular, small];
    page.drawText(shown, { x: box.x + pad + labelW, y: rowY, size, font, color: INK });
  });
}

/** Words into at most `maxLines` lines of `width`, shrinking the size down to 60% before cutting. */
function fitLines(text: string, font: PDFFont, size: number, width: number, maxLines: number): { lines: string[]; size: number } {
  if (!text) return { lines: [], size };
  for (let s = size; s >= size * 0.6; s -= size * 0.05) {
    const lines = wrap(text, font, s, width);
    if (lines.length <= maxLines) return { lines, size: s };
  }
  const s = size * 0.6;
  const lines = wrap(text, font, s, width).slice(0, maxLines);
  const last = lines[maxLines - 1] ?? '';
  let cut = last;
  while (cut && font.widthOfTextAtSize(`${cut}…`, s) > width) cut = cut.slice(0, -1);
  lines[maxLines - 1] = `${cut.trimEnd()}…`;
  return { lines, size: s };
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
