// Copying a file with its sha256 taken on the way (a backup proves what it holds), and a
// content-addressed file linked from an earlier backup instead when the disk allows.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';

export async function copyHashed(from: string, to: string): Promise<{ size: number; sha256: string }> {
  await mkdir(dirname(to), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const part = `${to}.part`;
  await pipeline(
    createReadStream(from),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) {
        hash.update(c);
        size += c.length;
        yield c;
      }
    },
    createWriteStream(part),
  );
  await rename(part, to);
  return { size, sha256: hash.digest('hex') };
}

export async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const c of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(c);
    size += c.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** A hard link to the same bytes in an earlier backup (no space used); false where links are not possible (FAT32, another disk). */
export async function tryLink(existing: string, to: string): Promise<boolean> {
  try {
    await mkdir(dirname(to), { recursive: true });
    await link(existing, to);
    return true;
  } catch {
    return false;
  }
}
