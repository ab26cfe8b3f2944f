// Danh mục tài liệu hết giá trị, proposed: the closed dossiers whose thời hạn bảo quản has ended,
// for the office's council to review (shared/domain/retention.ts). Open dossiers are still
// work; vĩnh viễn never ends; nothing here changes or deletes anything.
import type { DossierRecord } from '../../shared/api/dossiers.js';
import { keptThrough, retentionEnded } from '../../shared/domain/retention.js';
import { officeDate } from '../../shared/text/dates.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { getDossier } from './dossiers.js';

export interface EndedDossier {
  dossier: DossierRecord;
  /** The year the work ended: its newest item's date, else the year it was closed, else its own year. */
  endYear: number;
  keptThrough: number;
}

export function retentionEndedDossiers(store: Store, asOf?: string): EndedDossier[] {
  const today = asOf ?? officeDate(store.now());
  const rows = stmt(
    store.sqlite,
    `SELECT d.id, d.retention, d.year, d.closed_at,
            (SELECT max(coalesce(i.item_date, doc.issued_date)) FROM dossier_items i LEFT JOIN documents doc ON doc.id = i.document_id
              WHERE i.dossier_id = d.id AND i.deleted_at IS NULL) AS last_date
       FROM dossiers d
      WHERE d.deleted_at IS NULL AND d.status <> 'mo' AND d.retention <> 'vinh_vien'
      ORDER BY d.year, d.full_code`,
  ).all() as { id: string; retention: string; year: number; closed_at: string | null; last_date: string | null }[];
  const out: EndedDossier[] = [];
  for (const r of rows) {
    const endYear = r.last_date ? Number(r.last_date.slice(0, 4)) : r.closed_at ? Number(officeDate(r.closed_at).slice(0, 4)) : r.year;
    if (!retentionEnded(endYear, r.retention, today)) continue;
    out.push({ dossier: getDossier(store, r.id), endYear, keptThrough: keptThrough(endYear, r.retention)! });
  }
  return out;
}
