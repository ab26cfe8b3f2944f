// Where the signatures of an issued document go (Decree 30/2020, Appendix I): the leader's
// signature image centred between his title ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC") and his name
// (§II.7.d); the office's seal at its real size over about the left third of that image
// (§II.8.a); on an attachment in a separate file, the office's signature at the top right of
// page 1 with the số, ký hiệu and the signing time (§II.8.b). Display points, from the top-left.
import type { Rect, TextLine } from './stampPlace.js';
import { nameKey } from './signingRules.js';

const MM = 72 / 25.4;
/** The widest a handwritten signature is drawn, and the margin kept from a page's edge. */
const MAX_SIGNATURE_WIDTH = 60 * MM;
const MAX_SIGNATURE_HEIGHT = 25 * MM;
const EDGE = 10 * MM;

export interface SignatureBlock {
  /** The signer's name line, and the bottom of the title lines above it. */
  name: Rect;
  titleBottom: number;
}

/** The signer's name on the page (the lowest line that is his name) and his title right above it, in the same column. */
export function findSignatureBlock(lines: readonly TextLine[], signerName: string): SignatureBlock | null {
  const wanted = nameKey(signerName);
  if (!wanted) return null;
  const names = lines.filter((l) => nameKey(l.text) === wanted || nameKey(l.text).endsWith(` ${wanted}`));
  const name = names.sort((a, b) => b.y - a.y)[0];
  if (!name) return null;
  const centre = name.x + name.width / 2;
  const above = lines.filter(
    (l) => l !== name && l.y + l.height <= name.y + 1 && Math.abs(l.x + l.width / 2 - centre) < Math.max(name.width, l.width) / 2 + 20,
  );
  const title = above.sort((a, b) => b.y + b.height - (a.y + a.height))[0];
  // No title above (a bare name): leave the space a title block would, about 30 mm.
  const titleBottom = title ? title.y + title.height : Math.max(0, name.y - 30 * MM);
  return { name, titleBottom };
}

/** The leader's image centred between title and name, as large as the gap allows, its proportions kept. */
export function leaderImageRect(block: SignatureBlock, image: { width: number; height: number }): Rect {
  const gap = Math.max(10, block.name.y - block.titleBottom);
  const aspect = image.width / Math.max(1, image.height);
  let height = Math.min(gap * 0.9, MAX_SIGNATURE_HEIGHT);
  let width = height * aspect;
  if (width > MAX_SIGNATURE_WIDTH) [width, height] = [MAX_SIGNATURE_WIDTH, MAX_SIGNATURE_WIDTH / aspect];
  const centre = block.name.x + block.name.width / 2;
  return { x: centre - width / 2, y: block.titleBottom + (gap - height) / 2, width, height };
}

/** The seal at its real diameter, its right edge a third of the way into the leader's image, centred on it vertically. */
export function sealRect(leader: Rect, diameterMm: number): Rect {
  const d = Math.min(Math.max(diameterMm, 20), 60) * MM;
  return { x: leader.x + leader.width / 3 - d, y: leader.y + leader.height / 2 - d / 2, width: d, height: d };
}

/** §II.8.b: the office's signature on an attachment, top right of page 1, sized to its text. */
export function attachmentMarkRect(page: { width: number }, text: { width: number; height: number }): Rect {
  return { x: page.width - EDGE - text.width, y: EDGE, width: text.width, height: text.height };
}

/** The signing time as §II.8.b has it: ISO 8601, Vietnam's time zone (UTC+7, no summer time). */
export function vietnamIsoTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}
