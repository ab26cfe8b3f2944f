// The mark on a copy printed or downloaded from VănThư (Decree 30/2020, Appendix VI, 6k): one
// discreet line in the bottom margin of every page, "Bản in/tải từ VănThư — <họ tên> — <thời
// gian>", drawn on the copy only. It is an appended revision holding a printed, locked annotation
// per page — never a rewrite — so the page content and every signature of the original stay as
// they were (a checker reports an annotation added after signing), and a 10,000-page file costs
// one shared appearance and one small dictionary per page.
import { AnnotationFlags, PDFHexString, PDFName, PDFRef, PDFString, rgb } from '@cantoo/pdf-lib';
import { AppError } from '../../shared/api/errors.js';
import { formatInstant } from '../../shared/text/dates.js';
import { AppearanceInk } from './appearanceInk.js';
import { pageSpace } from './arrivalStamp.js';
import { embedTinos } from './fonts.js';
import { appendAnnotation } from './incremental.js';
import { loadPdf } from './pdfFacts.js';
import { toUserSpace } from './stampGeometry.js';

const SIZE = 6.5;
const GREY = rgb(0.42, 0.42, 0.42);
/** From the reader's bottom-left corner, in display points. */
const AT = { x: 18, y: 6 };

export interface MarkedCopy {
  bytes: Uint8Array;
  pages: number;
}

export async function markCopy(original: Uint8Array, mark: string): Promise<MarkedCopy> {
  const doc = await loadPdf(original, { incremental: true, purpose: 'mark' });
  try {
    const { regular } = await embedTinos(doc);
    const text = mark.normalize('NFC');
    const width = regular.widthOfTextAtSize(text, SIZE) + 4;
    const height = SIZE + 4;
    const ink = new AppearanceInk();
    ink.drawText(text, { x: 2, y: 3, size: SIZE, font: regular, color: GREY });
    const context = doc.context;
    // One appearance per way a page is turned (the matrix takes the upright mark into its user space).
    const appearances = new Map<string, PDFRef>();
    const contents = PDFHexString.fromText(text);
    const when = PDFString.fromDate(new Date());
    const pages = doc.getPages();
    // @cantoo/pdf-lib looks up which indirect object holds each changed dictionary by a linear scan
    // of every object (quadratic: 10,000 pages took minutes). The changed pages are known here, so
    // the snapshot is told of them once instead of on every set.
    const snapshot = context.snapshot;
    context.snapshot = undefined;
    const changed: PDFRef[] = [];
    for (const page of pages) {
      const space = pageSpace(page);
      const [a, b, c, d] = space.matrix;
      const key = `${a},${b},${c},${d}`;
      let appearance = appearances.get(key);
      if (!appearance) {
        appearance = context.register(
          context.formXObject(ink.operators, {
            BBox: [0, 0, width, height],
            Matrix: [a, b, c, d, 0, 0],
            Resources: { Font: ink.fontResources() },
          }),
        );
        appearances.set(key, appearance);
      }
      const rect = toUserSpace(space.matrix, { x: AT.x, y: AT.y, width, height });
      const annotation = context.obj({
        Type: 'Annot',
        Subtype: 'Stamp',
        Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
        F: AnnotationFlags.Print | AnnotationFlags.Locked | AnnotationFlags.LockedContents | AnnotationFlags.ReadOnly,
        AP: { N: appearance },
        P: page.ref,
        Name: PDFName.of('VanThuCopy'),
        Contents: contents,
        M: when,
      });
      const annots = page.node.get(PDFName.of('Annots'));
      appendAnnotation(page, context.register(annotation));
      changed.push(annots instanceof PDFRef ? annots : page.ref);
    }
    context.snapshot = snapshot;
    for (const ref of changed) snapshot?.markRefForSave(ref);
    // Without object streams: writing them is quadratic too, and the revision stays a plain append.
    const bytes = await doc.save({ useObjectStreams: false });
    return { bytes, pages: pages.length };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'PDF_BROKEN',
      'Không ghi được dấu “Bản in/tải từ VănThư” lên tệp PDF này: cấu trúc tệp không theo chuẩn. Tệp gốc vẫn giữ nguyên; quản trị có thể tắt dấu trên bản in, tải trong Quản trị → Cài đặt văn phòng.',
    );
  }
}

/** The words of the mark: who took the copy, and when (the office's time). */
export function copyMarkText(fullName: string, at: string): string {
  return `Bản in/tải từ VănThư — ${fullName} — ${formatInstant(at)}`;
}
