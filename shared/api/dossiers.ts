// Work dossiers (hồ sơ công việc, DOMAIN.md): the yearly catalogue, dossiers and their items,
// closing and handing over to the archive.
import { z } from 'zod';
import { id, isoDate, line, optionalText } from './fields.js';

export const RETENTION_OPTIONS = ['5', '10', '20', '50', '70', 'vinh_vien'] as const;

export const retention = z
  .string({ error: 'Chưa chọn thời hạn bảo quản.' })
  .refine((r) => r === 'vinh_vien' || (/^\d{1,3}$/.test(r) && Number(r) >= 1 && Number(r) <= 100), {
    error: 'Thời hạn bảo quản phải là Vĩnh viễn hoặc một số năm.',
  });

export function retentionLabel(r: string): string {
  return r === 'vinh_vien' ? 'Vĩnh viễn' : `${r} năm`;
}

const year = z
  .number({ error: 'Năm phải là một số.' })
  .int()
  .min(1990, { error: 'Năm không hợp lệ.' })
  .max(2200, { error: 'Năm không hợp lệ.' });

export const headingInput = z.object({
  id: id.optional(),
  year,
  level: z.union([z.literal(1), z.literal(2)], { error: 'Đề mục là lớn (1) hoặc nhỏ (2).' }),
  parentId: id.nullish(),
  title: line('tên đề mục', 300),
  abbreviation: optionalText('chữ viết tắt', 20),
});

export const entryInput = z.object({
  id: id.optional(),
  year,
  headingId: id,
  title: line('tiêu đề hồ sơ', 500),
  retention,
  keeperId: id.nullish(),
  notes: optionalText('ghi chú', 500),
});

export const catalogueOutput = z.object({
  year: z.number().int(),
  headings: z.array(
    z.object({
      id: z.string(),
      level: z.number().int(),
      parentId: z.string().nullable(),
      label: z.string(),
      title: z.string(),
      abbreviation: z.string().nullable(),
    }),
  ),
  entries: z.array(
    z.object({
      id: z.string(),
      headingId: z.string(),
      number: z.number().int(),
      code: z.string(),
      title: z.string(),
      retention: z.string(),
      keeperId: z.string().nullable(),
      keeperName: z.string().nullable(),
      notes: z.string().nullable(),
      dossierId: z.string().nullable(),
    }),
  ),
  counts: z.object({ permanent: z.number().int(), limited: z.number().int() }),
});
export type Catalogue = z.infer<typeof catalogueOutput>;

export const openDossierInput = z.union([
  z.object({ entryId: id }),
  z.object({ year, title: line('tiêu đề hồ sơ', 500), notation: line('số và ký hiệu hồ sơ', 50), retention, keeperId: id.nullish() }),
]);

export const dossierItemOutput = z.object({
  id: z.string(),
  position: z.number().int(),
  documentId: z.string().nullable(),
  kind: z.enum(['incoming', 'outgoing', 'free']),
  code: z.string(),
  date: z.string().nullable(),
  summary: z.string(),
  author: z.string(),
  pages: z.number().int().nullable(),
  primaryFiling: z.boolean(),
  notes: z.string().nullable(),
  attachmentId: z.string().nullable(),
});

export const dossierOutput = z.object({
  id: z.string(),
  entryId: z.string().nullable(),
  year: z.number().int(),
  notation: z.string(),
  fullCode: z.string(),
  title: z.string(),
  retention: z.string(),
  accessRegime: z.string(),
  keeperId: z.string().nullable(),
  keeperName: z.string().nullable(),
  language: z.string(),
  description: z.string().nullable(),
  status: z.enum(['mo', 'ket_thuc', 'nop_luu']),
  closedAt: z.string().nullable(),
  handedOverAt: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  documentCount: z.number().int(),
  pageCount: z.number().int(),
  handoverDue: z.string().nullable(),
  handoverWarning: z.boolean(),
  /** A dossier of a unit taken over: how that unit reads ("… (giải thể từ 01/07/2025)"); null: this office's. */
  unitLabel: z.string().nullable(),
  items: z.array(dossierItemOutput),
});
export type DossierRecord = z.infer<typeof dossierOutput>;

export const DOSSIER_STATUS_LABELS: Record<DossierRecord['status'], string> = {
  mo: 'Đang mở',
  ket_thuc: 'Đã kết thúc',
  nop_luu: 'Đã nộp lưu',
};

export const addItemsInput = z.object({
  dossierId: id,
  documentIds: z.array(id).max(200).optional().default([]),
  free: z
    .object({
      code: line('số, ký hiệu', 50),
      date: isoDate('ngày tháng văn bản'),
      author: line('tác giả', 200),
      summary: line('trích yếu nội dung', 500),
      pages: z.number().int().min(1).max(100000).nullish(),
      attachmentId: id.nullish(),
    })
    .optional(),
});
