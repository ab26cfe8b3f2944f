// One search over incoming and outgoing documents and the dossiers. Exact codes come first;
// then the newest matches FTS5 finds that pass the filters (a bounded set) are scored here — BM25 over the folded
// text with a bonus for the whole phrase — since ranking every match in SQL does not scale
// (TOOLCHAIN.md). User text only reaches MATCH folded and quoted.
import { performance } from 'node:perf_hooks';
import type { SearchHit } from '../../shared/api/search.js';
import { highlightSpans } from '../../shared/text/highlight.js';
import { codeKey, foldVietnamese, searchTokens } from '../../shared/text/searchKey.js';
import { fileExcerpt, fileMatches, type FileMatch } from './fileSearch.js';
import { ftsMatchExpression } from './ftsQuery.js';
import type { Store } from '../core/store.js';
import { isSecret, MASKED_SUMMARY } from '../../shared/domain/secrecy.js';
import { hiddenAmong, logSecretReads, type Reader } from '../secrets/secretAccess.js';

/** How many of the newest matches are ranked (the register is read newest first). */
const CANDIDATES = 500;
const K1 = 1.2;
const B = 0.75;

type Kind = SearchHit['kind'];

interface Candidate {
  kind: Kind;
  id: string;
  seq: number;
  title: string;
  code: string;
  subtitle: string;
  date: string | null;
  text: string;
  exactCode: boolean;
  secret: boolean;
  /** The document type's name the title starts with (masking keeps it). */
  typeName: string;
  file?: FileMatch;
}

interface DocRow {
  seq: number;
  id: string;
  kind: 'incoming' | 'outgoing';
  code: string;
  code_key: string;
  agency_name: string;
  summary: string;
  type_name: string | null;
  type_code: string;
  issued_date: string;
  year: number;
  number: number;
  signer_name: string | null;
  deleted_at: string | null;
  confidentiality: string;
}

const DOC_COLUMNS = `d.seq, d.id, d.kind, d.code, d.code_key, d.agency_name, d.summary, t.name AS type_name, d.type_code, d.issued_date, d.year, d.number, d.signer_name, d.deleted_at, d.confidentiality`;

function toCandidate(r: DocRow, exact: boolean): Candidate {
  const type = r.type_name ?? r.type_code;
  const where =
    r.kind === 'incoming' ? `Văn bản đến số ${r.number}/${r.year} — ${r.agency_name}` : `Văn bản đi — ${r.signer_name ?? r.agency_name}`;
  return {
    kind: r.kind,
    id: r.id,
    seq: r.seq,
    title: `${type}: ${r.summary}`,
    code: r.code,
    subtitle: r.deleted_at ? `${where} (đã hủy)` : where,
    date: r.issued_date,
    text: `${r.code} ${r.agency_name} ${r.summary}`,
    exactCode: exact,
    secret: isSecret(r.confidentiality),
    typeName: type,
  };
}

/**
 * Secret documents the reader may not read: found by their exact number and code they show
 * masked; found by words of their content (trích yếu, file text) they are not found at all.
 */
function withoutHiddenContent(store: Store, reader: Reader, candidates: Map<string, Candidate>): void {
  const secret = [...candidates.values()].filter((c) => c.secret).map((c) => c.id);
  for (const id of hiddenAmong(store, reader, secret)) {
    const c = candidates.get(id)!;
    if (!c.exactCode) {
      candidates.delete(id);
      continue;
    }
    const { file: _inFile, ...masked } = c;
    // No longer a read of secret content: nothing of it is shown.
    candidates.set(id, { ...masked, title: `${c.typeName}: ${MASKED_SUMMARY}`, text: c.code, secret: false });
  }
}

export interface SearchInput {
  q: string;
  kinds?: Kind[] | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bookId?: string | undefined;
  limit: number;
  cursor?: string | null | undefined;
}

type SearchFilters = Omit<SearchInput, 'limit' | 'cursor'>;

/** Documents whose số ký hiệu is the query itself (a query with a digit in it), newest first. */
function exactCodeRows(store: Store, q: string, docFilter: string, params: Record<string, unknown>): DocRow[] {
  const key = codeKey(q);
  if (!/[\d]/.test(key)) return [];
  return store.sqlite
    .prepare(
      `SELECT ${DOC_COLUMNS} FROM documents d LEFT JOIN doc_types t ON t.code = d.type_code WHERE d.code_key = @key AND ${docFilter} ORDER BY d.seq DESC LIMIT 50`,
    )
    .all({ ...params, key }) as DocRow[];
}

/** The query's words and the SQL filters every way of searching shares. */
function planSearch(input: SearchFilters) {
  const tokens = searchTokens(input.q).slice(0, 16);
  if (tokens.length === 0) return null;
  const kinds = new Set<Kind>(input.kinds?.length ? input.kinds : ['incoming', 'outgoing', 'dossier']);
  // A book is of documents: with one chosen, dossiers are not asked.
  if (input.bookId) kinds.delete('dossier');
  const docKinds = (['incoming', 'outgoing'] as const).filter((k) => kinds.has(k));
  const params = { year: input.year, from: input.from, to: input.to, bookId: input.bookId };
  const docFilter = [
    `d.kind IN (${docKinds.map((k) => `'${k}'`).join(', ')})`,
    input.year ? 'd.year = @year' : '',
    input.from ? 'd.received_date >= @from' : '',
    input.to ? 'd.received_date <= @to' : '',
    input.bookId ? 'd.book_id = @bookId' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  const dossierFilter = [
    'x.deleted_at IS NULL',
    input.year ? 'x.year = @year' : '',
    input.from ? 'substr(x.created_at, 1, 10) >= @from' : '',
    input.to ? 'substr(x.created_at, 1, 10) <= @to' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
  const match = ftsMatchExpression(input.q);
  // A last word of one or two letters ("boi d", "ke h") while typing: FTS5 would merge the
  // doclists of every word so begun (200 ms at a million documents). The words before it find
  // the candidates; the begun word is checked on each one here.
  const shortTail = tokens.length > 1 && tokens[tokens.length - 1]!.length < 3;
  const docMatch = shortTail ? ftsMatchExpression(tokens.slice(0, -1).join(' ')) : match;
  return { tokens, kinds, docKinds, params, docFilter, dossierFilter, match, docMatch, shortTail };
}

/**
 * Every match, in batches, for a result list taken out (search.export): the exact code first,
 * then the index's matches newest first (keyset on the index's rowid, so 100,000 rows never sit
 * in memory at once), then dossiers; secret content hidden as on the page. The text of attached
 * files is the results page's alone.
 */
export function* searchAll(store: Store, reader: Reader, input: SearchFilters, max: number): Generator<SearchHit[]> {
  const plan = planSearch(input);
  if (!plan) return;
  const { tokens, kinds, docKinds, params, docFilter, dossierFilter, docMatch, shortTail } = plan;
  const seen = new Set<string>();
  let left = max;
  const out = (found: Candidate[]): SearchHit[] => {
    const batch = new Map(found.filter((c) => !seen.has(c.id)).map((c) => [c.id, c] as const));
    withoutHiddenContent(store, reader, batch);
    const hits = [...batch.values()].slice(0, left).map((c) => {
      seen.add(c.id);
      return {
        kind: c.kind,
        id: c.id,
        title: c.title,
        code: c.code,
        subtitle: c.subtitle,
        date: c.date,
        score: 0,
        exactCode: c.exactCode,
        highlights: { title: [], code: [], subtitle: [] },
        inFile: null,
      } satisfies SearchHit;
    });
    left -= hits.length;
    return hits;
  };
  if (docKinds.length) {
    yield out(exactCodeRows(store, input.q, docFilter, params).map((r) => toCandidate(r, true)));
    if (docMatch) {
      const page = store.sqlite.prepare(
        `SELECT ${DOC_COLUMNS} FROM documents_fts f CROSS JOIN documents d ON d.seq = f.rowid LEFT JOIN doc_types t ON t.code = d.type_code
         WHERE documents_fts MATCH @match AND f.rowid < @before AND ${docFilter} ORDER BY f.rowid DESC LIMIT 1000`,
      );
      let before = Number.MAX_SAFE_INTEGER;
      while (left > 0) {
        const rows = page.all({ ...params, match: docMatch, before }) as DocRow[];
        if (rows.length === 0) break;
        before = rows[rows.length - 1]!.seq;
        const found = rows.map((r) => toCandidate(r, false)).filter((c) => !shortTail || matchesAll(foldVietnamese(c.text), tokens));
        yield out(found);
      }
    }
  }
  if (kinds.has('dossier') && left > 0)
    yield out(dossierRows(store, dossierFilter, params).filter((d) => matchesAll(foldVietnamese(d.text), tokens)));
}

export function search(
  store: Store,
  reader: Reader,
  input: SearchInput,
): { items: SearchHit[]; nextCursor: string | null; tookMs: number } {
  const started = performance.now();
  const plan = planSearch(input);
  if (!plan) return { items: [], nextCursor: null, tookMs: 0 };
  const { tokens, kinds, docKinds, params, docFilter, dossierFilter, match, docMatch, shortTail } = plan;
  const candidates = new Map<string, Candidate>();

  if (docKinds.length) {
    for (const r of exactCodeRows(store, input.q, docFilter, params)) candidates.set(r.id, toCandidate(r, true));
    if (docMatch) {
      // The newest matches that pass the filters, newest first: FTS5 walks its matches by rowid
      // and each is joined to its row (CROSS JOIN keeps that order; left to itself the planner
      // walked every document of the kind and probed the matches) and filtered before the
      // LIMIT, so a year's filter finds that year's documents however many newer ones match.
      const rows = store.sqlite
        .prepare(
          `SELECT ${DOC_COLUMNS} FROM documents_fts f CROSS JOIN documents d ON d.seq = f.rowid LEFT JOIN doc_types t ON t.code = d.type_code
           WHERE documents_fts MATCH @match AND ${docFilter} ORDER BY f.rowid DESC LIMIT ${CANDIDATES}`,
        )
        .all({ ...params, match: docMatch }) as DocRow[];
      for (const r of rows) {
        if (candidates.has(r.id)) continue;
        const c = toCandidate(r, false);
        if (!shortTail || matchesAll(foldVietnamese(c.text), tokens)) candidates.set(r.id, c);
      }
    }
  }
  if (kinds.has('dossier')) {
    // Only the columns a hit shows: loading whole dossiers (their items) on every keystroke was waste.
    for (const d of dossierRows(store, dossierFilter, params)) {
      if (matchesAll(foldVietnamese(d.text), tokens)) candidates.set(d.id, { ...d, exactCode: codeKey(d.code) === codeKey(input.q) });
    }
  }
  // The text of attached files: owners already found get the match added; others join.
  if (match) {
    const files = fileMatches(store, match);
    const missing = [...files.keys()].filter((id) => !candidates.has(id));
    if (missing.length && docKinds.length) {
      const rows = store.sqlite
        .prepare(
          `SELECT ${DOC_COLUMNS} FROM json_each(@ids) j CROSS JOIN documents d ON d.id = j.value LEFT JOIN doc_types t ON t.code = d.type_code WHERE ${docFilter}`,
        )
        .all({ ...params, ids: JSON.stringify(missing) }) as DocRow[];
      for (const r of rows) candidates.set(r.id, toCandidate(r, false));
    }
    if (missing.length && kinds.has('dossier')) {
      for (const d of dossierRows(store, `${dossierFilter} AND x.id IN (SELECT value FROM json_each(@ids))`, {
        ...params,
        ids: JSON.stringify(missing),
      })) {
        if (!candidates.has(d.id)) candidates.set(d.id, d);
      }
    }
    for (const [owner, file] of files) {
      const c = candidates.get(owner);
      if (c) c.file = file;
    }
  }

  withoutHiddenContent(store, reader, candidates);
  const scored = score([...candidates.values()], tokens);
  const offset = Math.max(0, Number(input.cursor ?? 0) || 0);
  const page = scored.slice(offset, offset + input.limit);
  logSecretReads(
    store,
    reader,
    page.filter(({ c }) => c.secret).map(({ c }) => c.id),
    'search.query',
  );
  return {
    items: page.map(({ c, score: s }) => ({
      kind: c.kind,
      id: c.id,
      title: c.title,
      code: c.code,
      subtitle: c.subtitle,
      date: c.date,
      score: Math.round(s * 1000) / 1000,
      exactCode: c.exactCode,
      highlights: {
        title: highlightSpans(c.title, input.q),
        code: highlightSpans(c.code, input.q),
        subtitle: highlightSpans(c.subtitle, input.q),
      },
      inFile: c.file ? { attachmentId: c.file.attachmentId, name: c.file.name, ...fileExcerpt(store, c.file.sha256, input.q) } : null,
    })),
    nextCursor: offset + input.limit < scored.length ? String(offset + input.limit) : null,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

function dossierRows(store: Store, where: string, params: Record<string, unknown>): Candidate[] {
  const rows = store.sqlite
    .prepare(
      `SELECT x.id, x.notation, x.title, x.full_code AS fullCode, u.full_name AS keeper, x.created_at AS createdAt
       FROM dossiers x LEFT JOIN users u ON u.id = x.keeper_id WHERE ${where}`,
    )
    .all(params) as { id: string; notation: string; title: string; fullCode: string; keeper: string | null; createdAt: string }[];
  return rows.map((d) => ({
    kind: 'dossier',
    id: d.id,
    seq: 0,
    title: d.title,
    code: d.notation,
    subtitle: `Hồ sơ ${d.fullCode}${d.keeper ? ` — ${d.keeper}` : ''}`,
    date: d.createdAt.slice(0, 10),
    text: `${d.notation} ${d.title}`,
    exactCode: false,
    secret: false,
    typeName: '',
  }));
}

function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function matchesAll(folded: string, tokens: string[]): boolean {
  const w = words(folded);
  return tokens.every((t, i) => (i === tokens.length - 1 ? w.some((x) => x.startsWith(t)) : w.includes(t)));
}

/** BM25 over the candidate set (document frequencies counted there), a bonus for the phrase, then the file's match. */
function score(candidates: Candidate[], tokens: string[]): { c: Candidate; score: number }[] {
  const docs = candidates.map((c) => {
    const folded = foldVietnamese(c.text);
    return { c, folded, words: words(folded) };
  });
  const n = docs.length || 1;
  const avg = docs.reduce((s, d) => s + d.words.length, 0) / n || 1;
  const last = tokens.length - 1;
  const hit = (w: string, t: string, i: number) => (i === last ? w.startsWith(t) : w === t);
  const df = tokens.map((t, i) => docs.filter((d) => d.words.some((w) => hit(w, t, i))).length);
  const phrase = tokens.join(' ');
  return docs
    .map((d) => {
      let s = 0;
      tokens.forEach((t, i) => {
        const tf = d.words.filter((w) => hit(w, t, i)).length;
        if (!tf) return;
        const idf = Math.log(1 + (n - df[i]! + 0.5) / (df[i]! + 0.5));
        s += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.words.length) / avg));
      });
      if (tokens.length > 1 && d.folded.includes(phrase)) s += 2;
      // A match in the register's own fields outranks one only inside an attached file.
      if (s > 0) s += 1;
      if (d.c.file) s += 0.9 * d.c.file.strength;
      if (d.c.exactCode) s += 100;
      return { c: d.c, score: s };
    })
    .sort((a, b) => b.score - a.score || b.c.seq - a.c.seq);
}
