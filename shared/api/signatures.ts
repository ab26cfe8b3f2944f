// Digital signatures (#17): what a PDF's signatures are found to be, and the roots this PC trusts.
import { z } from 'zod';

const name = z.object({ name: z.string().nullable(), organisation: z.string().nullable(), unit: z.string().nullable() });

export const signatureCheckOutput = z.object({
  field: z.string().nullable(),
  subFilter: z.string().nullable(),
  signer: name.nullable(),
  issuer: z.string().nullable(),
  signedAt: z.string().nullable(),
  timestampAt: z.string().nullable(),
  digest: z.string().nullable(),
  intact: z.boolean(),
  problem: z.string().nullable(),
  coversWholeFile: z.boolean(),
  trusted: z.boolean(),
  trustProblem: z.string().nullable(),
  validAtSigning: z.boolean().nullable(),
  /** Asked of the CA (its CRL) when the network allowed: good, revoked, or not checked — with why. */
  revocation: z.enum(['unchecked', 'good', 'revoked']),
  revocationNote: z.string().nullable(),
  /** What was appended after this signature changed: another signature, annotations (a stamp), form fields, the content. */
  later: z.enum(['none', 'signatures', 'annotations', 'form', 'content', 'unknown']),
});

export const attachmentSignaturesOutput = z.object({
  /** False when the file could not be read as a PDF, or its check ran out of time. */
  read: z.boolean(),
  checks: z.array(signatureCheckOutput),
  more: z.number().int(),
});

export const trustedRootOutput = z.object({
  fingerprint: z.string(),
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  notAfter: z.string(),
});

/** A root certificate as the admin picked it: its bytes, base64 (PEM or DER). */
export const trustAddInput = z.object({ certificate: z.string().min(1).max(200_000) });
