// Danh mục hồ sơ (PL V): a year's headings and planned dossiers. Codes are a running number and
// the heading's abbreviation ("01.TCCB"), numbered across the catalogue or per large heading.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Catalogue } from '../../shared/api/dossiers.js';
import { AppError } from '../../shared/api/errors.js';
import { catalogueEntries, catalogueHeadings, dossiers, users } from '../core/schema.js';
import { readSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';

const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
];

type HeadingRow = typeof catalogueHeadings.$inferSelect;
type EntryRow = typeof catalogueEntries.$inferSelect;

/** A year's catalogue: this office's (unitId null), or that of a unit it took over, kept apart. */
function headingsOf(store: Store, year: number, unitId: string | null = null): HeadingRow[] {
  return store.db
    .select()
    .from(catalogueHeadings)
    .where(
      and(
        eq(catalogueHeadings.year, year),
        unitId ? eq(catalogueHeadings.unitId, unitId) : isNull(catalogueHeadings.unitId),
        isNull(catalogueHeadings.deletedAt),
      ),
    )
    .orderBy(asc(catalogueHeadings.sort))
    .all();
}

function entriesOf(store: Store, year: number, unitId: string | null = null): EntryRow[] {
  return store.db
    .select()
    .from(catalogueEntries)
    .where(
      and(
        eq(catalogueEntries.year, year),
        unitId ? eq(catalogueEntries.unitId, unitId) : isNull(catalogueEntries.unitId),
        isNull(catalogueEntries.deletedAt),
      ),
    )
    .orderBy(asc(catalogueEntries.number))
    .all();
}

export function getCatalogue(store: Store, year: number, unitId: string | null = null): Catalogue {
  const headings = headingsOf(store, year, unitId);
  const large = headings.filter((h) => h.level === 1);
  const label = (h: HeadingRow) =>
    h.level === 1
      ? (ROMAN[large.indexOf(h)] ?? String(large.indexOf(h) + 1))
      : String(headings.filter((x) => x.parentId === h.parentId && x.level === 2).indexOf(h) + 1);
  const keeper = new Map(
    store.db
      .select({ id: users.id, name: users.fullName })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const opened = new Map(
    store.db
      .select({ id: dossiers.id, entryId: dossiers.entryId })
      .from(dossiers)
      .where(and(eq(dossiers.year, year), isNull(dossiers.deletedAt)))
      .all()
      .map((d) => [d.entryId, d.id]),
  );
  const entries = entriesOf(store, year, unitId);
  return {
    year,
    headings: headings.map((h) => ({
      id: h.id,
      level: h.level,
      parentId: h.parentId,
      label: label(h),
      title: h.title,
      abbreviation: h.abbreviation,
    })),
    entries: entries.map((e) => ({
      id: e.id,
      headingId: e.headingId,
      number: e.number,
      code: e.code,
      title: e.title,
      retention: e.retention,
      keeperId: e.keeperId,
      keeperName: e.keeperId ? (keeper.get(e.keeperId) ?? null) : null,
      notes: e.notes,
      dossierId: opened.get(e.id) ?? null,
    })),
    counts: {
      permanent: entries.filter((e) => e.retention === 'vinh_vien').length,
      limited: entries.filter((e) => e.retention !== 'vinh_vien').length,
    },
  };
}

export function saveHeading(
  store: Store,
  ctx: WriteContext,
  input: {
    id?: string | undefined;
    year: number;
    level: 1 | 2;
    parentId?: string | null | undefined;
    title: string;
    abbreviation: string | null;
  },
): Catalogue {
  mutate(store, ctx, (w) => {
    if (input.level === 2) {
      const parent = input.parentId ? headingsOf(store, input.year).find((h) => h.id === input.parentId) : undefined;
      if (!parent || parent.level !== 1)
        throw new AppError('VALIDATION', 'Đề mục nhỏ phải nằm trong một đề mục lớn của cùng năm.', { field: 'parentId' });
    }
    const fields = { title: input.title, abbreviation: input.abbreviation?.toLocaleUpperCase('vi') ?? null };
    if (input.id) w.update(catalogueHeadings, input.id, fields);
    else
      w.insert(catalogueHeadings, {
        ...fields,
        year: input.year,
        level: input.level,
        parentId: input.level === 2 ? input.parentId : null,
        sort: nextSort(store, input.year, input.level === 2 ? input.parentId! : null),
      });
  });
  return getCatalogue(store, input.year);
}

/** Headings keep the order they were made in; a small heading sorts right after its siblings. */
function nextSort(store: Store, year: number, parentId: string | null): number {
  const all = headingsOf(store, year);
  if (!parentId) return (Math.floor(Math.max(0, ...all.map((h) => h.sort)) / 1000) + 1) * 1000;
  const siblings = all.filter((h) => h.parentId === parentId || h.id === parentId);
  return Math.max(...siblings.map((h) => h.sort)) + 1;
}

function codeFor(store: Store, year: number, heading: HeadingRow, number: number): string {
  const parent = heading.parentId ? headingsOf(store, year).find((h) => h.id === heading.parentId) : null;
  const abbreviation = heading.abbreviation ?? parent?.abbreviation ?? null;
  const n = number < 10 ? `0${number}` : String(number);
  return abbreviation ? `${n}.${abbreviation}` : n;
}

function nextEntryNumber(store: Store, year: number, heading: HeadingRow): number {
  const perHeading = readSetting<string>(store, 'catalogue.numbering', 'catalogue') === 'heading';
  const large = heading.level === 1 ? heading.id : heading.parentId;
  const headings = headingsOf(store, year);
  const inScope = entriesOf(store, year).filter((e) => {
    if (!perHeading) return true;
    const h = headings.find((x) => x.id === e.headingId);
    return h && (h.id === large || h.parentId === large);
  });
  return Math.max(0, ...inScope.map((e) => e.number)) + 1;
}

export function saveEntry(
  store: Store,
  ctx: WriteContext,
  input: {
    id?: string | undefined;
    year: number;
    headingId: string;
    title: string;
    retention: string;
    keeperId?: string | null | undefined;
    notes: string | null;
  },
): Catalogue {
  mutate(store, ctx, (w) => {
    const heading = headingsOf(store, input.year).find((h) => h.id === input.headingId);
    if (!heading) throw new AppError('VALIDATION', 'Đề mục đã chọn không thuộc danh mục năm này.', { field: 'headingId' });
    const fields = { title: input.title, retention: input.retention, keeperId: input.keeperId ?? null, notes: input.notes };
    if (input.id) w.update(catalogueEntries, input.id, fields);
    else {
      const number = nextEntryNumber(store, input.year, heading);
      w.insert(catalogueEntries, {
        ...fields,
        year: input.year,
        headingId: heading.id,
        number,
        code: codeFor(store, input.year, heading, number),
      });
    }
  });
  return getCatalogue(store, input.year);
}

/** Starts a year's catalogue from another's: the same headings, codes and titles, for the new year. */
export function copyCatalogue(store: Store, ctx: WriteContext, from: number, to: number): Catalogue {
  mutate(store, ctx, (w) => {
    if (headingsOf(store, to).length > 0) throw new AppError('CONFLICT', `Danh mục hồ sơ năm ${to} đã có; không sao chép đè.`);
    const source = headingsOf(store, from);
    if (source.length === 0) throw new AppError('NOT_FOUND', `Năm ${from} chưa có danh mục hồ sơ để sao chép.`);
    const ids = new Map<string, string>();
    for (const h of source.filter((x) => x.level === 1).concat(source.filter((x) => x.level === 2))) {
      ids.set(h.id, insertCopy(w, h, to, h.parentId ? ids.get(h.parentId)! : null));
    }
    for (const e of entriesOf(store, from)) {
      w.insert(catalogueEntries, {
        year: to,
        headingId: ids.get(e.headingId)!,
        number: e.number,
        code: e.code,
        title: e.title,
        retention: e.retention,
        keeperId: e.keeperId,
        notes: e.notes,
      });
    }
  });
  return getCatalogue(store, to);
}

function insertCopy(w: Writer, h: HeadingRow, year: number, parentId: string | null): string {
  return w.insert(catalogueHeadings, { year, level: h.level, parentId, title: h.title, abbreviation: h.abbreviation, sort: h.sort });
}

export function getEntry(store: Store, id: string): EntryRow {
  const e = store.db.select().from(catalogueEntries).where(eq(catalogueEntries.id, id)).get();
  if (!e || e.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ trong danh mục.');
  return e;
}
