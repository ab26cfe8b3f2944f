// Reading a PDF back as a person would: its pages, and the text of a page as pdftotext sees it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pdftotext(bytes: Uint8Array, page = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Ink {
  width: number;
  height: number;
  /** Bounding box of the stamp's red ink on the rendered page, in pixels from the top-left. */
  box: { left: number; top: number; right: number; bottom: number } | null;
}

function renderPage1(bytes: Uint8Array, dpi: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-ppm-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', String(dpi), file], {
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Renders page 1 as the reader sees it (rotation and crop applied) and finds the stamp's red
 * ink: red pixels that the original page (when given) does not have.
 */
export function findRedInk(bytes: Uint8Array, dpi = 36, original?: Uint8Array): Ink {
  let before: Buffer | null = null;
  try {
    if (original) before = renderPage1(original, dpi);
  } catch {
    // poppler cannot read every original pdf-lib can; then all red counts as the stamp's.
  }
  return redBox(renderPage1(bytes, dpi), before);
}

function redBox(ppm: Buffer, before: Buffer | null): Ink {
  // P6 <w> <h> <max> then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  let box: Ink['box'] = null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const wasRed = before !== null && before.length === ppm.length && isRed(before, header[0].length + i);
      if (isRed(ppm, header[0].length + i) && !wasRed) {
        if (!box) box = { left: x, top: y, right: x, bottom: y };
        else {
          box.left = Math.min(box.left, x);
          box.right = Math.max(box.right, x);
          box.top = Math.min(box.top, y);
          box.bottom = Math.max(box.bottom, y);
        }
      }
    }
  }
  return { width, height, box };
}

function isRed(buf: Buffer, i: number): boolean {
  return buf[i]! > 120 && buf[i + 1]! < 90 && buf[i + 2]! < 90;
}

export interface WordBox {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every word of a page with its box, as poppler lays the page out (points, from the top-left). */
export function wordBoxes(bytes: Uint8Array, page = 1): WordBox[] {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-bbox-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return [...html.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      text: m[5]!,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's page size of page 1 (points), or null when poppler cannot open the file. */
export function popplerPageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-info-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('pdfinfo', ['-f', '1', '-l', '1', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const m = /Page\s+1 size:\s+([\d.]+) x ([\d.]+)/.exec(out) ?? /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out);
    return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftoppm draws page 1 without an error. */
export function popplerRenders(bytes: Uint8Array): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-ppm-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '20', file, join(dir, 'out')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Dark pixels that are not the stamp's red inside a box of page 1 at 72 dpi (what shows through it). */
export function darkPixelsInside(bytes: Uint8Array, b: { left: number; top: number; right: number; bottom: number }): number {
  const ppm = renderPage1(bytes, 72);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
  const width = Number(header[1]);
  let dark = 0;
  // Inside the border, off the stamp's own lettering: the stamp draws only in red.
  for (let y = b.top + 3; y < b.bottom - 3; y++) {
    for (let x = b.left + 3; x < b.right - 3; x++) {
      const i = header[0].length + (y * width + x) * 3;
      if (!isRed(ppm, i) && ppm[i]! < 110 && ppm[i + 1]! < 110 && ppm[i + 2]! < 110) dark++;
    }
  }
  return dark;
}
