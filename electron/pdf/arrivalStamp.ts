// The arrival stamp (dấu ĐẾN, Decree 30/2020): a 35×50 mm box on page 1 with the unit's name,
// ĐẾN, Số, Ngày, Chuyển and Số và ký hiệu HS, on an opaque white ground, where the page is blank
// (shared/domain/stampPlace.ts). The original bytes are never changed: the result is a new file.
// A signed original is stamped in an appended revision, as a stamp annotation: the signed bytes,
// and so the sender's signature, stay as they were, and a checker sees that only an annotation
// came after the signature.
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFStream,
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from '@cantoo/pdf-lib';
import { AppError } from '../../shared/api/errors.js';
import {
  clampPlace,
  planStamp,
  type Corner,
  type PageMap,
  type Placement,
  type PlacementHow,
  type StampRule,
} from '../../shared/domain/stampPlace.js';
import { embedTinos } from './fonts.js';
import { addStampAnnotation } from './incremental.js';
import { AppearanceInk, type Surface } from './appearanceInk.js';
import { renumberIfSparse } from './renumber.js';
import { brokenPdf, isXfa, loadPdf, looksSigned } from './pdfFacts.js';
import { displaySpace, intersect, isUsableBox, toUserSpace, union, type Box } from './stampGeometry.js';

export interface StampText {
  unitName: string;
  number: number;
  date: string;
  forwardTo?: string | null;
  dossier?: string | null;
}

export interface StampSettings {
  rule: StampRule;
  corner: Corner;
}

export const DEFAULT_STAMP: StampSettings = { rule: 'decree', corner: 'top-left' };

export interface StampOptions extends StampSettings {
  /** Page 1 as pdf.js drew it; null when it could not be read (the stamp goes to the corner). */
  map?: PageMap | null;
  /** Where the clerk put it on the preview (display points from the top-left). */
  place?: { x: number; y: number; scale: number; how?: PlacementHow | undefined } | undefined;
}

export interface StampResult {
  bytes: Uint8Array;
  pages: number;
  /** The original carried a digital signature; the stamped copy carries it still (an appended revision). */
  signed: boolean;
  xfa: boolean;
  placement: Placement;
}

const INK = rgb(0.72, 0.07, 0.07);

export async function stampArrival(original: Uint8Array, text: StampText, options: StampOptions = DEFAULT_STAMP): Promise<StampResult> {
  const signed = looksSigned(original);
  const doc = await loadPdf(original, { incremental: signed });
  try {
    return signed ? await stampSigned(doc, original, text, options) : await stampLoaded(doc, original, text, options);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // pdf-lib met a structure it cannot write into: say so, never a 500.
    throw new AppError(
      'PDF_BROKEN',
      'Không đóng được dấu ĐẾN lên tệp PDF này: cấu trúc trang đầu của tệp không theo chuẩn. Tệp gốc vẫn giữ nguyên; hãy xin bản khác hoặc đóng dấu trên bản in.',
    );
  }
}

/** Where the stamp would go, without drawing or saving anything (the preview's proposal). */
export async function planArrival(original: Uint8Array, options: StampOptions): Promise<Placement> {
  const doc = await loadPdf(original);
  try {
    return placementOn(doc.getPage(0), options).placement;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw brokenPdf();
  }
}

/** The page as the reader sees it: display points (from the bottom-left) and the matrix to its user space. */
export function pageSpace(page: PDFPage): ReturnType<typeof displaySpace> {
  const userUnit = page.node.lookupMaybe(PDFName.of('UserUnit'), PDFNumber)?.asNumber() ?? 1;
  return displaySpace(visibleArea(page), page.getRotation().angle, userUnit);
}

/**
 * The page as the reader sees it and the stamp's place on it: the office's rule, or the clerk's own
 * place. `fixed`: the page may not grow (a signed original), so a stamp too big for it overlaps.
 */
function placementOn(
  page: PDFPage,
  options: StampOptions,
  fixed = false,
): { placement: Placement; space: ReturnType<typeof displaySpace> } {
  const space = pageSpace(page);
  const pageSize = { width: space.width, height: space.height };
  // pdf.js and pdf-lib must see the same page; if not, the map is not this page's.
  const map =
    options.map && Math.abs(options.map.width - space.width) < 2 && Math.abs(options.map.height - space.height) < 2 ? options.map : null;
  let placement = planStamp(map, { rule: options.rule, corner: options.corner, page: pageSize });
  if (options.place) {
    const p = clampPlace({ ...pageSize, extendBy: placement.extendBy }, options.place);
    placement = { ...p, how: options.place.how ?? 'chosen', extendBy: p.y + p.height > space.height ? placement.extendBy : 0 };
  }
  if (fixed && placement.extendBy > 0) placement = { ...clampPlace(pageSize, placement), how: placement.how, extendBy: 0 };
  return { placement, space };
}

async function stampLoaded(doc: PDFDocument, original: Uint8Array, text: StampText, options: StampOptions): Promise<StampResult> {
  const page = doc.getPage(0);
  repairResources(page);
  const { placement, space } = placementOn(page, options);
  const fonts = await embedTinos(doc);
  if (placement.extendBy > 0)
    extendPage(page, space.matrix, {
      x: 0,
      y: -placement.extendBy,
      width: Math.max(space.width, placement.x + placement.width + 8),
      height: space.height + placement.extendBy,
    });

  // Placement is measured from the top; the drawing from the bottom of the visible area.
  const box = { x: placement.x, y: space.height - placement.y - placement.height, width: placement.width, height: placement.height };
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...space.matrix));
  drawStamp(page, box, text, fonts);
  page.pushOperators(popGraphicsState());

  await doc.flush();
  renumberIfSparse(doc);
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes, pages: doc.getPageCount(), signed: looksSigned(original), xfa: isXfa(doc), placement };
}

/**
 * dấu ĐẾN on a signed original: an appended revision holding a stamp annotation (printed, locked)
 * whose appearance is the stamp. The page's content and every signed byte stay as they were.
 */
async function stampSigned(doc: PDFDocument, original: Uint8Array, text: StampText, options: StampOptions): Promise<StampResult> {
  const page = doc.getPage(0);
  const { placement, space } = placementOn(page, options, true);
  const fonts = await embedTinos(doc);
  const ink = new AppearanceInk();
  drawStamp(ink, { x: 0, y: 0, width: placement.width, height: placement.height }, text, fonts);
  const box = { x: placement.x, y: space.height - placement.y - placement.height, width: placement.width, height: placement.height };
  addStampAnnotation(
    page,
    space,
    box,
    { operators: ink.operators, fonts: ink.fontResources() },
    {
      name: 'VanThuDen',
      id: `vanthu-den-${text.number}`,
      title: text.unitName,
      contents: `Dấu ĐẾN số ${text.number}, ngày ${text.date}`,
    },
  );
  const bytes = await doc.save();
  // The signatures hold only while every byte they cover is where it was.
  if (bytes.length <= original.length || !Buffer.from(bytes.buffer, bytes.byteOffset, original.length).equals(original)) {
    throw new AppError('PDF_BROKEN', 'Không đóng được dấu ĐẾN mà vẫn giữ nguyên chữ ký số của tệp này. Tệp gốc vẫn giữ nguyên.');
  }
  return { bytes, pages: doc.getPageCount(), signed: true, xfa: isXfa(doc), placement };
}

/** A page whose /Resources is a stream (seen in the wild): its dictionary holds the resources. */
function repairResources(page: PDFPage): void {
  const key = PDFName.of('Resources');
  const found = page.node.context.lookup(page.node.getInheritableAttribute(key));
  if (found instanceof PDFStream) page.node.set(key, found.dict.clone(page.node.context));
  else if (found !== undefined && !(found instanceof PDFDict)) page.node.set(key, page.node.context.obj({}));
}

/** Grows the visible area (MediaBox and CropBox) to hold `display` (display points). */
function extendPage(page: PDFPage, matrix: Parameters<typeof toUserSpace>[0], display: Box): void {
  const grown = toUserSpace(matrix, display);
  const media = union(page.getMediaBox(), grown);
  page.setMediaBox(media.x, media.y, media.width, media.height);
  page.setCropBox(media.x, media.y, media.width, media.height);
  for (const name of ['TrimBox', 'BleedBox', 'ArtBox']) {
    if (page.node.lookupMaybe(PDFName.of(name), PDFArray)) page.node.delete(PDFName.of(name));
  }
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

function drawStamp(page: Surface, box: Box, text: StampText, fonts: { regular: PDFFont; bold: PDFFont }): void {
  const k = box.height / (35 * (72 / 25.4)); // 1 at full size
  const pad = 4 * k;
  const inner = box.width - 2 * pad;
  // Opaque: whatever the page has under it (the emptiest place may not be empty) stays under.
  page.drawRectangle({
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    color: rgb(1, 1, 1),
    borderColor: INK,
    borderWidth: 1.2 * k,
  });

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
