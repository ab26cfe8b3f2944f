// Changing a PDF in an appended revision (a signed original, a document being signed) changes
// only what must change: pdf-lib's own addAnnot first "normalises" the page — wraps its content
// in q/Q and copies inherited resources — which a checker rightly sees as the content changed.
import { AnnotationFlags, PDFArray, PDFHexString, PDFName, PDFString, type PDFOperator, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';
import { toUserSpace, type Box, type DisplaySpace } from './stampGeometry.js';

/** The annotation put on the page's /Annots, and nothing else of the page touched. */
export function appendAnnotation(page: PDFPage, annotation: PDFRef): void {
  const key = PDFName.of('Annots');
  const annots = page.node.lookupMaybe(key, PDFArray);
  if (annots) annots.push(annotation);
  else page.node.set(key, page.doc.context.obj([annotation]));
}

/**
 * A stamp annotation, printed and locked, whose appearance is `operators` drawn in `box` (display
 * points from the bottom-left of what the reader sees), turned with the page like its content.
 */
export function addStampAnnotation(
  page: PDFPage,
  space: DisplaySpace,
  box: Box,
  drawn: { operators: PDFOperator[]; fonts: Record<string, PDFRef> },
  says: { name: string; contents: string; title?: string; id?: string },
): void {
  const context = page.doc.context;
  const [a, b, c, d] = space.matrix;
  const appearance = context.register(
    context.formXObject(drawn.operators, {
      BBox: [0, 0, box.width, box.height],
      Matrix: [a, b, c, d, 0, 0],
      Resources: { Font: drawn.fonts },
    }),
  );
  const rect = toUserSpace(space.matrix, box);
  const annotation = context.obj({
    Type: 'Annot',
    Subtype: 'Stamp',
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    F: AnnotationFlags.Print | AnnotationFlags.Locked | AnnotationFlags.LockedContents,
    AP: { N: appearance },
    P: page.ref,
    Name: says.name,
    ...(says.id ? { NM: PDFString.of(says.id) } : {}),
    ...(says.title ? { T: PDFHexString.fromText(says.title.normalize('NFC')) } : {}),
    Contents: PDFHexString.fromText(says.contents),
    M: PDFString.fromDate(new Date()),
  });
  appendAnnotation(page, context.register(annotation));
}
