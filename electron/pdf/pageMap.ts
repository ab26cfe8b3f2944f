// Page 1 read the way a clerk looks at it, before placing dấu ĐẾN: pdf.js draws it (so lines,
// images and a scan's marks count as ink, not only the text layer) and gives its text with
// positions, both in display points (rotation, CropBox and /UserUnit applied).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageMap, TextLine } from '../../shared/domain/stampPlace.js';

export const CELL_PT = 3;
/** Pixels drawn for the map (and the preview): about 100 dpi on A4, fewer on a huge page. */
const MAX_PIXELS = 1_200_000;
const MAX_PX_PER_PT = 100 / 72;

export interface PageReading {
  map: PageMap;
  /** Page 1 as a JPEG data URL, for the clerk to move the stamp on. */
  image: string | null;
}

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

interface CanvasLike {
  width: number;
  height: number;
  toBuffer(mime: 'image/jpeg', quality?: number): Buffer;
}

interface Context2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}

/** pdf.js takes over (detaches) the buffer it is given: pass a copy you no longer need. */
export async function readPageMap(bytes: Uint8Array, opts: { image: boolean }): Promise<PageReading> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  let drawn: { width: number; height: number } | null = null;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 1 }) as Viewport;
    const width = viewport.width;
    const height = viewport.height;
    const k = Math.min(MAX_PX_PER_PT, Math.sqrt(MAX_PIXELS / (width * height)));
    const view = page.getViewport({ scale: k });
    const pw = Math.max(1, Math.ceil(view.width));
    const ph = Math.max(1, Math.ceil(view.height));
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: CanvasLike; context: Context2d } } })
      .canvasFactory;
    const { canvas, context } = factory.create(pw, ph);
    drawn = canvas;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, pw, ph);
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport: view }).promise;
    const pixels = context.getImageData(0, 0, pw, ph).data;
    const cols = Math.ceil(width / CELL_PT);
    const rows = Math.ceil(height / CELL_PT);
    const ink = inkCells(pixels, pw, ph, k, cols, rows);

    const content = await page.getTextContent();
    const boxes = (content.items as TextItemLike[]).filter((i) => 'str' in i && i.str.trim()).map((i) => itemBox(i, viewport));
    for (const b of boxes) markRect(ink, cols, rows, b);
    const image = opts.image ? `data:image/jpeg;base64,${canvas.toBuffer('image/jpeg', 82).toString('base64')}` : null;
    page.cleanup();
    return { map: { width, height, cell: CELL_PT, cols, rows, ink, lines: groupLines(boxes) }, image };
  } finally {
    // The canvas's pixels are native memory the garbage collector does not feel: let them go now.
    if (drawn) [drawn.width, drawn.height] = [0, 0];
    await doc.destroy();
  }
}

/**
 * A cell holds ink when enough of its pixels differ from the page's background (its commonest
 * colour, so a tinted form or a grey scan counts as blank where it is empty).
 */
function inkCells(px: Uint8ClampedArray, pw: number, ph: number, k: number, cols: number, rows: number): Uint8Array {
  const counts = new Map<number, number>();
  for (let i = 0; i < px.length; i += 4 * 7) {
    const key = ((px[i]! >> 4) << 8) | ((px[i + 1]! >> 4) << 4) | (px[i + 2]! >> 4);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let bg = 0xfff;
  let most = -1;
  for (const [key, n] of counts) if (n > most) [bg, most] = [key, n];
  const [br, bgG, bb] = [((bg >> 8) & 15) * 16 + 8, ((bg >> 4) & 15) * 16 + 8, (bg & 15) * 16 + 8];
  const perCell = new Uint16Array(cols * rows);
  const cellPx = CELL_PT * k;
  for (let y = 0; y < ph; y++) {
    const r = Math.min(rows - 1, Math.floor(y / cellPx));
    for (let x = 0; x < pw; x++) {
      const i = (y * pw + x) * 4;
      const d = Math.max(Math.abs(px[i]! - br), Math.abs(px[i + 1]! - bgG), Math.abs(px[i + 2]! - bb));
      if (d > 48) perCell[r * cols + Math.min(cols - 1, Math.floor(x / cellPx))]!++;
    }
  }
  // Two pixels of a cell of ~17: a hairline crosses it; a lone speck of a scan does not count.
  const needed = Math.max(2, Math.round(cellPx * cellPx * 0.06));
  const marked = new Uint8Array(cols * rows);
  for (let i = 0; i < marked.length; i++) marked[i] = perCell[i]! >= needed ? 1 : 0;
  // A cell of ink with no ink around it is a scan's speck of dust, not writing.
  const ink = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!marked[r * cols + c]) continue;
      let around = 0;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if ((dr || dc) && rr >= 0 && rr < rows && cc >= 0 && cc < cols) around += marked[rr * cols + cc]!;
        }
      ink[r * cols + c] = around > 0 || perCell[r * cols + c]! >= needed * 4 ? 1 : 0;
    }
  }
  return ink;
}

function markRect(ink: Uint8Array, cols: number, rows: number, b: { x: number; y: number; width: number; height: number }) {
  const c0 = Math.max(0, Math.floor(b.x / CELL_PT));
  const c1 = Math.min(cols, Math.ceil((b.x + b.width) / CELL_PT));
  const r0 = Math.max(0, Math.floor(b.y / CELL_PT));
  const r1 = Math.min(rows, Math.ceil((b.y + b.height) / CELL_PT));
  for (let r = r0; r < r1; r++) ink.fill(1, r * cols + c0, r * cols + Math.max(c0, c1));
}

/** A text item's box in display points: its baseline run, its height above and a descent below. */
export function itemBox(item: TextItemLike, viewport: Viewport): TextLine {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  const h = item.height || up;
  const [ux, uy] = [c / up, d / up];
  const [bx, by] = [a / along, b / along];
  const corners = [
    [e - ux * h * 0.25, f - uy * h * 0.25],
    [e + bx * item.width - ux * h * 0.25, f + by * item.width - uy * h * 0.25],
    [e + ux * h, f + uy * h],
    [e + bx * item.width + ux * h, f + by * item.width + uy * h],
  ].map(([x, y]) => viewport.convertToViewportPoint(x!, y!));
  const xs = corners.map((p) => p[0]!);
  const ys = corners.map((p) => p[1]!);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { text: item.str, x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * Items on one baseline and close together make a line; a gap wider than `gap` × the line's
 * height splits it (the header's two columns). A text layer's runs touch or are a space apart;
 * OCR's words are a third of their height apart.
 */
export function groupLines(items: TextLine[], gap = 0.6): TextLine[] {
  // Rows by vertical centre: an item whose centre falls inside the row's band is on it (a dash,
  // a comma and a capital have very different boxes on one line).
  const sorted = [...items].sort((p, q) => p.y + p.height / 2 - (q.y + q.height / 2) || p.x - q.x);
  const rows: { top: number; bottom: number; items: TextLine[] }[] = [];
  for (const it of sorted) {
    const c = it.y + it.height / 2;
    const row = rows.find((r) => c >= r.top && c <= r.bottom);
    if (row && it.height < (row.bottom - row.top) * 2.5) {
      row.items.push(it);
      if (it.height > (row.bottom - row.top) * 0.5) {
        row.top = Math.min(row.top, it.y);
        row.bottom = Math.max(row.bottom, it.y + it.height);
      }
    } else rows.push({ top: it.y, bottom: it.y + Math.max(it.height, 1), items: [it] });
  }
  const lines: TextLine[] = [];
  for (const row of rows.sort((p, q) => p.top - q.top)) {
    const height = row.bottom - row.top;
    let line: TextLine | null = null;
    for (const it of row.items.sort((p, q) => p.x - q.x)) {
      if (line && it.x - (line.x + line.width) < Math.max(height, 1) * gap) {
        const space: string = it.x - (line.x + line.width) > height * 0.12 ? ' ' : '';
        const right = Math.max(line.x + line.width, it.x + it.width);
        const top = Math.min(line.y, it.y);
        const bottom = Math.max(line.y + line.height, it.y + it.height);
        line = { text: line.text + space + it.text, x: line.x, y: top, width: right - line.x, height: bottom - top };
      } else {
        if (line) lines.push(line);
        line = { ...it };
      }
    }
    if (line) lines.push(line);
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').normalize('NFC') }));
}
