// Attachments of a document and the arrival stamp (dấu ĐẾN) drawn on a PDF original.
import { z } from 'zod';
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
  role: z.enum(['original', 'stamped']),
  parentId: z.string().nullable(),
  signed: z.boolean(),
  createdAt: z.string(),
  /** A PDF original's text layer for search: being read, found, none (a scan), unreadable, too big. */
  textLayer: z.enum(['pending', 'text', 'no_text', 'failed', 'too_large']).nullable(),
});
export type AttachmentRecord = z.infer<typeof attachmentOutput>;

export const attachmentCheckOutput = attachmentOutput.extend({ intact: z.boolean() });

export const stampInput = z.object({
  documentId: id,
  attachmentId: id,
  position: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']).optional(),
});
