// Scans made here, as an office scanner makes them: a page drawn at 150/200/300 dpi, grey or
// colour, a little skewed, specks of dust, a red seal over the signature, JPEG-compressed, and
// wrapped in a PDF with no text layer. Nothing is downloaded.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, degrees } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ScanStyle {
  dpi: number;
  /** Degrees, ±. */
  skew?: number;
  specks?: number;
  seal?: boolean;
  grey?: boolean;
  /** 0…1 JPEG quality. */
  quality?: number;
  /** Seed for the specks. */
  seed?: number;
}

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Page 1 of `pdf` as a scanned image (JPEG bytes) and as an image-only PDF. */
export async function scanOf(pdf: Uint8Array, style: ScanStyle): Promise<{ jpeg: Buffer; pdf: Uint8Array }> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const view = page.getViewport({ scale: style.dpi / 72 });
  const w = Math.ceil(view.width);
  const h = Math.ceil(view.height);
  const flat = createCanvas(w, h);
  const fctx = flat.getContext('2d');
  fctx.fillStyle = '#ffffff';
  fctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: fctx as never, canvas: flat as never, viewport: view }).promise;
  await doc.destroy();

  const out = createCanvas(w, h);
  const ctx = out.getContext('2d');
  ctx.fillStyle = style.grey ? '#e8e8e8' : '#f6f3ea'; // paper is never white
  ctx.fillRect(0, 0, w, h);
  ctx.save();
  ctx.translate(w / 2, h / 2);
  ctx.rotate(((style.skew ?? 0) * Math.PI) / 180);
  ctx.translate(-w / 2, -h / 2);
  ctx.globalCompositeOperation = 'multiply';
  ctx.drawImage(flat, 0, 0);
  ctx.restore();
  ctx.globalCompositeOperation = 'source-over';
  if (style.seal) {
    // The organ's round red seal, over the lower right (where the signature is).
    const r = 0.19 * style.dpi;
    const cx = w * 0.68;
    const cy = h * 0.62;
    ctx.strokeStyle = 'rgba(200, 20, 30, 0.75)';
    ctx.lineWidth = 0.02 * style.dpi;
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(cx, cy, r * 0.72, 0, Math.PI * 2);
    ctx.stroke();
    ctx.fillStyle = 'rgba(200, 20, 30, 0.75)';
    ctx.font = `bold ${Math.round(0.09 * style.dpi)}px serif`;
    ctx.fillText('★', cx - 0.04 * style.dpi, cy + 0.03 * style.dpi);
  }
  const next = random(style.seed ?? 7);
  ctx.fillStyle = '#333333';
  for (let i = 0; i < (style.specks ?? 0); i++) ctx.fillRect(next() * w, next() * h, 1 + next() * 2, 1 + next() * 2);
  let jpeg = out.toBuffer('image/jpeg', Math.round((style.quality ?? 0.7) * 100));
  if (style.grey) {
    const g = createCanvas(w, h);
    const gctx = g.getContext('2d');
    gctx.filter = 'grayscale(1)';
    gctx.drawImage(out, 0, 0);
    jpeg = g.toBuffer('image/jpeg', Math.round((style.quality ?? 0.7) * 100));
    release(g);
  }
  release(flat);
  release(out);
  const scan = await PDFDocument.create();
  const image = await scan.embedJpg(jpeg);
  const size: [number, number] = [(w * 72) / style.dpi, (h * 72) / style.dpi];
  scan.addPage(size).drawImage(image, { x: 0, y: 0, width: size[0], height: size[1] });
  return { jpeg, pdf: await scan.save() };
}

/** Frees a canvas's native pixels now (the bench's peak memory is the app's, not its generator's). */
function release(c: { width: number; height: number }): void {
  c.width = 0;
  c.height = 0;
}

/** Character error rate: edits to turn `got` into `want`, over the length of `want` (spaces folded). */
export function cer(want: string, got: string): number {
  const a = [...want.normalize('NFC').replace(/\s+/g, ' ').trim()];
  const b = [...got.normalize('NFC').replace(/\s+/g, ' ').trim()];
  if (a.length === 0) return b.length ? 1 : 0;
  let prev = new Uint32Array(b.length + 1).map((_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Uint32Array(b.length + 1);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]! / a.length;
}

/** What a reader reads off page 1: its words line by line (one baseline across both columns), as Tesseract orders them. */
export async function readingOrder(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  await doc.destroy();
  const items = content.items
    .filter((i): i is typeof i & { str: string; transform: number[] } => 'str' in i && i.str.trim() !== '')
    .map((i) => ({ s: i.str, x: i.transform[4]!, y: i.transform[5]! }))
    .sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: { y: number; parts: { s: string; x: number }[] }[] = [];
  for (const it of items) {
    const line = lines.find((l) => Math.abs(l.y - it.y) < 3);
    if (line) line.parts.push(it);
    else lines.push({ y: it.y, parts: [it] });
  }
  return lines
    .map((l) =>
      l.parts
        .sort((p, q) => p.x - q.x)
        .map((p) => p.s)
        .join(' '),
    )
    .join('\n');
}

/** An image-only PDF of `pages` pages, each the given scan (JPEG) — turned 180° when `upsideDown`. */
export async function scannedPages(jpeg: Buffer, pages: number, opts: { upsideDown?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  const size: [number, number] = [595.28, (595.28 * image.height) / image.width];
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage(size);
    if (opts.upsideDown) page.drawImage(image, { x: size[0], y: size[1], width: size[0], height: size[1], rotate: degrees(180) });
    else page.drawImage(image, { x: 0, y: 0, width: size[0], height: size[1] });
  }
  return doc.save();
}

/** A photograph-like picture: colour gradients and blobs, no writing. */
export function photoPng(): Buffer {
  const c = createCanvas(900, 600);
  const ctx = c.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 900, 600);
  g.addColorStop(0, '#6a9fd8');
  g.addColorStop(1, '#2f6b3a');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 900, 600);
  const next = random(11);
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `rgba(${Math.round(next() * 255)}, ${Math.round(next() * 200)}, ${Math.round(next() * 120)}, 0.6)`;
    ctx.beginPath();
    ctx.arc(next() * 900, next() * 600, 20 + next() * 90, 0, Math.PI * 2);
    ctx.fill();
  }
  return c.toBuffer('image/png');
}
