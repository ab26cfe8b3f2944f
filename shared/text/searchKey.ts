// The one folding rule for Vietnamese search (DESIGN.md): NFC → NFD → drop combining marks →
// đ/Đ → d/D → lower case. Used for the FTS query, agency keys and codes alike.
const COMBINING_MARKS = /\p{M}/gu;

export function foldVietnamese(text: string): string {
  return text.normalize('NFC').normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Words of a search query, folded; punctuation separates words like FTS5's unicode61 does. */
export function searchTokens(query: string): string[] {
  return foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Key of an organ's name: folded, single spaces, no edge spaces. */
export function agencyKey(name: string): string {
  return searchTokens(name).join(' ');
}

/**
 * Key of a document code (số ký hiệu): upper case, no diacritics, no spaces, every dash
 * variant as "-" and every slash variant as "/". "142 / kh–bgdđt" → "142/KH-BGDDT".
 */
export function codeKey(code: string): string {
  return foldVietnamese(code)
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_]/g, '-')
    .replace(/[\\\uFF0F\u2044\u2215]/g, '/')
    .toUpperCase();
}
