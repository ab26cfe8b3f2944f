// The office's past documents that may be like one, found through the search index (no model
// file): the newest that share its rarest subject words, and the newest from its organ or with
// its ký hiệu suffix; shared/domain/likeness weighs them. A secret document never teaches a
// suggestion — who handles secrets is need-to-know (Luật 29/2018) — and neither does a
// cancelled one.
import { agencyKey as keyOfAgency } from '../../shared/text/searchKey.js';
import { idfFrom, profileOf, wordsToCount, type Profile } from '../../shared/domain/likeness.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';

/** Candidates read per query, newest first (TOOLCHAIN.md: ranking every match in SQL does not scale). */
const BY_WORDS = 1200;
const BY_ORGAN = 400;
/** The rarest subject words asked of the index. */
const QUERY_WORDS = 8;

export interface PastDocument {
  id: string;
  kind: 'incoming' | 'outgoing';
  agencyName: string;
  code: string;
  receivedDate: string;
}

export interface Subject {
  id: string;
  agencyName: string;
  agencyKey: string;
  code: string;
  summary: string;
  receivedDate: string;
}

/** The document suggestions are asked for, or undefined. */
export function subjectOf(store: Store, id: string): Subject | undefined {
  return stmt(
    store.sqlite,
    'SELECT id, agency_name AS agencyName, agency_key AS agencyKey, code, summary, received_date AS receivedDate FROM documents WHERE id = ?',
  ).get(id) as Subject | undefined;
}

/** Which past documents count: routed ones (a chủ trì was named) or filed ones (in a dossier). */
export type History = 'routed' | 'filed';

const HISTORY_SQL: Record<History, string> = {
  routed: `d.kind = 'incoming' AND EXISTS (SELECT 1 FROM tasks t WHERE t.document_id = d.id AND t.role = 'chu_tri' AND t.deleted_at IS NULL)`,
  filed: `EXISTS (SELECT 1 FROM dossier_items i WHERE i.document_id = d.id AND i.primary_filing = 1 AND i.deleted_at IS NULL)`,
};

interface Row {
  id: string;
  kind: 'incoming' | 'outgoing';
  agency_name: string;
  agency_key: string;
  code: string;
  summary: string;
  received_date: string;
}

function vocabulary(store: Store): void {
  // A view of the index's own word counts, on this connection only (nothing stored, nothing synced).
  stmt(store.sqlite, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_vocab USING fts5vocab(main, documents_fts, 'row')`).run();
}

function idfOf(store: Store, words: string[]): (word: string) => number {
  vocabulary(store);
  const counts = new Map<string, number>();
  const count = stmt(store.sqlite, 'SELECT doc FROM temp.documents_vocab WHERE term = ?');
  for (const w of new Set(words)) counts.set(w, (count.get(w) as { doc: number } | undefined)?.doc ?? 0);
  const total = (stmt(store.sqlite, 'SELECT max(seq) AS n FROM documents').get() as { n: number | null }).n ?? 0;
  return idfFrom(Math.max(total, 1), counts);
}

const quote = (w: string) => `"${w.replace(/"/g, '')}"`;

export interface PastSet {
  profile: Profile;
  idf: (word: string) => number;
  candidates: { item: PastDocument; profile: Profile }[];
}

export function pastLike(store: Store, subject: Subject, history: History): PastSet {
  const profile = profileOf({
    agencyKey: subject.agencyKey || keyOfAgency(subject.agencyName),
    code: subject.code,
    summary: subject.summary,
  });
  const idf = idfOf(store, wordsToCount(profile));
  const rarest = [...new Set(profile.words)].sort((a, b) => idf(b) - idf(a)).slice(0, QUERY_WORDS);
  const where = `d.deleted_at IS NULL AND d.confidentiality = 'thuong' AND d.id != @id AND ${HISTORY_SQL[history]}`;
  const query = (match: string, limit: number) =>
    stmt(
      store.sqlite,
      `SELECT d.id, d.kind, d.agency_name, d.agency_key, d.code, d.summary, d.received_date
       FROM documents_fts f CROSS JOIN documents d ON d.seq = f.rowid
       WHERE documents_fts MATCH @match AND ${where} ORDER BY f.rowid DESC LIMIT ${limit}`,
    ).all({ match, id: subject.id }) as Row[];
  const rows = new Map<string, Row>();
  if (rarest.length) for (const r of query(rarest.map(quote).join(' OR '), BY_WORDS)) rows.set(r.id, r);
  const organ = [
    profile.agencyKey ? `"${profile.agencyKey.replace(/"/g, '')}"` : '',
    profile.suffix ? quote(profile.suffix.toLowerCase()) : '',
  ]
    .filter(Boolean)
    .join(' OR ');
  if (organ) for (const r of query(organ, BY_ORGAN)) rows.set(r.id, r);
  const candidates = [...rows.values()].map((r) => ({
    item: { id: r.id, kind: r.kind, agencyName: r.agency_name, code: r.code, receivedDate: r.received_date },
    profile: profileOf({ agencyKey: r.agency_key, code: r.code, summary: r.summary }),
  }));
  return { profile, idf, candidates };
}
