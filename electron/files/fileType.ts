// What a file really is, from its bytes — never from its name. The office's attachments are
// PDFs, scans (images) and office documents; anything else is refused.
export type FileKind = 'pdf' | 'image' | 'word' | 'excel' | 'odt';

export interface FileType {
  kind: FileKind;
  mime: string;
  label: string;
}

const t = (kind: FileKind, mime: string, label: string): FileType => ({ kind, mime, label });

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * `head` is the first bytes (64 KiB is plenty), `tail` the last ones (a zip's directory, an
 * OLE file's stream names may sit there).
 */
export function detectFileType(head: Buffer, tail: Buffer = Buffer.alloc(0)): FileType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const ascii = head.subarray(0, 1024).toString('latin1');
  if (ascii.includes('%PDF-')) return t('pdf', 'application/pdf', 'PDF');
  if (starts(0xff, 0xd8, 0xff)) return t('image', 'image/jpeg', 'Ảnh JPEG');
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return t('image', 'image/png', 'Ảnh PNG');
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return t('image', 'image/tiff', 'Ảnh TIFF');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return t('image', 'image/gif', 'Ảnh GIF');
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return t('image', 'image/webp', 'Ảnh WebP');
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const names = Buffer.concat([head, tail]).toString('latin1');
    if (names.includes('mimetypeapplication/vnd.oasis.opendocument.text'))
      return t('odt', 'application/vnd.oasis.opendocument.text', 'ODT');
    if (names.includes('word/')) return t('word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word (DOCX)');
    if (names.includes('xl/')) return t('excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel (XLSX)');
    return null;
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    const all = Buffer.concat([head, tail]);
    if (all.includes(utf16('WordDocument'))) return t('word', 'application/msword', 'Word (DOC)');
    if (all.includes(utf16('Workbook')) || all.includes(utf16('Book'))) return t('excel', 'application/vnd.ms-excel', 'Excel (XLS)');
    return null;
  }
  return null;
}

/** The kind a declared MIME type names (an edXML ContentType), to hold against the bytes; null if none of ours. */
export function kindOfMime(mime: string): FileKind | null {
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/msword' || mime.includes('wordprocessingml')) return 'word';
  if (mime === 'application/vnd.ms-excel' || mime.includes('spreadsheetml')) return 'excel';
  if (mime === 'application/vnd.oasis.opendocument.text') return 'odt';
  return null;
}
