// Text as stored: NFC (TCVN 6909), no control characters, no edge spaces, well formed (no lone
// UTF-16 surrogate: PostgreSQL refuses them, and half an emoji is no character anyway).
// Line breaks and tabs survive in multi-line fields; everything else in C0/C1 is dropped.
const CONTROL = /[^\P{Cc}\t\n\r]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Without NUL and lone surrogates: what any store and any JSON can hold. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '').replaceAll('\u0000', '');
}

export function isWellFormed(text: string): boolean {
  return wellFormed(text) === text;
}

export function cleanText(text: string): string {
  return wellFormed(text).normalize('NFC').replace(CONTROL, '').trim();
}

/** A one-line field: runs of white space (line breaks included) become one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}

/** At most `max` UTF-16 units (what lengths are counted in), never cutting a character in two. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
