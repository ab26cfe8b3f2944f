// Who looked at what (Appendix VI, 5a, 6a, 6b, 6l): a document's or a dossier's Lịch sử truy cập,
// the admin's report by user and period, and the copies taken out (downloaded, printed).
import { z } from 'zod';
import { id, isoDate } from './fields.js';

export const ACCESS_ACTION_LABELS = { view: 'Xem', download: 'Tải về', print: 'In' } as const;

export const accessHistoryInput = z
  .object({ documentId: id.optional(), dossierId: id.optional() })
  .refine((v) => (v.documentId ? 1 : 0) + (v.dossierId ? 1 : 0) === 1, { error: 'Chọn một văn bản hoặc một hồ sơ.' });

export const accessEntryOutput = z.object({
  userId: z.string(),
  userName: z.string().nullable(),
  action: z.enum(['view', 'download', 'print']),
  fileName: z.string().nullable(),
  pcName: z.string(),
  count: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
});

export const accessReportInput = z
  .object({ from: isoDate('từ ngày'), to: isoDate('đến ngày') })
  .refine((v) => v.from <= v.to, { error: 'Từ ngày phải trước đến ngày.', path: ['to'] });

export const accessReportOutput = z.array(
  z.object({
    userId: z.string(),
    userName: z.string().nullable(),
    views: z.number().int(),
    downloads: z.number().int(),
    prints: z.number().int(),
    things: z.number().int(),
    lastAt: z.string(),
  }),
);

export const takeCopyInput = z.object({
  id,
  purpose: z.enum(['download', 'print'], { error: 'Chọn tải về hoặc in.' }),
});
