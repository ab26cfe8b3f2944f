// Where dấu ĐẾN goes on page 1 (DOMAIN.md, arrival stamp): in the blank space under the số/ký
// hiệu, under the trích yếu of a công văn, or under the date line — never over text or drawn
// content if it can be helped. Pure geometry on a map of the page as the reader sees it
// (display points, origin top-left, y down), so the backend and the renderer's preview agree.

export const MM = 72 / 25.4;
/** The stamp's size at scale 1 (Decree 30: 35×50 mm). */
export const STAMP_WIDTH = 50 * MM;
export const STAMP_HEIGHT = 35 * MM;
/** Below this the smallest line (the unit's name, 7 pt at full size) is under 5 pt: not legible. */
export const MIN_STAMP_SCALE = 0.7;
const SCALES = [1, 0.9, 0.8, MIN_STAMP_SCALE];
/** Blank space kept between the stamp and the nearest ink. */
const CLEARANCE = 1.5 * MM;

export type StampRule = 'decree' | 'corner';
export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine extends Rect {
  text: string;
}

/** Page 1 as the reader sees it: its size, where there is ink (a grid of cells), its lines of text. */
export interface PageMap {
  width: number;
  height: number;
  /** A cell's side, in points. */
  cell: number;
  cols: number;
  rows: number;
  /** 1 where a cell holds ink (text, lines, images, a scan's marks), row by row from the top. */
  ink: Uint8Array;
  lines: TextLine[];
}

export type PlacementHow = 'below-subject' | 'below-number' | 'below-date' | 'blank' | 'emptiest' | 'extended' | 'unread' | 'chosen';

export interface Placement extends Rect {
  scale: number;
  how: PlacementHow;
  /** Points added below the page (in display terms) when the page cannot hold a legible stamp. */
  extendBy: number;
}

/** What the history and the preview say about the place. */
export const PLACEMENT_WORDS: Record<PlacementHow, string> = {
  'below-subject': 'dưới trích yếu',
  'below-number': 'dưới số, ký hiệu',
  'below-date': 'dưới dòng ngày tháng',
  blank: 'chỗ trống trên trang đầu',
  emptiest: 'chỗ ít chữ nhất (trang không còn chỗ trống đủ lớn), nền trắng che phần bên dưới',
  extended: 'lề thêm dưới trang (trang quá nhỏ cho dấu đọc được)',
  unread: 'góc đã chọn (không đọc được nội dung trang để tìm chỗ trống)',
  chosen: 'vị trí văn thư chọn',
};

// "Số:" as typed, and as OCR reads it ("Số;", "Sô:").
const NUMBER_LINE = /^\s*S[ốồổôo]\s*[:：;]/iu;
const SUBJECT_LINE = /^\s*V\/v\b/iu;
const DATE_LINE = /ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}/iu;

/** The margin kept from the page's edge: 8 mm, less on a small page. */
export function edgeMargin(page: { width: number; height: number }): number {
  return Math.min(8 * MM, 0.05 * Math.min(page.width, page.height));
}

/** Cells of ink under a rectangle (with the clearance around it when asked). */
export function inkUnder(map: PageMap, r: Rect, clearance = 0): number {
  const sat = summedArea(map);
  return sumCells(map, sat, cellSpan(map, r, clearance));
}

export function planStamp(
  map: PageMap | null,
  opts: { rule: StampRule; corner: Corner; page: { width: number; height: number } },
): Placement {
  const page = map ?? { ...opts.page };
  const m = edgeMargin(page);
  const fits = (s: number) => STAMP_WIDTH * s + 2 * m <= page.width + 0.01 && STAMP_HEIGHT * s + 2 * m <= page.height + 0.01;
  if (!fits(MIN_STAMP_SCALE)) return extended(page, m);
  if (!map) {
    const s = Math.min(1, (page.width - 2 * m) / STAMP_WIDTH, (page.height - 2 * m) / STAMP_HEIGHT);
    return { ...atCorner(page, opts.corner, STAMP_WIDTH * s, STAMP_HEIGHT * s, m), scale: s, how: 'unread', extendBy: 0 };
  }
  const sat = summedArea(map);
  const anchors = opts.rule === 'decree' ? findAnchors(map) : [];
  for (const s of SCALES) {
    if (!fits(s)) continue;
    const w = STAMP_WIDTH * s;
    const h = STAMP_HEIGHT * s;
    for (const anchor of anchors) {
      const r = belowAnchor(map, sat, anchor.line, w, h, m);
      if (r) return { ...r, scale: s, how: anchor.how, extendBy: 0 };
    }
    const r = blankNear(map, sat, opts.corner, w, h, m);
    if (r) return { ...r, scale: s, how: 'blank', extendBy: 0 };
  }
  const w = STAMP_WIDTH * MIN_STAMP_SCALE;
  const h = STAMP_HEIGHT * MIN_STAMP_SCALE;
  return { ...emptiest(map, sat, opts.corner, w, h, m), scale: MIN_STAMP_SCALE, how: 'emptiest', extendBy: 0 };
}

function extended(page: { width: number; height: number }, m: number): Placement {
  const s = Math.min(1, Math.max(MIN_STAMP_SCALE, (page.width - 2 * m) / STAMP_WIDTH));
  const w = STAMP_WIDTH * s;
  const h = STAMP_HEIGHT * s;
  const margin = 3 * MM;
  return { x: margin, y: page.height + margin, width: w, height: h, scale: s, how: 'extended', extendBy: h + 2 * margin };
}

function atCorner(page: { width: number; height: number }, corner: Corner, w: number, h: number, m: number): Rect {
  return {
    x: corner.endsWith('left') ? m : page.width - m - w,
    y: corner.startsWith('top') ? m : page.height - m - h,
    width: w,
    height: h,
  };
}

interface Anchor {
  how: PlacementHow;
  line: Rect;
}

/** The lines the decree's practice places the stamp under, in that order, from the top half of the page. */
export function findAnchors(map: PageMap): Anchor[] {
  const top = map.lines.filter((l) => l.y + l.height <= map.height * 0.55);
  const found: Anchor[] = [];
  const subject = top.find((l) => SUBJECT_LINE.test(l.text));
  if (subject) found.push({ how: 'below-subject', line: blockBelow(top, subject) });
  const number = top.find((l) => NUMBER_LINE.test(l.text));
  if (number) found.push({ how: 'below-number', line: number });
  const date = top.find((l) => DATE_LINE.test(l.text));
  if (date) found.push({ how: 'below-date', line: date });
  return found;
}

/** A trích yếu runs on over the lines right under "V/v" in the same column. */
function blockBelow(lines: TextLine[], first: TextLine): Rect {
  const block = { ...first };
  for (;;) {
    const bottom = block.y + block.height;
    const next = lines.find(
      (l) =>
        l.y > bottom - l.height * 0.3 &&
        l.y - bottom < l.height * 0.8 &&
        l.x < block.x + block.width &&
        l.x + l.width > block.x &&
        Math.abs(l.x + l.width / 2 - (block.x + block.width / 2)) < block.width,
    );
    if (!next) return block;
    const right = Math.max(block.x + block.width, next.x + next.width);
    block.x = Math.min(block.x, next.x);
    block.width = right - block.x;
    block.height = next.y + next.height - block.y;
  }
}

type Span = { c0: number; r0: number; c1: number; r1: number };

function cellSpan(map: PageMap, r: Rect, clearance: number): Span {
  return {
    c0: clamp(Math.floor((r.x - clearance) / map.cell), 0, map.cols),
    r0: clamp(Math.floor((r.y - clearance) / map.cell), 0, map.rows),
    c1: clamp(Math.ceil((r.x + r.width + clearance) / map.cell), 0, map.cols),
    r1: clamp(Math.ceil((r.y + r.height + clearance) / map.cell), 0, map.rows),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Summed-area table of the ink grid: any rectangle's ink in four lookups. */
function summedArea(map: PageMap): Uint32Array {
  const w = map.cols + 1;
  const sat = new Uint32Array(w * (map.rows + 1));
  for (let r = 0; r < map.rows; r++) {
    let row = 0;
    for (let c = 0; c < map.cols; c++) {
      row += map.ink[r * map.cols + c] ? 1 : 0;
      sat[(r + 1) * w + c + 1] = sat[r * w + c + 1]! + row;
    }
  }
  return sat;
}

function sumCells(map: PageMap, sat: Uint32Array, s: Span): number {
  const w = map.cols + 1;
  return sat[s.r1 * w + s.c1]! - sat[s.r0 * w + s.c1]! - sat[s.r1 * w + s.c0]! + sat[s.r0 * w + s.c0]!;
}

function isBlank(map: PageMap, sat: Uint32Array, r: Rect): boolean {
  return sumCells(map, sat, cellSpan(map, r, CLEARANCE)) === 0;
}

/** Every place of a w×h stamp on the page, a cell apart, kept off the edges. */
function* positions(map: PageMap, w: number, h: number, m: number): Generator<Rect> {
  for (let y = m; y + h <= map.height - m + 0.01; y += map.cell) {
    for (let x = m; x + w <= map.width - m + 0.01; x += map.cell) yield { x, y, width: w, height: h };
  }
}

/** The blank place nearest the anchor's foot: under it, the stamp's centre near the line's centre. */
function belowAnchor(map: PageMap, sat: Uint32Array, line: Rect, w: number, h: number, m: number): Rect | null {
  const footX = line.x + line.width / 2;
  const footY = line.y + line.height;
  let best: Rect | null = null;
  let bestDistance = Infinity;
  for (const r of positions(map, w, h, m)) {
    if (r.y < footY + CLEARANCE || r.y > footY + 45 * MM) continue;
    const dx = r.x + w / 2 - footX;
    if (Math.abs(dx) > Math.max(line.width, w)) continue;
    const distance = Math.hypot(dx, r.y - footY);
    if (distance < bestDistance && isBlank(map, sat, r)) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

function cornerDistance(map: PageMap, corner: Corner, r: Rect): number {
  const dx = corner.endsWith('left') ? r.x : map.width - r.x - r.width;
  const dy = corner.startsWith('top') ? r.y : map.height - r.y - r.height;
  return dx + dy;
}

function blankNear(map: PageMap, sat: Uint32Array, corner: Corner, w: number, h: number, m: number): Rect | null {
  let best: Rect | null = null;
  let bestDistance = Infinity;
  for (const r of positions(map, w, h, m)) {
    const d = cornerDistance(map, corner, r);
    if (d < bestDistance && isBlank(map, sat, r)) {
      best = r;
      bestDistance = d;
    }
  }
  return best;
}

function emptiest(map: PageMap, sat: Uint32Array, corner: Corner, w: number, h: number, m: number): Rect {
  let best: Rect = atCorner(map, corner, w, h, m);
  let bestInk = Infinity;
  let bestDistance = Infinity;
  for (const r of positions(map, w, h, m)) {
    const ink = sumCells(map, sat, cellSpan(map, r, 0));
    const d = cornerDistance(map, corner, r);
    if (ink < bestInk || (ink === bestInk && d < bestDistance)) {
      best = r;
      bestInk = ink;
      bestDistance = d;
    }
  }
  return best;
}

/** A clerk's own place, kept on the page (or in the added margin) and the scale within bounds. */
export function clampPlace(
  page: { width: number; height: number; extendBy?: number },
  p: { x: number; y: number; scale: number },
): Rect & { scale: number } {
  const scale = clamp(Number.isFinite(p.scale) ? p.scale : 1, MIN_STAMP_SCALE, 1);
  const w = STAMP_WIDTH * scale;
  const h = STAMP_HEIGHT * scale;
  const height = page.height + (page.extendBy ?? 0);
  return {
    x: clamp(Number.isFinite(p.x) ? p.x : 0, 0, Math.max(0, page.width - w)),
    y: clamp(Number.isFinite(p.y) ? p.y : 0, 0, Math.max(0, height - h)),
    width: w,
    height: h,
    scale,
  };
}
