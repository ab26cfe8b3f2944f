// Importing the registers kept in Excel (.xlsx, .xls) or CSV before VănThư: a preview with the
// column mapping guessed from the headers and every row's problems, then the run.
import { z } from 'zod';

export const IMPORT_KINDS = ['incoming', 'outgoing'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The register columns (DOMAIN.md, PL IV) a sheet's columns can be mapped to. */
export const IMPORT_FIELDS = [
  'receivedDate',
  'number',
  'agency',
  'code',
  'issuedDate',
  'summary',
  'type',
  'recipient',
  'signer',
  'recipients',
  'copies',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  receivedDate: 'Ngày đến',
  number: 'Số đến / Số',
  agency: 'Tác giả (cơ quan ban hành)',
  code: 'Số, ký hiệu văn bản',
  issuedDate: 'Ngày tháng văn bản',
  summary: 'Tên loại và trích yếu nội dung',
  type: 'Tên loại văn bản',
  recipient: 'Đơn vị hoặc người nhận',
  signer: 'Người ký',
  recipients: 'Nơi nhận văn bản',
  copies: 'Số lượng bản',
  notes: 'Ghi chú',
};

/** What each kind of register needs; the rest are optional. */
export const REQUIRED_FIELDS: Record<ImportKind, ImportField[]> = {
  incoming: ['receivedDate', 'number', 'agency', 'summary'],
  outgoing: ['code', 'issuedDate', 'summary'],
};

const mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500).nullable());
export type ImportMapping = z.infer<typeof mapping>;

export const importStageOutput = z.object({ uploadId: z.string(), name: z.string(), size: z.number().int() });

export const importPreviewInput = z.object({
  uploadId: z.string().regex(/^[a-z0-9-]{8,64}$/, { error: 'Tệp tải lên không hợp lệ; hãy chọn lại tệp.' }),
  kind: z.enum(IMPORT_KINDS),
  sheet: z.string().max(200).nullish(),
  mapping: mapping.optional(),
});

const problemRow = z.object({ row: z.number().int(), problems: z.array(z.string()) });

export const importPreviewOutput = z.object({
  fileName: z.string(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), rows: z.number().int() })),
  sheet: z.string(),
  headerRow: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  mapping,
  /** The first rows as they would be imported (field → text shown). */
  sample: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()), problems: z.array(z.string()) })),
  /** Every row with a problem, not only those in the sample. */
  problems: z.array(problemRow),
  total: z.number().int(),
  valid: z.number().int(),
  notes: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewOutput>;

export const importRunInput = importPreviewInput.extend({ mapping });

export const importRunOutput = z.object({
  imported: z.number().int(),
  skipped: z.array(problemRow),
  books: z.array(z.object({ id: z.string(), name: z.string(), year: z.number().int(), count: z.number().int() })),
  notes: z.array(z.string()),
});
