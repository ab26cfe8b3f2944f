import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A small real PDF with `pages` pages of text. */
export async function samplePdf(pages = 2, title = 'Kế hoạch'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${title.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')} - page ${i + 1}`, { x: 72, y: 700, size: 14, font });
  }
  return doc.save();
}
