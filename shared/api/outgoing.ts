// Outgoing documents (văn bản đi): take a number, issue, cancel; replies to incoming ones.
import { z } from 'zod';
import { SIGNER_PREFIXES } from '../domain/symbols.js';
import { confidentiality, urgency } from './documents.js';
import { id, isoDate, line, optionalText, text } from './fields.js';

const numbering = {
  type: line('loại văn bản', 20),
  /** Đơn vị soạn thảo: its abbreviation goes into a công văn's symbol. */
  departmentId: id.nullish(),
  confidentiality: confidentiality.default('thuong'),
  bookId: id.optional(),
};

export const outgoingPreviewInput = z.object(numbering);
export const outgoingPreviewOutput = z.object({
  bookId: z.string().nullable(),
  bookName: z.string(),
  number: z.number().int(),
  code: z.string(),
});

export const outgoingReserveInput = z.object({ ...numbering, summary: optionalText('trích yếu nội dung', 500), draftId: id.optional() });

const pages = z
  .number()
  .int()
  .min(1, { error: 'Số trang ít nhất là 1.' })
  .max(100000)
  .nullish()
  .transform((v) => v ?? null);
const copies = z
  .number({ error: 'Số lượng bản phải là một số.' })
  .int()
  .min(1, { error: 'Số lượng bản ít nhất là 1.' })
  .max(100000)
  .nullish()
  .transform((v) => v ?? null);

export const outgoingIssueInput = z.object({
  /** A number taken earlier (lấy số) to issue now; without it the number is given here. */
  id: id.optional(),
  /** The signed draft this document comes from, when it went through dự thảo → trình ký → đã ký. */
  draftId: id.optional(),
  ...numbering,
  summary: text('trích yếu nội dung', 500),
  issuedDate: isoDate('ngày tháng văn bản'),
  signerName: line('người ký', 100),
  signerPosition: optionalText('chức vụ người ký', 100),
  signerPrefix: z.enum(SIGNER_PREFIXES, { error: 'Quyền hạn ký phải là TM., KT., TL., Q., TUQ. hoặc để trống.' }).default(''),
  recipients: text('nơi nhận', 2000),
  keptCopies: optionalText('đơn vị, người nhận bản lưu', 300),
  copies,
  pages,
  urgency: urgency.default('thuong'),
  notes: optionalText('ghi chú', 2000),
  replyTo: z.array(id).max(20).optional().default([]),
  /** Also complete the lead task of each incoming document answered. */
  completeReplied: z.boolean().optional().default(false),
  /** Văn bản thay thế: the issued (and perhaps signed) document this one replaces — a new version, both linked. */
  replaces: id.optional(),
  /** Văn bản đính chính: the issued document whose errors this one corrects (it stays in force). */
  corrects: id.optional(),
});
export type OutgoingIssueInput = z.output<typeof outgoingIssueInput>;

export const outgoingCancelInput = z.object({ id, reason: text('lý do hủy', 500) });
/** Thu hồi an issued document (sent electronically: a revoke goes to every organ that had it). */
export const outgoingRecallInput = z.object({ id, reason: text('lý do thu hồi', 500) });
export const outgoingRepliesOutput = z.array(
  z.object({
    id: z.string(),
    number: z.number().int(),
    year: z.number().int(),
    code: z.string(),
    agencyName: z.string(),
    summary: z.string(),
  }),
);

export const DRAFT_STATUSES = ['du_thao', 'trinh_ky', 'da_ky', 'da_cap_so', 'phat_hanh'] as const;
export const DRAFT_STATUS_LABELS: Record<(typeof DRAFT_STATUSES)[number], string> = {
  du_thao: 'Dự thảo',
  trinh_ky: 'Trình ký',
  da_ky: 'Đã ký',
  da_cap_so: 'Đã cấp số',
  phat_hanh: 'Phát hành',
};

export const draftInput = z.object({
  type: line('loại văn bản', 20),
  departmentId: id.nullish(),
  summary: text('trích yếu nội dung', 500),
  confidentiality: confidentiality.default('thuong'),
  urgency: urgency.default('thuong'),
});
export const draftSubmitInput = z.object({ id, leaderId: id, note: optionalText('ghi chú', 1000) });
export const draftSignInput = z.object({ id, approve: z.boolean({ error: 'Chọn ký hoặc trả lại.' }), note: optionalText('ý kiến', 1000) });
export const draftOutput = z.object({
  id: z.string(),
  typeCode: z.string(),
  typeName: z.string(),
  departmentId: z.string().nullable(),
  summary: z.string(),
  confidentiality: confidentiality,
  urgency: urgency,
  status: z.enum(DRAFT_STATUSES),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  note: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  documentId: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type DraftRecord = z.infer<typeof draftOutput>;

const versionRef = z.object({ id: z.string(), code: z.string(), issuedDate: z.string().nullable() });
/** The document this one replaced and the one that replaced it (văn bản thay thế); what it corrects and what corrected it (đính chính). */
export const outgoingVersionsOutput = z.object({
  replaces: versionRef.nullable(),
  replacedBy: versionRef.nullable(),
  corrects: versionRef.nullable(),
  correctedBy: z.array(versionRef),
});
