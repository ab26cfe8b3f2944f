// What waits for the person signed in ("Việc của tôi"), by what he does in the office: the
// leader's documents to direct and drafts to sign, the văn thư's documents to route, signed
// drafts to number and numbers taken but not issued. Tasks come from tasks.mine.
import { z } from 'zod';
import { documentOutput } from './documents.js';
import { draftOutput } from './outgoing.js';

export const waitingOutput = z.object({
  /** Incoming documents submitted to this leader, awaiting his direction. */
  toDirect: z.array(documentOutput),
  /** Drafts submitted to this leader for signature. */
  toSign: z.array(draftOutput),
  /** For the văn thư: registered incoming documents not yet submitted (new, or returned). */
  toRoute: z.array(documentOutput),
  /** For the văn thư: signed drafts waiting for their number. */
  toIssue: z.array(draftOutput),
  /** For the văn thư: outgoing numbers taken, the document not issued yet. */
  reserved: z.array(documentOutput),
});
export type Waiting = z.infer<typeof waitingOutput>;
