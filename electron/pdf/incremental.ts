// Changing a PDF in an appended revision (a signed original, a document being signed) changes
// only what must change: pdf-lib's own addAnnot first "normalises" the page — wraps its content
// in q/Q and copies inherited resources — which a checker rightly sees as the content changed.
import { PDFArray, PDFName, type PDFPage, type PDFRef } from '@cantoo/pdf-lib';

/** The annotation put on the page's /Annots, and nothing else of the page touched. */
export function appendAnnotation(page: PDFPage, annotation: PDFRef): void {
  const key = PDFName.of('Annots');
  const annots = page.node.lookupMaybe(key, PDFArray);
  if (annots) annots.push(annotation);
  else page.node.set(key, page.doc.context.obj([annotation]));
}
