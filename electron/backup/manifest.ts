// A backup folder's manifest: what made it, from which schema, and the sha256 of every file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors.js';

export const MANIFEST = 'manifest.json';
export const BACKUP_STORE = 'vanthu.sqlite';

/**
 * The only paths a backup holds: the store, the attachments by hash, the roots this PC trusts.
 * A manifest is read from a folder anyone could have written: a path with ../ would have a
 * restore copy a file anywhere.
 */
export const BACKUP_PATH = /^(?:vanthu\.sqlite|files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}|trust-roots\/[0-9A-F]{64}\.der)$/;
export const TRUST_ROOTS_DIR = 'trust-roots';

export const manifestSchema = z.object({
  format: z.literal('vanthu-backup-1'),
  app: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  unit: z.object({ name: z.string(), code: z.string() }).nullable(),
  deviceId: z.string(),
  documents: z.number().int(),
  files: z.array(
    z.object({ path: z.string().regex(BACKUP_PATH), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export async function readManifest(folder: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(join(folder, MANIFEST), 'utf8');
  } catch {
    throw new AppError('FILE_UNREADABLE', `Thư mục “${folder}” không phải bản sao lưu VănThư (không có ${MANIFEST}).`);
  }
  const parsed = manifestSchema.safeParse(
    (() => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success) throw new AppError('FILE_UNREADABLE', 'Tệp kê khai của bản sao lưu bị hỏng hoặc không đúng định dạng.');
  return parsed.data;
}
