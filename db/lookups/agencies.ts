// The issuing organs (cơ quan ban hành) the forms pick from, and the one a typed name means.
import { and, asc, isNull, like } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { agencyKey } from '../../shared/text/searchKey.js';
import { agencies } from '../core/schema.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import type { Writer } from '../core/write.js';

export function searchAgencies(store: Store, q: string | undefined, limit = 20) {
  const key = agencyKey(q ?? '');
  const escaped = key.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = store.db
    .select({ id: agencies.id, name: agencies.name, nameKey: agencies.nameKey })
    .from(agencies)
    .where(and(isNull(agencies.deletedAt), key ? like(agencies.nameKey, `%${escaped}%`) : undefined))
    .orderBy(asc(agencies.nameKey))
    .limit(Math.max(limit, 200))
    .all();
  // Names that start with what was typed come first.
  rows.sort((a, b) => Number(!a.nameKey.startsWith(key)) - Number(!b.nameKey.startsWith(key)));
  return rows.slice(0, limit).map(({ id, name }) => ({ id, name }));
}

/** The organ with this name (compared by key), created in the list if new. */
export function agencyFor(w: Writer, name: string): { id: string; name: string; key: string } {
  const key = agencyKey(name);
  if (!key) throw new AppError('VALIDATION', 'Chưa nhập cơ quan ban hành.', { field: 'agency' });
  const found = stmt(w.store.sqlite, 'SELECT id, name, deleted_at AS deletedAt FROM agencies WHERE name_key = ?').get(key) as
    { id: string; name: string; deletedAt: string | null } | undefined;
  if (found) {
    if (found.deletedAt) w.update(agencies, found.id, { deletedAt: null });
    return { id: found.id, name: found.name, key };
  }
  const id = w.insert(agencies, { name, nameKey: key });
  return { id, name, key };
}
