// What the office needs to know about a PDF before stamping or listing it: can it be read,
// is it encrypted, signed, an XFA form, how many pages. Every failure becomes a Vietnamese
// message; the document and its original file are never touched.
import { EncryptedPDFError, PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { AppError } from '../../shared/api/errors.js';

export interface PdfFacts {
  pages: number;
  signed: boolean;
  xfa: boolean;
}

const ascii = (s: string) => Buffer.from(s, 'latin1');
const BYTE_RANGE = ascii('/ByteRange');
const SIG_TYPE = ascii('/Type /Sig');
const SIG_TYPE_TIGHT = ascii('/Type/Sig');

/** A signature dictionary in the file (its /ByteRange is never compressed, being patched in place). */
export function looksSigned(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return b.includes(BYTE_RANGE) || b.includes(SIG_TYPE) || b.includes(SIG_TYPE_TIGHT);
}

/** What the file is opened for, in the words a refusal uses. */
const REFUSALS = {
  stamp: {
    encrypted:
      'Tệp PDF này có mật khẩu (được mã hóa) nên không đóng được dấu ĐẾN. Văn bản vẫn giữ nguyên trong sổ; hãy xin bản không mật khẩu hoặc đóng dấu trên bản giấy.',
    empty: 'Tệp PDF này không có trang nào nên không đóng được dấu ĐẾN. Tệp gốc vẫn được giữ nguyên.',
  },
  mark: {
    encrypted:
      'Tệp PDF này có mật khẩu (được mã hóa) nên không in, tải được bản có dấu “Bản in/tải từ VănThư”. Tệp gốc vẫn giữ nguyên; hãy xin bản không đặt mật khẩu.',
    empty: 'Tệp PDF này không có trang nào nên không in, tải được. Tệp gốc vẫn giữ nguyên.',
  },
  sign: {
    encrypted: 'Tệp PDF này có mật khẩu (được mã hóa) nên không ký số được. Tệp vẫn giữ nguyên; hãy dùng bản không đặt mật khẩu.',
    empty: 'Tệp PDF này không có trang nào nên không ký số được. Tệp vẫn giữ nguyên.',
  },
};

/**
 * `incremental`: what is saved is the original's bytes and then the changes (a signed original's
 * signatures stay valid). `purpose`: what a refusal says could not be done.
 */
export async function loadPdf(
  bytes: Uint8Array,
  options: { incremental?: boolean; purpose?: keyof typeof REFUSALS } = {},
): Promise<PDFDocument> {
  const refusal = REFUSALS[options.purpose ?? 'stamp'];
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: false,
      preserveXFA: true,
      forIncrementalUpdate: options.incremental ?? false,
    });
  } catch (err) {
    if (err instanceof EncryptedPDFError || /encrypt/i.test(String((err as Error)?.message))) {
      throw new AppError('PDF_ENCRYPTED', refusal.encrypted);
    }
    throw brokenPdf();
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
    if (pages > 0) doc.getPage(0).getMediaBox();
  } catch {
    throw brokenPdf();
  }
  if (pages === 0) throw new AppError('PDF_BROKEN', refusal.empty);
  return doc;
}

export function brokenPdf(): AppError {
  return new AppError(
    'PDF_BROKEN',
    'Tệp PDF bị hỏng hoặc không đúng định dạng nên không đọc được. Văn bản vẫn giữ nguyên trong sổ; hãy xin gửi lại tệp.',
  );
}

export function isXfa(doc: PDFDocument): boolean {
  const acro = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  return !!acro?.get(PDFName.of('XFA'));
}

export async function pdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await loadPdf(bytes);
  return { pages: doc.getPageCount(), signed: looksSigned(bytes), xfa: isXfa(doc) };
}
