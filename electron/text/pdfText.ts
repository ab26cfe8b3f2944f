// The text layer of a PDF as pdf.js reads it, page by page. A page "has text" when it carries a
// few letters; a PDF with none is a scan. Encrypted and damaged files are 'failed', not errors.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FileText } from '../../db/attachments/fileTexts.js';

const LETTERS = /[\p{L}\p{N}]/gu;

/** pdf.js takes over (detaches) the buffer it is given: pass bytes you no longer need. */
export async function readPdfText(bytes: Uint8Array, maxChars: number): Promise<FileText> {
  let doc;
  try {
    doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
  } catch (err) {
    const encrypted = (err as { name?: string } | null)?.name === 'PasswordException';
    return { status: encrypted ? 'encrypted' : 'failed', pages: null, pagesWithText: null, text: '' };
  }
  try {
    const parts: string[] = [];
    let length = 0;
    let pagesWithText = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      let pageText = '';
      try {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        for (const item of content.items) {
          if (!('str' in item)) continue;
          pageText += item.str + (item.hasEOL ? '\n' : '');
        }
        page.cleanup();
      } catch {
        continue; // one broken page does not hide the others' text
      }
      pageText = pageText.replace(/[ \t]+/g, ' ').trim();
      if ((pageText.match(LETTERS)?.length ?? 0) >= 3) pagesWithText++;
      if (length < maxChars && pageText) {
        parts.push(pageText);
        length += pageText.length + 2;
      }
    }
    const text = parts.join('\n\n').normalize('NFC').slice(0, maxChars);
    return { status: pagesWithText > 0 ? 'text' : 'no_text', pages: doc.numPages, pagesWithText, text };
  } finally {
    await doc.destroy();
  }
}
