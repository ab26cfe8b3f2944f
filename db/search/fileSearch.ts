// The text layer of attached files in search: which files match (the newest of them, ranked by
// FTS5's bm25 among themselves), whose they are, and a few words around the match to show.
import { highlightSpans } from '../../shared/text/highlight.js';
import { foldVietnamese, searchTokens } from '../../shared/text/searchKey.js';
import type { Store } from '../core/store.js';

const FILE_CANDIDATES = 500;
const EXCERPT_BEFORE = 70;
const EXCERPT_AFTER = 150;

export interface FileMatch {
  ownerId: string;
  attachmentId: string;
  name: string;
  sha256: string;
  /** 0..1 among the files found: 1 is the best bm25. */
  strength: number;
}

/** Live originals whose text matches, best per owner (a document or a dossier). */
export function fileMatches(store: Store, match: string): Map<string, FileMatch> {
  const rows = store.sqlite
    .prepare(
      `WITH hits AS (SELECT rowid, bm25(file_texts_fts) AS rank FROM file_texts_fts WHERE file_texts_fts MATCH @match ORDER BY rowid DESC LIMIT ${FILE_CANDIDATES})
       SELECT hits.rank, f.sha256, a.id AS attachmentId, a.name, a.document_id AS ownerId
       FROM hits JOIN file_texts f ON f.seq = hits.rowid
       JOIN attachments a ON a.sha256 = f.sha256 AND a.role = 'original' AND a.deleted_at IS NULL`,
    )
    .all({ match }) as { rank: number; sha256: string; attachmentId: string; name: string; ownerId: string }[];
  const out = new Map<string, FileMatch>();
  if (rows.length === 0) return out;
  // bm25() is negative, smaller is better.
  const best = Math.min(...rows.map((r) => r.rank));
  const worst = Math.max(...rows.map((r) => r.rank));
  for (const r of rows) {
    const strength = worst === best ? 1 : (worst - r.rank) / (worst - best);
    const seen = out.get(r.ownerId);
    if (!seen || strength > seen.strength)
      out.set(r.ownerId, { ownerId: r.ownerId, attachmentId: r.attachmentId, name: r.name, sha256: r.sha256, strength });
  }
  return out;
}

const CHUNK = 20_000;
const OVERLAP = 200;

/**
 * Where the query first stands in a long text: folded a chunk at a time (a 2,000-page annex is
 * half a million characters, and this runs for each hit while the user types), stopping at the
 * first chunk that holds it; in a chunk the whole phrase first, then a word whole, then a word begun.
 */
function firstMatch(text: string, tokens: string[]): number {
  if (!tokens.length) return -1;
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [tokens.map(esc).join('[^\\p{L}\\p{N}]+'), ...tokens.map((t) => `${esc(t)}(?![\\p{L}\\p{N}])`), ...tokens.map(esc)].map(
    (p) => new RegExp(`(^|[^\\p{L}\\p{N}])${p}`, 'u'),
  );
  for (let from = 0; from < text.length; from += CHUNK) {
    // One character of the chunk before, so a chunk starting inside a word does not look like a word start.
    const base = Math.max(0, from - 1);
    const chunk = text.slice(base, from + CHUNK + OVERLAP);
    // Folding NFC Vietnamese keeps one character per character, so positions carry over.
    const folded = foldVietnamese(chunk);
    if (folded.length !== chunk.length) continue;
    for (const re of patterns) {
      const m = re.exec(folded);
      if (m) return base + m.index + m[1]!.length;
    }
  }
  return -1;
}

/** The words around the first match of the query in a file's text, with the match marked. */
export function fileExcerpt(store: Store, sha256: string, query: string): { excerpt: string; highlights: [number, number][] } {
  const row = store.sqlite.prepare('SELECT text FROM file_texts WHERE sha256 = ?').get(sha256) as { text: string } | undefined;
  const text = row?.text ?? '';
  const at = firstMatch(text, searchTokens(query));
  const start = at < 0 ? 0 : Math.max(0, at - EXCERPT_BEFORE);
  let excerpt = text
    .slice(start, (at < 0 ? 0 : at) + EXCERPT_AFTER)
    .replace(/\s+/g, ' ')
    .trim();
  if (start > 0) excerpt = `…${excerpt.replace(/^\S*\s/, '')}`;
  if (start + excerpt.length < text.length) excerpt = `${excerpt.replace(/\s\S*$/, '')}…`;
  return { excerpt, highlights: highlightSpans(excerpt, query) };
}
