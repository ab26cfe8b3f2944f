// Lists the forms pick from: issuing organs (agencies) and document types.
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { AppError } from '../shared/api/errors.js';
import { agencyKey, foldVietnamese } from '../shared/text/searchKey.js';
import { agencies, docTypes } from './schema.js';
import { stmt } from './statements.js';
import type { Store } from './store.js';
import type { Writer } from './write.js';

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

const docTypeCache = new WeakMap<Store, { fingerprint: string; list: { id: string; code: string; name: string }[] }>();

/** The active types; kept between calls until doc_types changes (any connection's change shows in the fingerprint). */
export function listDocTypes(store: Store) {
  const f = stmt(store.sqlite, 'SELECT count(*) AS n, max(updated_at) AS at, max(hlc) AS h FROM doc_types').get() as {
    n: number;
    at: string | null;
    h: string | null;
  };
  const fingerprint = `${f.n}|${f.at}|${f.h}`;
  const cached = docTypeCache.get(store);
  if (cached?.fingerprint === fingerprint) return cached.list;
  const list = readDocTypes(store);
  docTypeCache.set(store, { fingerprint, list });
  return list;
}

function readDocTypes(store: Store) {
  return store.db
    .select({ id: docTypes.id, code: docTypes.code, name: docTypes.name })
    .from(docTypes)
    .where(and(isNull(docTypes.deletedAt), eq(docTypes.active, true)))
    .orderBy(asc(docTypes.sort), asc(docTypes.name))
    .all();
}

/**
 * The type a clerk meant: its exact abbreviation, else the same ignoring case, else the name,
 * else a folded match when only one type folds that way ("ĐA" and "DA" both fold to "da").
 */
export function resolveDocType(store: Store, typed: string): { code: string; name: string } {
  const all = listDocTypes(store);
  const t = typed.normalize('NFC').trim();
  const lower = t.toLocaleLowerCase('vi');
  const found =
    all.find((d) => d.code === t) ??
    all.find((d) => d.code.toLocaleLowerCase('vi') === lower) ??
    all.find((d) => d.name.toLocaleLowerCase('vi') === lower) ??
    uniqueFolded(all, t);
  if (!found) throw new AppError('VALIDATION', `Loại văn bản “${t}” chưa có trong danh mục.`, { field: 'type' });
  return { code: found.code, name: found.name };
}

function uniqueFolded<T extends { code: string; name: string }>(all: T[], typed: string): T | undefined {
  const f = foldVietnamese(typed);
  const hits = all.filter((d) => foldVietnamese(d.code) === f || foldVietnamese(d.name) === f);
  return hits.length === 1 ? hits[0] : undefined;
}
