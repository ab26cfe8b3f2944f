// Incoming (and later outgoing) documents: what the register holds, and what may be asked of it.
import { z } from 'zod';
import { CONFIDENTIALITIES, CONFIDENTIALITY_LABELS, URGENCIES, URGENCY_LABELS } from '../domain/enums.js';
import { INCOMING_STATUSES } from '../domain/workflow.js';
import { choice, id, instant, isoDate, line, optionalText, text } from './fields.js';

// Lengths from PL VI of Decree 30/2020 where it gives them.
export const LIMITS = { agency: 200, code: 50, summary: 500, recipient: 300, notes: 2000 } as const;

export const urgency = choice('mức độ khẩn', URGENCIES, URGENCY_LABELS);
export const confidentiality = choice('độ mật', CONFIDENTIALITIES, CONFIDENTIALITY_LABELS);

const pages = z
  .number({ error: 'Số trang phải là một số.' })
  .int({ error: 'Số trang phải là số nguyên.' })
  .min(1, { error: 'Số trang ít nhất là 1.' })
  .max(100000, { error: 'Số trang quá lớn.' })
  .nullish()
  .transform((v) => v ?? null);

const optionalDate = (label: string) =>
  isoDate(label)
    .nullish()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null);

export const incomingFields = {
  agency: line('cơ quan ban hành', LIMITS.agency),
  code: line('số, ký hiệu văn bản', LIMITS.code),
  type: line('loại văn bản', 20),
  issuedDate: isoDate('ngày tháng văn bản'),
  summary: text('trích yếu nội dung', LIMITS.summary),
  receivedAt: instant('ngày đến'),
  urgency,
  confidentiality,
  pages,
  recipient: optionalText('đơn vị hoặc người nhận', LIMITS.recipient),
  deadline: optionalDate('hạn giải quyết'),
  notes: optionalText('ghi chú', LIMITS.notes),
};

export const incomingRegisterInput = z.object({
  agency: incomingFields.agency,
  code: incomingFields.code,
  type: incomingFields.type,
  issuedDate: incomingFields.issuedDate,
  summary: incomingFields.summary,
  bookId: id.optional(),
  receivedAt: incomingFields.receivedAt.optional(),
  urgency: urgency.default('thuong'),
  confidentiality: confidentiality.default('thuong'),
  pages: incomingFields.pages,
  recipient: incomingFields.recipient,
  deadline: incomingFields.deadline,
  notes: incomingFields.notes,
  confirmDuplicate: z.boolean().optional().default(false),
});
export type IncomingRegisterInput = z.input<typeof incomingRegisterInput>;

export const incomingUpdateInput = z.object({
  id,
  agency: incomingFields.agency.optional(),
  code: incomingFields.code.optional(),
  type: incomingFields.type.optional(),
  issuedDate: incomingFields.issuedDate.optional(),
  summary: incomingFields.summary.optional(),
  receivedAt: incomingFields.receivedAt.optional(),
  urgency: urgency.optional(),
  confidentiality: confidentiality.optional(),
  pages: incomingFields.pages.optional(),
  recipient: incomingFields.recipient.optional(),
  deadline: incomingFields.deadline.optional(),
  notes: incomingFields.notes.optional(),
  confirmDuplicate: z.boolean().optional().default(false),
});
export type IncomingUpdateInput = z.input<typeof incomingUpdateInput>;

export const incomingListInput = z
  .object({
    year: z.number().int().min(1900).max(2200).optional(),
    bookId: id.optional(),
    q: z.string().max(10000, { error: 'Từ khóa tìm kiếm quá dài.' }).optional(),
    from: isoDate('từ ngày').optional(),
    to: isoDate('đến ngày').optional(),
    type: z.string().max(20).optional(),
    agency: z.string().max(LIMITS.agency).optional(),
    urgency: urgency.optional(),
    status: z.enum(INCOMING_STATUSES).optional(),
    limit: z.number().int().min(1).max(500).optional().default(100),
    cursor: z.string().max(100).nullish(),
  })
  .optional()
  .transform((v) => v ?? { limit: 100 });
export type IncomingListInput = z.input<typeof incomingListInput>;

export const documentOutput = z.object({
  id: z.string(),
  kind: z.enum(['incoming', 'outgoing']),
  bookId: z.string(),
  bookName: z.string(),
  year: z.number().int(),
  number: z.number().int().positive(),
  receivedAt: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  code: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  issuedDate: z.string(),
  summary: z.string(),
  urgency,
  confidentiality,
  pages: z.number().int().nullable(),
  recipient: z.string().nullable(),
  deadline: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  /** Thu hồi: withdrawn (an issued outgoing document, frozen; or an incoming one its sender withdrew). */
  recalledAt: z.string().nullable(),
  recallReason: z.string().nullable(),
  status: z.string(),
  // Outgoing documents only (null on incoming ones).
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signerPrefix: z.string().nullable(),
  recipientsText: z.string().nullable(),
  keptCopies: z.string().nullable(),
  copies: z.number().int().nullable(),
  draftingDepartmentId: z.string().nullable(),
  /** Ngày chuyển of the register: an incoming document first submitted or assigned, an outgoing one issued. */
  forwardedAt: z.string().nullable(),
  /** A secret document shown without its content (shared/domain/secrecy.ts): to this user, or on this PC. */
  masked: z.boolean(),
  /** Outgoing, sent electronically (#18): per recipient organ, the package's state and the latest status back. */
  receipts: z
    .array(
      z.object({
        organId: z.string(),
        name: z.string().nullable(),
        state: z.string(),
        statusCode: z.string().nullable(),
        statusAt: z.string().nullable(),
      }),
    )
    .optional(),
});
export type DocumentRecord = z.infer<typeof documentOutput>;

export const documentList = z.object({ items: z.array(documentOutput), nextCursor: z.string().nullable() });
export type DocumentList = z.infer<typeof documentList>;

export const incomingCancelInput = z.object({ id, reason: optionalText('lý do hủy', 500) });
