// The answers of methods that give a file: small ones as bytes; large ones (a handover package of
// any size) written by the backend to a spool file that the transport streams out and deletes.
import { z } from 'zod';

export const fileOutput = z.object({ name: z.string(), mime: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) });

/** A file the backend spooled to its own temp folder; never reaches the renderer as such. */
export interface Spool {
  path: string;
  size: number;
}

export const spooledFileOutput = z.object({
  name: z.string(),
  mime: z.string(),
  spool: z.custom<Spool>((v) => typeof v === 'object' && v !== null && typeof (v as Spool).path === 'string'),
});

/** What the desktop window gets for a spooled file: saved where the user chose, or not (cancelled). */
export const savedFileOutput = z.object({ name: z.string(), mime: z.string(), saved: z.boolean() });

export const largeFileOutput = z.union([spooledFileOutput, savedFileOutput]);
export type SpooledFile = z.infer<typeof spooledFileOutput>;

export function isSpooled(value: unknown): value is SpooledFile {
  return spooledFileOutput.safeParse(value).success;
}
