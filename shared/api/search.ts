// One search box over the registers and the dossiers.
import { z } from 'zod';
import { id, isoDate, line } from './fields.js';

export const SEARCH_KINDS = ['incoming', 'outgoing', 'dossier'] as const;
export const SEARCH_KIND_LABELS: Record<(typeof SEARCH_KINDS)[number], string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  dossier: 'Hồ sơ',
};

export const searchInput = z.object({
  // Whatever was typed is just text: it is folded and quoted before it reaches FTS5.
  q: z.string({ error: 'Chưa nhập từ khóa.' }).max(10_000, { error: 'Từ khóa tìm kiếm quá dài (tối đa 10.000 ký tự).' }),
  kinds: z.array(z.enum(SEARCH_KINDS)).optional(),
  year: z.number().int().optional(),
  /** Register date (ngày đến / ngày ban hành) from and to, inclusive. */
  from: isoDate('từ ngày').optional(),
  to: isoDate('đến ngày').optional(),
  /** One register book (documents only). */
  bookId: id.optional(),
  limit: z.number().int().min(1).max(100).optional().default(20),
  cursor: z.string().max(20).nullish(),
});

const span = z.tuple([z.number().int(), z.number().int()]);

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  code: z.string(),
  subtitle: z.string(),
  date: z.string().nullable(),
  score: z.number(),
  exactCode: z.boolean(),
  highlights: z.object({ title: z.array(span), code: z.array(span), subtitle: z.array(span) }),
  /** Found in the text of an attached file: which one, and the words around the match. */
  inFile: z.object({ attachmentId: z.string(), name: z.string(), excerpt: z.string(), highlights: z.array(span) }).nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchOutput = z.object({ items: z.array(searchHit), nextCursor: z.string().nullable(), tookMs: z.number() });

/** What a saved search keeps: the query and its filters, not a page of it. */
export const savedQuery = searchInput.omit({ limit: true, cursor: true });
export type SavedQuery = z.infer<typeof savedQuery>;

export const savedSearchOutput = z.object({ id: z.string(), name: z.string(), query: savedQuery, createdAt: z.string() });
export type SavedSearch = z.infer<typeof savedSearchOutput>;
export const saveSearchInput = z.object({ name: line('tên tìm kiếm', 100), query: savedQuery });

export const EXPORT_FORMATS = ['pdf', 'docx'] as const;
/** At most this many results go into an exported list. */
export const EXPORT_MAX = 100_000;
/** As GET /download carries it too: a list as "a,b", a number as text. */
export const searchExportInput = savedQuery.extend({
  kinds: z
    .union([z.array(z.string()), z.string().transform((s) => s.split(',').filter(Boolean))])
    .pipe(z.array(z.enum(SEARCH_KINDS)))
    .optional(),
  year: z.coerce.number().int().optional(),
  format: z.enum(EXPORT_FORMATS, { error: 'Chọn PDF hoặc Word (.docx).' }),
});
