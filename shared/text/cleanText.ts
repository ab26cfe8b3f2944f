// Text as stored: NFC (TCVN 6909), no control characters, no edge spaces.
// Line breaks and tabs survive in multi-line fields; everything else in C0/C1 is dropped.
const CONTROL = /[^\P{Cc}\t\n\r]/gu;

export function cleanText(text: string): string {
  return text.normalize('NFC').replace(CONTROL, '').trim();
}

/** A one-line field: runs of white space (line breaks included) become one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}
