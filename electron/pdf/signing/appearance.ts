// What a signature shows on the page (Decree 30/2020, Appendix I §II.7–8): the leader's
// handwritten signature image (blue) or the office's seal (red), each a PNG with a transparent
// background — checked here, since a white box would hide the text under a seal — drawn into the
// signature widget's appearance, never into the page.
import { degrees, drawImage, popGraphicsState, pushGraphicsState } from '@cantoo/pdf-lib';
import { decode, toRGBA8 } from '@cantoo/pdf-lib/upng';
import { AppError } from '../../../shared/api/errors.js';
import type { SignatureAppearance } from './signPdf.js';

/** Larger than any scanned signature or seal needs (a 45 mm seal at 600 dpi is ~1,070 px). */
const MAX_SIDE = 4000;

/** A signature or seal image as uploaded: a PNG, not huge, with a transparent background. */
export function checkStampImage(png: Uint8Array, what: 'chữ ký' | 'con dấu'): { width: number; height: number } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.length < 33 || b.toString('latin1', 1, 4) !== 'PNG') throw new AppError('FILE_TYPE', `Ảnh ${what} phải là tệp PNG.`);
  let image;
  try {
    image = decode(new Uint8Array(png).buffer);
  } catch {
    throw new AppError('FILE_UNREADABLE', `Ảnh ${what} bị hỏng, không đọc được.`);
  }
  if (image.width > MAX_SIDE || image.height > MAX_SIDE || image.width < 16 || image.height < 16)
    throw new AppError('VALIDATION', `Ảnh ${what} phải từ 16 đến ${MAX_SIDE} điểm ảnh mỗi chiều.`);
  const rgba = new Uint8Array(toRGBA8(image)[0]!);
  // Transparent background: the corners are see-through, as a scan cut out of white paper would not be.
  const corner = (x: number, y: number) => rgba[(y * image.width + x) * 4 + 3]!;
  const w = image.width - 1;
  const h = image.height - 1;
  if ([corner(0, 0), corner(w, 0), corner(0, h), corner(w, h)].some((a) => a > 16))
    throw new AppError(
      'VALIDATION',
      `Ảnh ${what} phải có nền trong suốt (PNG có kênh alpha), không phải nền trắng: nền trắng sẽ che chữ bên dưới.`,
    );
  return { width: image.width, height: image.height };
}

/** The image drawn to fill `rect` on page `page` (its proportions are the caller's to keep). */
export function imageAppearance(png: Uint8Array, page: number, rect: SignatureAppearance['rect']): SignatureAppearance {
  return {
    page,
    rect,
    async draw(doc) {
      const image = await doc.embedPng(png);
      const upright = { rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) };
      return {
        operators: [
          pushGraphicsState(),
          ...drawImage('Im1', { x: 0, y: 0, width: rect.width, height: rect.height, ...upright }),
          popGraphicsState(),
        ],
        resources: doc.context.obj({ XObject: { Im1: image.ref } }),
      };
    },
  };
}
