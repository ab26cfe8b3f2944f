// The document types (PL III) the forms pick from, and the one a clerk's typed abbreviation means.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { foldVietnamese } from '../../shared/text/searchKey.js';
import { docTypes } from '../core/schema.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';

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
