// A stamped copy is saved with pdf-lib, which keeps the original's object numbers. A file whose
// numbers run up to near 2³¹ (seen in the wild) then gets a cross-reference table poppler
// refuses to read; such a copy is saved with its objects numbered 1…n instead.
import { PDFArray, PDFDict, PDFNull, PDFRef, PDFStream, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';

/** Renumbers when the numbers are far beyond the count of objects (or the 8,388,607 of PDF's limits). */
export function renumberIfSparse(doc: PDFDocument): boolean {
  const context = doc.context;
  const objects = context.enumerateIndirectObjects();
  const largest = objects.reduce((m, [ref]) => Math.max(m, ref.objectNumber), 0);
  if (largest <= 8_388_607 && largest <= Math.max(100_000, objects.length * 4)) return false;
  const renamed = new Map<PDFRef, PDFRef>();
  objects.forEach(([ref], i) => renamed.set(ref, PDFRef.of(i + 1, 0)));
  const seen = new Set<PDFObject>();
  const remap = (o: PDFObject): PDFObject => {
    if (o instanceof PDFRef) return renamed.get(o) ?? PDFNull;
    if (seen.has(o)) return o;
    seen.add(o);
    if (o instanceof PDFStream) remap(o.dict);
    else if (o instanceof PDFDict) for (const [k, v] of o.entries()) o.set(k, remap(v));
    else if (o instanceof PDFArray) for (let i = 0; i < o.size(); i++) o.set(i, remap(o.get(i)));
    return o;
  };
  for (const [ref] of objects) context.delete(ref);
  for (const [ref, obj] of objects) context.assign(renamed.get(ref)!, remap(obj));
  context.largestObjectNumber = objects.length;
  const t = context.trailerInfo;
  const swap = (o: PDFObject | undefined) => (o ? remap(o) : o);
  t.Root = swap(t.Root);
  t.Info = swap(t.Info);
  t.Encrypt = swap(t.Encrypt);
  return true;
}
