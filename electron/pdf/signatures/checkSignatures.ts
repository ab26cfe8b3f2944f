// Every signature of a PDF checked, in a worker of its own with a time limit and a memory cap (a
// hostile file — a malformed dictionary, a chain loop, fifty signatures over 100 MB — costs that
// worker, not the backend). Tests from source check in this thread.
import { existsSync } from 'node:fs';
import * as pkijs from 'pkijs';
import { isolatedJob } from '../pageReader.js';
import { signaturesIn } from './pdfSignatures.js';
import { verifySignature, type SignatureCheck } from './verifySignature.js';
import { laterChangesOf, type LaterChanges } from './laterChanges.js';
import { fetchLimited, type Fetcher } from './revocation.js';

/** More than this many is a hostile file, not a document: the first ones are checked. */
export const MAX_SIGNATURES = 50;
export const SIGNATURES_MS = 30_000;

export interface SignaturesJob {
  kind: 'signatures';
  id: number;
  bytes: Uint8Array;
  roots: Uint8Array[];
  /** Ask the CAs whether the certificates were revoked (the network is allowed on this PC). */
  online: boolean;
}

export interface SignaturesResult {
  /** null when the file could not be read as a PDF. */
  checks: CheckedSignature[] | null;
  /** More signatures than were checked. */
  more: number;
}

export interface CheckedSignature extends SignatureCheck {
  /** What the revisions appended after this signature changed. */
  later: LaterChanges;
}

export async function checkPdfSignatures(
  bytes: Uint8Array,
  roots: Uint8Array[],
  fetcher: Fetcher | null = null,
): Promise<SignaturesResult> {
  let found;
  try {
    found = await signaturesIn(bytes);
  } catch {
    return { checks: null, more: 0 };
  }
  const trusted = roots.flatMap((r) => {
    try {
      return [pkijs.Certificate.fromBER(new Uint8Array(r))];
    } catch {
      return [];
    }
  });
  const verified: SignatureCheck[] = [];
  const considered = found.slice(0, MAX_SIGNATURES);
  for (const sig of considered) verified.push(await verifySignature(bytes, sig, trusted, fetcher));
  const endOf = (i: number) => considered[i]!.byteRange[2] + considered[i]!.byteRange[3];
  const later = await laterChangesOf(
    bytes,
    verified.flatMap((c, i) => (c.intact && !c.coversWholeFile ? [endOf(i)] : [])),
  );
  const checks: CheckedSignature[] = verified.map((c, i) => ({
    ...c,
    later: c.coversWholeFile ? 'none' : c.intact ? (later.get(endOf(i)) ?? 'unknown') : 'unknown',
  }));
  return { checks, more: Math.max(0, found.length - MAX_SIGNATURES) };
}

export async function checkSignaturesIsolated(
  bytes: Uint8Array,
  roots: Uint8Array[],
  workerFile: string | null | undefined,
  online = false,
): Promise<SignaturesResult | null> {
  if (!workerFile || !existsSync(workerFile)) return checkPdfSignatures(bytes, roots, online ? fetchLimited : null);
  const copy = bytes.slice();
  const job: SignaturesJob = { kind: 'signatures', id: 1, bytes: copy, roots, online };
  return (await isolatedJob<{ result: SignaturesResult }>(workerFile, job, [copy.buffer], SIGNATURES_MS))?.result ?? null;
}
