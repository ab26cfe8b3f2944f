// Scans made text, offline: a page is drawn at 200 dpi (pdf.js) or decoded (an image), cleaned —
// coloured ink (the red seal, a blue signature) dropped, specks removed, black and white — and read
// by Tesseract with the Vietnamese model shipped in @tesseract.js-data/vie. Nothing is fetched:
// the model's path is the package's own and nothing is cached on disk.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createWorker, OEM, type Worker } from 'tesseract.js';

export const OCR_DPI = 200;
/** A larger picture is scaled down before reading (a 2 GB "photo" would not fit in memory). */
const MAX_OCR_PIXELS = 12_000_000;
/** Below this mean confidence the page is tried upside down too. */
const DOUBTFUL = 60;

export interface OcrWord {
  text: string;
  /** The word's box as fractions of the page (0…1 from the top-left), for showing a hit. */
  box: [number, number, number, number];
}

export interface OcrPage {
  text: string;
  words: OcrWord[];
  /** The lines as Tesseract found them, boxes as fractions of the page. */
  lines: OcrWord[];
  confidence: number;
  /** The page was read turned by 180° (a scan fed upside down). */
  turned: boolean;
}

export function vietnameseModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tesseract.js-data/vie/package.json')), '4.0.0_best_int');
}

/** One Tesseract worker, started on first use and kept for the next pages. */
export class OcrEngine {
  private worker: Promise<Worker> | null = null;

  private start(): Promise<Worker> {
    this.worker ??= createWorker('vie', OEM.LSTM_ONLY, {
      langPath: vietnameseModelDir(),
      gzip: true,
      cacheMethod: 'none',
      errorHandler: () => undefined,
    }).catch((err: unknown) => {
      this.worker = null;
      throw err;
    });
    return this.worker;
  }

  async recognize(canvas: Canvas): Promise<OcrPage> {
    const worker = await this.start();
    const first = await readCanvas(worker, canvas, false);
    if (first.confidence >= DOUBTFUL || first.text.trim().length === 0) return first;
    const upsideDown = rotate180(canvas);
    try {
      const turned = await readCanvas(worker, upsideDown, true);
      return turned.confidence > first.confidence + 10 ? turned : first;
    } finally {
      release(upsideDown);
    }
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await (await w.catch(() => null))?.terminate();
  }
}

/** The angle deskew() turned a page by, kept with the canvas it made: words go back where they stand on the scan. */
const straightenedBy = new WeakMap<Canvas, number>();

async function readCanvas(worker: Worker, canvas: Canvas, turned: boolean): Promise<OcrPage> {
  const { data } = await worker.recognize(canvas.toBuffer('image/png'), {}, { text: true, blocks: true });
  const w = canvas.width;
  const h = canvas.height;
  const words: OcrWord[] = [];
  const lines: OcrWord[] = [];
  const a = ((straightenedBy.get(canvas) ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  // A corner as read → on the page as scanned: turned back by 180° if it was, then by the skew.
  const onScan = (x: number, y: number): [number, number] => {
    const [dx, dy] = turned ? [w / 2 - x, h / 2 - y] : [x - w / 2, y - h / 2];
    return [(dx * cos - dy * sin + w / 2) / w, (dx * sin + dy * cos + h / 2) / h];
  };
  const boxOf = (b: { x0: number; y0: number; x1: number; y1: number }): OcrWord['box'] => {
    const corners = [onScan(b.x0, b.y0), onScan(b.x1, b.y0), onScan(b.x0, b.y1), onScan(b.x1, b.y1)];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        lines.push({ text: line.text.normalize('NFC').trim(), box: boxOf(line.bbox) });
        for (const word of line.words) words.push({ text: word.text.normalize('NFC'), box: boxOf(word.bbox) });
      }
    }
  }
  return { text: data.text.normalize('NFC').trim(), words, lines, confidence: data.confidence, turned };
}

function rotate180(src: Canvas): Canvas {
  const out = createCanvas(src.width, src.height);
  const ctx = out.getContext('2d');
  ctx.translate(src.width, src.height);
  ctx.rotate(Math.PI);
  ctx.drawImage(src, 0, 0);
  straightenedBy.set(out, straightenedBy.get(src) ?? 0);
  return out;
}

/** Page `pageNo` (1-based) of a PDF at 200 dpi, cleaned for reading. */
export async function pdfPageForOcr(bytes: Uint8Array, pageNo: number): Promise<Canvas> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  try {
    const page = await doc.getPage(pageNo);
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_OCR_PIXELS / (base.width * base.height)));
    const view = page.getViewport({ scale });
    const canvas = createCanvas(Math.max(1, Math.ceil(view.width)), Math.max(1, Math.ceil(view.height)));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx as never, canvas: canvas as never, viewport: view }).promise;
    page.cleanup();
    const cleaned = clean(canvas);
    if (cleaned !== canvas) release(canvas);
    return cleaned;
  } finally {
    await doc.destroy();
  }
}

/**
 * An attached picture (PNG, JPEG), cleaned for reading. It is never decoded by the native canvas
 * (a malformed PNG crashes @napi-rs/canvas's decoder, and the whole process with it): pdf-lib
 * wraps it in a one-page PDF, whose image pdf.js decodes in JavaScript. Other formats are refused.
 */
export async function imageForOcr(bytes: Uint8Array): Promise<Canvas> {
  const doc = await PDFDocument.create();
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg) throw new Error('only PNG and JPEG pictures are read');
  const image = png ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  if (!(image.width > 0 && image.height > 0)) throw new Error('a picture with no size');
  // Drawn at 72 "dpi" the page is the picture's own pixel size; pdfPageForOcr draws it at 200 dpi within its pixel cap.
  const k = 72 / OCR_DPI;
  doc.addPage([image.width * k, image.height * k]).drawImage(image, { x: 0, y: 0, width: image.width * k, height: image.height * k });
  return pdfPageForOcr(await doc.save(), 1);
}

/**
 * A page for Tesseract: straightened; a pixel's lightness is its lightest channel, so the red seal
 * over the signature and blue ink fade to white while black print stays; the paper (above Otsu's
 * threshold) turns white; a blot smaller than a diacritic's dot (dust) or a ruled line is dropped.
 */
export function clean(source: Canvas, dpi = OCR_DPI): Canvas {
  const canvas = deskew(source);
  const { width: w, height: h } = canvas;
  const ctx = canvas.getContext('2d');
  const img = ctx.getImageData(0, 0, w, h);
  const px = img.data;
  const light = new Uint8Array(w * h);
  const histogram = new Uint32Array(256);
  for (let i = 0, j = 0; j < light.length; i += 4, j++) {
    const v = Math.max(px[i]!, px[i + 1]!, px[i + 2]!);
    light[j] = v;
    histogram[v]!++;
  }
  const threshold = otsu(histogram, light.length);
  const dark = new Uint8Array(w * h);
  for (let j = 0; j < light.length; j++) dark[j] = light[j]! < threshold ? 1 : 0;
  const dropped = dropBlots(dark, w, h, {
    minArea: Math.max(2, Math.round(8 * (dpi / 200) ** 2)),
    ruleLength: dpi * 0.5,
    ruleThickness: dpi * 0.025,
  });
  // The grey levels stay (a binarised page loses the thin marks of Vietnamese diacritics); what
  // was dropped, and its soft edge, turns to paper.
  for (const j of dropped) {
    const x = j % w;
    for (let dy = -w; dy <= w; dy += w)
      for (let dx = -1; dx <= 1; dx++) {
        const k = j + dy + dx;
        if (k >= 0 && k < light.length && x + dx >= 0 && x + dx < w) light[k] = 255;
      }
  }
  const paper = Math.max(threshold, 200);
  for (let j = 0; j < light.length; j++) {
    const v = light[j]! >= paper ? 255 : light[j]!;
    px[j * 4] = v;
    px[j * 4 + 1] = v;
    px[j * 4 + 2] = v;
    px[j * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/**
 * Clears every 8-connected blot of fewer than `minArea` pixels (dust), and every thin long one (a
 * ruled line under the header, which Tesseract reads as a row of dashes and dots).
 */
function dropBlots(dark: Uint8Array, w: number, h: number, o: { minArea: number; ruleLength: number; ruleThickness: number }): number[] {
  const minArea = o.minArea;
  const dropped: number[] = [];
  const seen = new Uint8Array(dark.length);
  const stack: number[] = [];
  const blot: number[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (!dark[start] || seen[start]) continue;
    stack.push(start);
    seen[start] = 1;
    blot.length = 0;
    let [x0, y0, x1, y1] = [w, h, 0, 0];
    while (stack.length) {
      const j = stack.pop()!;
      blot.push(j);
      const x = j % w;
      const y = (j - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const k = yy * w + xx;
          if (dark[k] && !seen[k]) {
            seen[k] = 1;
            stack.push(k);
          }
        }
      }
    }
    const rule = x1 - x0 >= o.ruleLength && y1 - y0 <= o.ruleThickness;
    if (blot.length < minArea || rule) for (const j of blot) dropped.push(j);
  }
  return dropped;
}

/**
 * A scan fed a little askew is turned straight: the angle (within ±4°) at which the rows of ink
 * line up best — the sharpest horizontal projection of the dark pixels.
 */
export function deskew(canvas: Canvas): Canvas {
  const { width: w, height: h } = canvas;
  const step = Math.max(1, Math.round(Math.min(w, h) / 600));
  const data = canvas.getContext('2d').getImageData(0, 0, w, h).data;
  const points: number[] = [];
  for (let y = 0; y < h; y += step) {
    for (let x = 0; x < w; x += step) {
      const i = (y * w + x) * 4;
      if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) < 110) points.push(x, y);
    }
  }
  if (points.length < 200) return canvas;
  const score = (deg: number) => {
    const a = (deg * Math.PI) / 180;
    const [sin, cos] = [Math.sin(a), Math.cos(a)];
    const rows = new Float64Array(Math.ceil((w + h) / step) + 2);
    for (let i = 0; i < points.length; i += 2) {
      const r = Math.round((points[i + 1]! * cos - points[i]! * sin) / step + w / step);
      if (r >= 0 && r < rows.length) rows[r]!++;
    }
    let sum = 0;
    for (const n of rows) sum += n * n;
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (let deg = -4; deg <= 4.001; deg += 0.25) {
    const sc = score(deg);
    if (sc > bestScore * 1.0001) [best, bestScore] = [deg, sc];
  }
  for (let deg = best - 0.2; deg <= best + 0.2001; deg += 0.05) {
    const sc = score(deg);
    if (sc > bestScore) [best, bestScore] = [deg, sc];
  }
  if (Math.abs(best) < 0.1) return canvas;
  const out = createCanvas(w, h);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((-best * Math.PI) / 180);
  ctx.translate(-w / 2, -h / 2);
  ctx.drawImage(canvas, 0, 0);
  straightenedBy.set(out, best);
  return out;
}

function otsu(histogram: Uint32Array, total: number): number {
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * histogram[t]!;
  let sumB = 0;
  let weightB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightB += histogram[t]!;
    if (weightB === 0) continue;
    const weightF = total - weightB;
    if (weightF === 0) break;
    sumB += t * histogram[t]!;
    const meanB = sumB / weightB;
    const meanF = (sum - sumB) / weightF;
    const between = weightB * weightF * (meanB - meanF) ** 2;
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  // A blank page has no ink to separate: keep it blank.
  return Math.min(threshold, 230);
}

/** Page `page` of a stored file (a PDF, or a picture: page 1), read by OCR. */
export async function ocrFilePage(engine: OcrEngine, path: string, page: number, image: boolean): Promise<OcrPage> {
  const bytes = new Uint8Array(await readFile(path));
  const canvas = image ? await imageForOcr(bytes) : await pdfPageForOcr(bytes, page);
  try {
    return await engine.recognize(canvas);
  } finally {
    release(canvas);
  }
}

/** A canvas's pixels are native memory the garbage collector does not feel: let them go when done. */
export function release(canvas: Canvas): void {
  canvas.width = 0;
  canvas.height = 0;
}
