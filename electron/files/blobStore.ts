// Attachment bytes, content-addressed under the data folder: files/ab/cd/<sha256>. A file is
// written to a temporary name while it is hashed and counted, flushed, then renamed into
// place, so a crash mid-copy leaves no half file under a real name.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/api/errors.js';

const HEAD_BYTES = 64 * 1024;

export interface StoredBlob {
  sha256: string;
  size: number;
  head: Buffer;
  tail: Buffer;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 ** 3).toFixed(1).replace('.', ',')} GB`;
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

export function tooLarge(maxBytes: number, refused = 'không đính kèm'): AppError {
  return new AppError('TOO_LARGE', `Tệp lớn hơn giới hạn ${formatBytes(maxBytes)} nên ${refused}; chưa có gì được chép.`);
}

export class BlobStore {
  constructor(readonly root: string) {
    mkdirSync(join(root, 'tmp'), { recursive: true });
  }

  path(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`bad sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.path(sha256));
  }

  /** Streams `source` in, refusing it as soon as it passes `maxBytes`. */
  async put(source: Readable | AsyncIterable<Buffer | Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
    const temp = join(this.root, 'tmp', `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const handle = await open(temp, 'wx');
    const hash = createHash('sha256');
    const headParts: Buffer[] = [];
    let headSize = 0;
    let tail = Buffer.alloc(0);
    let size = 0;
    try {
      for await (const chunk of source) {
        const buf: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        size += buf.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        hash.update(buf);
        if (headSize < HEAD_BYTES) {
          headParts.push(buf.subarray(0, HEAD_BYTES - headSize));
          headSize += Math.min(buf.length, HEAD_BYTES - headSize);
        }
        tail =
          buf.length >= HEAD_BYTES ? Buffer.from(buf.subarray(buf.length - HEAD_BYTES)) : Buffer.concat([tail, buf]).subarray(-HEAD_BYTES);
        await handle.write(buf);
      }
      await handle.sync();
      await handle.close();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw err;
    }
    const sha256 = hash.digest('hex');
    const final = this.path(sha256);
    if (existsSync(final)) await rm(temp, { force: true });
    else {
      mkdirSync(join(final, '..'), { recursive: true });
      await rename(temp, final);
    }
    return { sha256, size, head: Buffer.concat(headParts), tail };
  }

  /**
   * Bytes made here (an edXML message built inside a write transaction, which cannot wait):
   * written, flushed and renamed into place the same way, synchronously.
   */
  putSync(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const final = this.path(sha256);
    if (existsSync(final)) return sha256;
    const temp = join(this.root, 'tmp', `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    mkdirSync(join(final, '..'), { recursive: true });
    try {
      renameSync(temp, final);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    return sha256;
  }

  readSync(sha256: string): Uint8Array {
    return readFileSync(this.path(sha256));
  }

  /** Whether the bytes on disk still hash to their name. */
  async verify(sha256: string): Promise<boolean> {
    const file = this.path(sha256);
    if (!existsSync(file)) return false;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256;
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.path(sha256))).size;
  }

  /** The first and last bytes of a stored file: enough to tell what it is (fileType.ts). */
  async ends(sha256: string): Promise<{ head: Buffer; tail: Buffer }> {
    const handle = await open(this.path(sha256), 'r');
    try {
      const { size } = await handle.stat();
      const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
      await handle.read(head, 0, head.length, 0);
      const tail = Buffer.alloc(Math.min(HEAD_BYTES, size));
      await handle.read(tail, 0, tail.length, size - tail.length);
      return { head, tail };
    } finally {
      await handle.close();
    }
  }

  read(sha256: string): Readable {
    return createReadStream(this.path(sha256));
  }

  async readAll(sha256: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const c of this.read(sha256)) chunks.push(c as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }
}
