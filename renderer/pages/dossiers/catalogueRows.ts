// The lines of a year's Danh mục hồ sơ as printed (PL V): a large heading, its dossiers, its small
// headings each with theirs.
import type { Catalogue } from '../../../shared/api/dossiers.js';

export type Row = {
  key: string;
  kind: 'heading' | 'entry';
  label: string;
  title: string;
  retention?: string;
  keeper?: string | null;
  entryId?: string;
  dossierId?: string | null;
  level?: number;
};

export function catalogueRows(cat: Catalogue | null): Row[] {
  const rows: Row[] = [];
  for (const large of cat?.headings.filter((h) => h.level === 1) ?? []) {
    const entries = (hid: string) =>
      (cat?.entries ?? [])
        .filter((e) => e.headingId === hid)
        .map<Row>((e) => ({
          key: e.id,
          kind: 'entry',
          label: e.code,
          title: e.title,
          retention: e.retention,
          keeper: e.keeperName,
          entryId: e.id,
          dossierId: e.dossierId,
        }));
    rows.push(
      { key: large.id, kind: 'heading', label: large.label, title: large.title.toLocaleUpperCase('vi'), level: 1 },
      ...entries(large.id),
    );
    for (const small of cat!.headings.filter((h) => h.parentId === large.id))
      rows.push({ key: small.id, kind: 'heading', label: small.label, title: small.title, level: 2 }, ...entries(small.id));
  }

  return rows;
}
