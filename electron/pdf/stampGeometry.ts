// The page as a reader sees it: the visible area is the CropBox clipped to the MediaBox, turned
// by /Rotate, measured in /UserUnit. "Display points" have their origin at the bottom-left of
// what the reader sees; the matrix takes them to the page's user space.
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Matrix = [number, number, number, number, number, number];

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

export function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** /Rotate as one of 0, 90, 180, 270 (any multiple of 90, negative too). */
export function normaliseRotation(deg: number): 0 | 90 | 180 | 270 {
  const r = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

export interface DisplaySpace {
  /** The cm matrix from display points to user space. */
  matrix: Matrix;
  width: number;
  height: number;
}

export function displaySpace(visible: Box, rotation: number, userUnit: number): DisplaySpace {
  const v = visible;
  const r = normaliseRotation(rotation);
  const u = userUnit > 0 && Number.isFinite(userUnit) ? userUnit : 1;
  const s = 1 / u;
  // Display → user space (before the UserUnit scale), per rotation.
  const base: Record<typeof r, Matrix> = {
    0: [1, 0, 0, 1, v.x, v.y],
    90: [0, 1, -1, 0, v.x + v.width, v.y],
    180: [-1, 0, 0, -1, v.x + v.width, v.y + v.height],
    270: [0, -1, 1, 0, v.x, v.y + v.height],
  };
  const [a, b, c, d, e, f] = base[r];
  const turned = r === 90 || r === 270;
  return {
    matrix: [a * s, b * s, c * s, d * s, e, f],
    width: (turned ? v.height : v.width) * u,
    height: (turned ? v.width : v.height) * u,
  };
}

/** A box in display points as the box it covers in user space. */
export function toUserSpace(m: Matrix, b: Box): Box {
  const pts = [
    [b.x, b.y],
    [b.x + b.width, b.y],
    [b.x, b.y + b.height],
    [b.x + b.width, b.y + b.height],
  ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
