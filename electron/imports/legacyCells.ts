// One cell's text into Unicode: by its font when the file says (TCVN3 .Vn…, VNI-…), else by
// how the characters read. Never strips soft hyphens first: in TCVN3 U+00AD is "ư".
import { convertLegacy, encodingOfFont, guessLegacy } from '../../shared/text/legacyVietnamese.js';
import type { TextTally } from './sheetModel.js';

export function cellText(text: string, font: string | null | undefined, tally: TextTally): string {
  const byFont = encodingOfFont(font);
  const encoding = byFont?.encoding ?? guessLegacy(text);
  if (!encoding) return text.normalize('NFC');
  tally[encoding]++;
  return convertLegacy(text, encoding, byFont?.capitals ?? false);
}
