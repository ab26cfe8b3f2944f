// How edXML messages travel (#18). Every way is one ExchangeTransport: hand a message over,
// list what waits for this office, fetch one, say it was taken. The exchange service neither
// knows nor cares which carried a message, beyond naming it in the register.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { join } from 'node:path';
import { AppError } from '../../shared/api/errors.js';

export type TransportKind = 'file' | 'server' | 'axis';

export interface OutgoingMessage {
  id: string;
  kind: 'package' | 'status';
  to: string;
  bytes: Uint8Array;
}

export interface WaitingMessage {
  /** Unique per message on this transport (the file's name, the relay's id). */
  id: string;
  name: string;
  /** The sender as the transport knows it (the relay and the axis say; a folder cannot). */
  from: string | null;
  size: number;
  fetch(): Promise<Uint8Array>;
}

export interface ExchangeTransport {
  readonly kind: TransportKind;
  send(m: OutgoingMessage): Promise<void>;
  waiting(): Promise<WaitingMessage[]>;
  taken(ids: string[]): Promise<void>;
}

/**
 * A folder pair: packages written to `out` for an axis client or a USB stick, packages read
 * from `in` (each moved to `in/da-nhan/` once taken, so nothing is read twice or lost).
 */
export class FolderTransport implements ExchangeTransport {
  readonly kind = 'file' as const;
  constructor(
    private readonly outDir: string | null,
    private readonly inDir: string | null,
    private readonly maxBytes: number,
  ) {}

  async send(m: OutgoingMessage): Promise<void> {
    if (!this.outDir) throw new AppError('VALIDATION', 'Chưa chọn thư mục gửi gói tin (Quản trị → Liên thông).');
    await mkdir(this.outDir, { recursive: true });
    const name = `${m.kind === 'status' ? 'trangthai' : 'vanban'}-${m.to}-${m.id}.edxml`;
    const temp = join(this.outDir, `.${name}.${randomUUID()}.tmp`);
    await writeFile(temp, m.bytes);
    await rename(temp, join(this.outDir, name));
  }

  async waiting(): Promise<WaitingMessage[]> {
    if (!this.inDir) return [];
    let names: string[];
    try {
      names = await readdir(this.inDir);
    } catch {
      return [];
    }
    const out: WaitingMessage[] = [];
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.edxml') && !n.startsWith('.')).sort()) {
      const path = join(this.inDir, name);
      const s = await stat(path).catch(() => null);
      if (!s?.isFile()) continue;
      out.push({
        id: name,
        name,
        from: null,
        size: s.size,
        fetch: async () => {
          if (s.size > this.maxBytes) throw new AppError('TOO_LARGE', `Gói tin “${name}” lớn hơn giới hạn nhận.`);
          return readFile(path);
        },
      });
    }
    return out;
  }

  async taken(ids: string[]): Promise<void> {
    if (!this.inDir) return;
    const done = join(this.inDir, 'da-nhan');
    await mkdir(done, { recursive: true });
    for (const id of ids) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await rename(join(this.inDir, id), join(done, `${stamp}-${id}`)).catch(() => {});
    }
  }
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A message's bytes from a stream, refused with `tooBig()` as soon as they pass `max`. */
export async function readLimited(stream: Readable, max: number, tooBig: () => AppError): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      stream.destroy();
      throw tooBig();
    }
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts, size);
}
