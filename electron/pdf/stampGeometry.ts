// Where the arrival stamp goes, in the page as a reader sees it: the visible area is the
// CropBox clipped to the MediaBox, turned by /Rotate, measured in /UserUnit. The stamp keeps
// its physical size (35×50 mm) and shrinks only when a page is too small for it.
export const MM = 72 / 25.4;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface StampLayout {
  /** The cm matrix from "display points" (origin bottom-left of what the reader sees) to user space. */
  matrix: [number, number, number, number, number, number];
  /** The stamp's box in display points. */
  box: Box;
  /** 1 at full size; below 1 when the page was too small. */
  scale: number;
}

export function isUsableBox(b: Box | null | undefined): b is Box {
  return !!b && [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width > 1 && b.height > 1;
}

export function intersect(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const top = Math.min(a.y + a.height, b.y + b.height);
  return right - x > 1 && top - y > 1 ? { x, y, width: right - x, height: top - y } : null;
}

/** /Rotate as one of 0, 90, 180, 270 (any multiple of 90, negative too). */
export function normaliseRotation(deg: number): 0 | 90 | 180 | 270 {
  const r = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

export function layoutStamp(opts: {
  visible: Box;
  rotation: number;
  userUnit: number;
  widthMm: number;
  heightMm: number;
  marginMm: number;
  corner: Corner;
}): StampLayout {
  const { visible: v } = opts;
  const r = normaliseRotation(opts.rotation);
  const u = opts.userUnit > 0 && Number.isFinite(opts.userUnit) ? opts.userUnit : 1;
  const s = 1 / u;
  // Display → user space (before the UserUnit scale), per rotation.
  const base: Record<typeof r, [number, number, number, number, number, number]> = {
    0: [1, 0, 0, 1, v.x, v.y],
    90: [0, 1, -1, 0, v.x + v.width, v.y],
    180: [-1, 0, 0, -1, v.x + v.width, v.y + v.height],
    270: [0, -1, 1, 0, v.x, v.y + v.height],
  };
  const [a, b, c, d, e, f] = base[r];
  const matrix: StampLayout['matrix'] = [a * s, b * s, c * s, d * s, e, f];

  const turned = r === 90 || r === 270;
  const displayW = (turned ? v.height : v.width) * u;
  const displayH = (turned ? v.width : v.height) * u;
  let w = opts.widthMm * MM;
  let h = opts.heightMm * MM;
  let m = Math.min(opts.marginMm * MM, 0.05 * Math.min(displayW, displayH));
  const scale = Math.min(1, (displayW - 2 * m) / w, (displayH - 2 * m) / h);
  w *= scale;
  h *= scale;
  m = Math.max(m, 0);
  const left = opts.corner.endsWith('left');
  const top = opts.corner.startsWith('top');
  const box = { x: left ? m : displayW - m - w, y: top ? displayH - m - h : m, width: w, height: h };
  return { matrix, box, scale };
}
