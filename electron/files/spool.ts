// The backend's spool (<data>/spool, emptied at start): where a large file answer is written for the
// transport to stream out (browser mode) or the main process to save (desktop), never sent whole.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpooledFile } from '../../shared/api/files.js';

/** Above this a file answer goes through the spool, not as bytes. */
export const INLINE_BYTES = 32 * 1024 * 1024;

/** A fresh path in the spool: `<prefix>-<random><ext>`. */
export async function spoolPath(spoolDir: string, prefix: string, ext: string): Promise<string> {
  await mkdir(spoolDir, { recursive: true });
  return join(spoolDir, `${prefix}-${randomBytes(8).toString('hex')}${ext}`);
}

/** The bytes as they are when small, else written to the spool. */
export async function bytesOrSpool(
  file: { name: string; mime: string; bytes: Uint8Array },
  spoolDir: string,
  prefix: string,
): Promise<{ name: string; mime: string; bytes: Uint8Array } | SpooledFile> {
  if (file.bytes.length <= INLINE_BYTES) return file;
  const path = await spoolPath(spoolDir, prefix, /\.[A-Za-z0-9]{1,8}$/.exec(file.name)?.[0] ?? '');
  await writeFile(path, file.bytes);
  return { name: file.name, mime: file.mime, spool: { path, size: file.bytes.length } };
}
