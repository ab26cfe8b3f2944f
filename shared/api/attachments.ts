// Attachments of a document and the arrival stamp (dấu ĐẾN) drawn on a PDF original.
import { z } from 'zod';
import { MIN_STAMP_SCALE } from '../domain/stampPlace.js';
import { id } from './fields.js';

export const attachmentOutput = z.object({
  id: z.string(),
  documentId: z.string(),
  name: z.string(),
  mime: z.string(),
  kind: z.string(),
  size: z.number().int(),
  pages: z.number().int().nullable(),
  sha256: z.string(),
  /** A stamped copy (dấu ĐẾN) or a signed one (ký số) is a new file beside the one it was made from. */
  role: z.enum(['original', 'stamped', 'signed']),
  parentId: z.string().nullable(),
  signed: z.boolean(),
  createdAt: z.string(),
  /** An original's text for search: being read, a text layer, a scan (waiting for OCR), read by OCR (all, partly, stopped), password-protected, unreadable, too big. */
  textLayer: z
    .enum(['pending', 'text', 'no_text', 'ocr', 'ocr_empty', 'ocr_partial', 'ocr_stopped', 'encrypted', 'failed', 'too_large'])
    .nullable(),
  /** A scan being read by OCR on this PC now: pages read of those to read. */
  ocr: z.object({ done: z.number().int(), pages: z.number().int() }).nullable().optional(),
  /** Said once, when the file is attached: what is wrong with it and what the clerk can do. */
  notice: z.string().optional(),
});
export type AttachmentRecord = z.infer<typeof attachmentOutput>;

export const attachmentCheckOutput = attachmentOutput.extend({ intact: z.boolean() });

const point = z.number({ error: 'Vị trí dấu ĐẾN không hợp lệ.' }).finite().min(-10_000).max(100_000);

export const stampPreviewInput = z.object({ documentId: id, attachmentId: id });

export const stampInput = stampPreviewInput.extend({
  position: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']).optional(),
  /** Where the clerk put the stamp on the preview: display points from the page's top-left. */
  place: z
    .object({
      x: point,
      y: point,
      scale: z.number({ error: 'Cỡ dấu ĐẾN không hợp lệ.' }).min(MIN_STAMP_SCALE).max(1),
      /** The preview's proposal kept as it was (the history says which rule placed it); left out: the clerk's own place. */
      how: z.enum(['below-subject', 'below-number', 'below-date', 'blank', 'emptiest', 'extended', 'unread']).optional(),
    })
    .strict()
    .optional(),
});

const rect = { x: z.number(), y: z.number(), width: z.number(), height: z.number() };

/** Page 1 as drawn, where the ink is, and where the office's rule puts the stamp. */
export const stampPreviewOutput = z.object({
  /** Null when the page could not be drawn: the stamp then goes to the chosen corner. */
  page: z.object({ width: z.number(), height: z.number() }).nullable(),
  image: z.string().nullable(),
  /** Cells of ink, one byte each (1 = ink), row by row from the top, base64. */
  ink: z.object({ cell: z.number(), cols: z.number().int(), rows: z.number().int(), cells: z.string() }).nullable(),
  placement: z.object({
    ...rect,
    scale: z.number(),
    how: z.enum(['below-subject', 'below-number', 'below-date', 'blank', 'emptiest', 'extended', 'unread', 'chosen']),
    extendBy: z.number(),
    words: z.string(),
  }),
  rule: z.enum(['decree', 'corner']),
});
export type StampPreview = z.infer<typeof stampPreviewOutput>;

/** A dispatch read in the registration form before it is registered: its suggestions, and a token to attach it on save. */
export const readForRegistrationOutput = z.object({
  token: z.string(),
  name: z.string(),
  size: z.number().int(),
  pages: z.number().int().nullable(),
  /** Where the words came from: the text layer, OCR, or nothing could be read. */
  source: z.enum(['text', 'ocr', 'none']),
  fields: z.object({
    agency: z.string().optional(),
    code: z.string().optional(),
    issuedDate: z.string().optional(),
    type: z.string().optional(),
    summary: z.string().optional(),
    signer: z.string().optional(),
    urgency: z.enum(['thuong', 'khan', 'thuong_khan', 'hoa_toc']).optional(),
    confidentiality: z.enum(['thuong', 'mat', 'toi_mat', 'tuyet_mat']).optional(),
    recipients: z.array(z.string()).optional(),
  }),
  notice: z.string().optional(),
});
export type ReadForRegistration = z.infer<typeof readForRegistrationOutput>;

const box = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const pageHitsOutput = z.object({
  /** The file was read by OCR (its words' places are kept). */
  read: z.boolean(),
  pages: z.array(z.object({ page: z.number().int(), boxes: z.array(box) })),
});
