// Where the words of a search stand in the original text, for highlighting: the text is folded
// letter by letter (so positions map back); words match whole, the last one as a prefix.
import { foldVietnamese, searchTokens } from './searchKey.js';

export type Span = [start: number, end: number];

export function highlightSpans(text: string, query: string): Span[] {
  const tokens = searchTokens(query);
  if (tokens.length === 0 || !text) return [];
  const original = text.normalize('NFC');
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const f = foldVietnamese(original[i]!);
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      map.push(i);
    }
  }
  map.push(original.length);
  const spans: Span[] = [];
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  tokens.forEach((token, i) => {
    // Like the search itself: whole words, but the last one may be still being typed.
    const prefix = i === tokens.length - 1;
    let at = folded.indexOf(token);
    while (at !== -1) {
      const startsWord = !isWordChar(folded[at - 1]);
      const endsWord = prefix || !isWordChar(folded[at + token.length]);
      if (startsWord && endsWord) spans.push([map[at]!, map[at + token.length - 1]! + 1]);
      at = folded.indexOf(token, at + 1);
    }
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** A box as fractions of a page, from its top-left: [x0, y0, x1, y1]. */
export type PageBox = [number, number, number, number];

/**
 * Where on a page the words of a search stand: each word (or run of text) whose text the query
 * matches gives the part of its box its matching letters take.
 */
export function hitBoxes(words: { text: string; box: PageBox }[], query: string): PageBox[] {
  const out: PageBox[] = [];
  for (const w of words) {
    const length = w.text.normalize('NFC').length;
    if (!length) continue;
    const [x0, y0, x1, y1] = w.box;
    for (const [s, e] of highlightSpans(w.text, query)) out.push([x0 + ((x1 - x0) * s) / length, y0, x0 + ((x1 - x0) * e) / length, y1]);
  }
  return out;
}
