import { embedTinos } from '../../electron/pdf/fonts.js';
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';

/** A small real PDF with `pages` pages of text. */
export async function samplePdf(pages = 2, title = 'Kế hoạch'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${title.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')} - page ${i + 1}`, {
      x: 72,
      y: 700,
      size: 14,
      font,
    });
  }
  return doc.save();
}

/** A PDF whose text layer is Vietnamese (Tinos, as Word would embed Times New Roman). */
export async function vietnamesePdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular } = await embedTinos(doc);
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 20, size: 12, font: regular }));
  }
  return doc.save();
}

/** A scan: one page that is only a picture, no text layer. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(ONE_PIXEL_PNG);
  doc.addPage([595.28, 841.89]).drawImage(png, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return doc.save();
}

export const ONE_PIXEL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201f5d2d8b30000000049454e44ae426082',
  'hex',
);

/**
 * A small file that inflates to a huge page (a "decompression bomb" for a text reader): 44 KB
 * that pdf.js needs seconds per 300,000 drawing units to read.
 */
export async function slowPdf(units = 1_000_000): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  page.drawText('x', { font, size: 1 });
  const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const fontName = [...fonts.keys()][0]!.asString();
  const content = Buffer.from(`BT ${fontName} 1 Tf 1 1 Td (abc) Tj ET\n`.repeat(units));
  const packed = deflateSync(content);
  const stream = PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: packed.length }), packed);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save();
}
