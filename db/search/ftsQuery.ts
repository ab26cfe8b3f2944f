// User text never reaches MATCH raw: it is folded like the index, split into words, and each
// word is quoted; the last one is a prefix, so results follow the typing.
import { searchTokens } from '../../shared/text/searchKey.js';

const MAX_TOKENS = 16;
const MAX_TOKEN_LENGTH = 64;

export function ftsMatchExpression(query: string): string | null {
  const tokens = searchTokens(query)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
  if (tokens.length === 0) return null;
  return tokens.map((t, i) => (i === tokens.length - 1 ? `"${t}"*` : `"${t}"`)).join(' ');
}
