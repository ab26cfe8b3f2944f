// Work dossiers: the yearly catalogue, dossiers and the items filed in them.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { synced } from './syncedColumns.js';

/** Danh mục hồ sơ (PL V): headings of a year's catalogue, large (I, II, …) and small (1, 2, …). */
export const catalogueHeadings = sqliteTable(
  'catalogue_headings',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    level: integer('level').notNull(),
    parentId: text('parent_id'),
    title: text('title').notNull(),
    /** Abbreviation that ends the codes of the dossiers under it: "TCCB" in 01.TCCB. */
    abbreviation: text('abbreviation'),
    sort: integer('sort').notNull().default(0),
    /** The unit taken over whose catalogue this is (units.successor_id); null: this office's. */
    unitId: text('unit_id'),
    ...synced,
  },
  (t) => [index('catalogue_headings_year').on(t.year, t.sort)],
);

/** A planned dossier of the catalogue: code, title, retention, who keeps it. */
export const catalogueEntries = sqliteTable(
  'catalogue_entries',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    headingId: text('heading_id').notNull(),
    number: integer('number').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** 'vinh_vien' or a number of years. */
    retention: text('retention').notNull(),
    keeperId: text('keeper_id'),
    notes: text('notes'),
    unitId: text('unit_id'),
    ...synced,
  },
  (t) => [index('catalogue_entries_year').on(t.year, t.number)],
);

/** Hồ sơ công việc: opened from the catalogue (or ad hoc), filled with documents, closed, handed over. */
export const dossiers = sqliteTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id'),
    year: integer('year').notNull(),
    notation: text('notation').notNull(),
    fullCode: text('full_code').notNull(),
    title: text('title').notNull(),
    retention: text('retention').notNull(),
    accessRegime: text('access_regime').notNull().default('Hạn chế'),
    keeperId: text('keeper_id'),
    language: text('language').notNull().default('Tiếng Việt'),
    description: text('description'),
    status: text('status').notNull().default('mo'),
    closedAt: text('closed_at'),
    handedOverAt: text('handed_over_at'),
    reopenReason: text('reopen_reason'),
    pagesOverride: integer('pages_override'),
    /** The unit taken over whose dossier this is (its codes are that unit's); null: this office's. */
    unitId: text('unit_id'),
    ...synced,
  },
  (t) => [index('dossiers_year_status').on(t.year, t.status), index('dossiers_full_code').on(t.fullCode)],
);

/** Mục lục văn bản trong hồ sơ: a filed document, or a free item with its own file and data. */
export const dossierItems = sqliteTable(
  'dossier_items',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id').notNull(),
    documentId: text('document_id'),
    attachmentId: text('attachment_id'),
    code: text('code'),
    itemDate: text('item_date'),
    author: text('author'),
    summary: text('summary'),
    pages: integer('pages'),
    position: integer('position').notNull(),
    /** The dossier a document is filed in (its "Số và ký hiệu HS"); others only reference it. */
    primaryFiling: integer('primary_filing', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes'),
    ...synced,
  },
  (t) => [index('dossier_items_dossier').on(t.dossierId, t.position), index('dossier_items_document').on(t.documentId)],
);
