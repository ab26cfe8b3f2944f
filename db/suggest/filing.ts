// The open dossier this document belongs in, as the office filed the documents most like it: the
// very dossier while it is open, else this year's dossier of the same catalogue line (its số và
// ký hiệu, or its title) — the catalogue repeats year after year.
import type { DossierSuggestion } from '../../shared/api/suggestions.js';
import { choose, explain } from '../../shared/domain/likeness.js';
import { foldVietnamese } from '../../shared/text/searchKey.js';
import { AppError } from '../../shared/api/errors.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { mayChangeDossier } from '../dossiers/dossiers.js';
import type { Actor } from '../handling/state.js';
import { pastLike, subjectOf } from './alike.js';

const NO_HISTORY = 'Chưa có văn bản trước giống văn bản này đã lưu vào hồ sơ đang mở — chưa có đề xuất.';

interface DossierRow {
  id: string;
  notation: string;
  title: string;
  year: number;
  status: string;
  keeper_id: string | null;
}

const lineOf = (d: Pick<DossierRow, 'notation' | 'title'>) => [foldVietnamese(d.notation), foldVietnamese(d.title).trim()];

export function suggestDossiers(store: Store, actor: Actor, documentId: string): DossierSuggestion {
  const subject = subjectOf(store, documentId);
  if (!subject) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
  const past = pastLike(store, subject, 'filed');
  const filedIn = stmt(
    store.sqlite,
    `SELECT i.document_id AS documentId, x.id, x.notation, x.title, x.year, x.status, x.keeper_id FROM dossier_items i
     JOIN dossiers x ON x.id = i.dossier_id
     WHERE i.document_id IN (SELECT value FROM json_each(?)) AND i.primary_filing = 1 AND i.deleted_at IS NULL AND x.deleted_at IS NULL`,
  ).all(JSON.stringify(past.candidates.map((c) => c.item.id))) as (DossierRow & { documentId: string })[];
  const open = (
    stmt(
      store.sqlite,
      `SELECT id, notation, title, year, status, keeper_id FROM dossiers WHERE status = 'mo' AND deleted_at IS NULL ORDER BY year DESC`,
    ).all() as DossierRow[]
  ).filter((d) => mayChangeDossier(actor, d.keeper_id));
  const already = new Set(
    (
      stmt(store.sqlite, 'SELECT dossier_id AS id FROM dossier_items WHERE document_id = ? AND deleted_at IS NULL').all(documentId) as {
        id: string;
      }[]
    ).map((r) => r.id),
  );
  const openNow = (d: DossierRow): DossierRow | undefined => {
    if (d.status === 'mo') return open.find((o) => o.id === d.id);
    const [notation, title] = lineOf(d);
    return open.find((o) => {
      const [n, t] = lineOf(o);
      return o.year > d.year && (n === notation || t === title);
    });
  };
  const dossierOf = new Map<string, DossierRow>();
  for (const f of filedIn) {
    const now = openNow(f);
    if (now && !already.has(now.id)) dossierOf.set(f.documentId, now);
  }
  const facts = { ...past.profile, agencyName: subject.agencyName, code: subject.code };
  const choices = choose(past.profile, past.candidates, past.idf, (d) => (dossierOf.has(d.id) ? [dossierOf.get(d.id)!.id] : []))
    .slice(0, 3)
    .map((c) => {
      const d = open.find((o) => o.id === c.key)!;
      return { dossierId: d.id, notation: d.notation, title: d.title, support: c.supporters, share: c.share, reason: explain(facts, c) };
    });
  return { basis: choices[0]?.support ?? 0, choices, reason: choices[0]?.reason ?? NO_HISTORY };
}
