// Page 1 of a file as lines with positions, for filling the registration form from it: the
// text layer where there is one, else OCR (a scan, a photographed page). Tesseract splits a
// line where the two header columns leave a wide gap, as the text layer's lines are split.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageLine } from '../../shared/domain/dispatchReader.js';
import { groupLines, itemBox, type TextItemLike, type Viewport } from '../pdf/pageMap.js';
import { imageForOcr, pdfPageForOcr, release, type OcrEngine } from './ocr.js';

export interface FirstPage {
  lines: PageLine[];
  page: { width: number; height: number };
  pages: number;
  source: 'text' | 'ocr';
}

const LETTERS = /[\p{L}\p{N}]/gu;

/** Lines a page's text layer gave carry a dispatch's words (else it is a scan, read by OCR). */
export function hasTextLayer(lines: readonly { text: string }[]): boolean {
  return (
    (lines
      .map((l) => l.text)
      .join('')
      .match(LETTERS)?.length ?? 0) >= 40
  );
}

/** pdf.js takes over the buffer: pass a copy. */
export async function readFirstPage(bytes: Uint8Array, kind: 'pdf' | 'image', engine: OcrEngine): Promise<FirstPage> {
  if (kind === 'image') {
    const canvas = await imageForOcr(bytes);
    // A photographed page: its size in points as if it were A4 wide.
    const page = { width: 595.28, height: (595.28 * canvas.height) / canvas.width };
    return { ...(await ocrLines(engine, canvas, page)), page, pages: 1 };
  }
  const copy = bytes.slice();
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  let pages: number;
  let page: { width: number; height: number };
  let lines: PageLine[];
  try {
    pages = doc.numPages;
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1 }) as Viewport;
    page = { width: viewport.width, height: viewport.height };
    const content = await first.getTextContent();
    const items = (content.items as TextItemLike[]).filter((i) => 'str' in i && i.str.trim());
    lines = groupLines(items.map((i) => itemBox(i, viewport)));
  } finally {
    await doc.destroy();
  }
  if (
    (lines
      .map((l) => l.text)
      .join('')
      .match(LETTERS)?.length ?? 0) >= 40
  )
    return { lines, page, pages, source: 'text' };
  return { ...(await ocrLines(engine, await pdfPageForOcr(copy, 1), page)), page, pages };
}

async function ocrLines(engine: OcrEngine, canvas: Parameters<OcrEngine['recognize']>[0], page: { width: number; height: number }) {
  let read;
  try {
    read = await engine.recognize(canvas);
  } finally {
    release(canvas);
  }
  const words = read.words.map((w) => ({
    text: w.text,
    x: w.box[0] * page.width,
    y: w.box[1] * page.height,
    width: (w.box[2] - w.box[0]) * page.width,
    height: (w.box[3] - w.box[1]) * page.height,
  }));
  return { lines: groupLines(words, 0.9), source: 'ocr' as const };
}
