// Attachments by sha256: PUT streams the bytes in 1 MiB chunks under a temporary key and keeps
// them only if they hash to the name; GET streams them back; HEAD tells a desktop to skip a file
// the server already holds for its unit.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ServerDb } from './db.js';
import type { Device } from './devices.js';
import { SyncError } from './errors.js';

const CHUNK = 1024 * 1024;

export async function fileSize(db: ServerDb, device: Device, sha: string): Promise<number | null> {
  const [f] = await db.query<{ size: string }>(
    `SELECT f.size FROM files f JOIN unit_files u ON u.sha256 = f.sha256 AND u.unit_id = $1 WHERE f.sha256 = $2`,
    [device.unitId, sha],
  );
  return f ? Number(f.size) : null;
}

export async function storeFile(
  db: ServerDb,
  device: Device,
  sha: string,
  body: AsyncIterable<Buffer>,
  maxBytes: number,
): Promise<{ size: number; stored: boolean }> {
  const key = `tmp:${randomUUID()}`;
  const hash = createHash('sha256');
  let size = 0;
  let idx = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const flush = async () => {
    if (pendingSize === 0) return;
    await db.query(`INSERT INTO file_chunks (key, idx, data) VALUES ($1, $2, $3)`, [key, idx++, Buffer.concat(pending, pendingSize)]);
    pending = [];
    pendingSize = 0;
  };
  try {
    for await (const part of body) {
      size += part.length;
      if (size > maxBytes) throw new SyncError('TOO_LARGE', `Tệp lớn hơn giới hạn ${Math.round(maxBytes / 1024 / 1024)} MB của máy chủ.`);
      hash.update(part);
      pending.push(part);
      pendingSize += part.length;
      if (pendingSize >= CHUNK) await flush();
    }
    await flush();
    const actual = hash.digest('hex');
    if (actual !== sha)
      throw new SyncError('HASH_MISMATCH', 'Tệp nhận được không khớp mã băm SHA-256 (hỏng trên đường truyền); máy sẽ gửi lại.', {
        expected: sha,
        actual,
      });
    return await db.tx(async (sql) => {
      const [known] = await sql.query(`SELECT 1 FROM files WHERE sha256 = $1 FOR UPDATE`, [sha]);
      if (known) await sql.query(`DELETE FROM file_chunks WHERE key = $1`, [key]);
      else {
        await sql.query(`UPDATE file_chunks SET key = $2 WHERE key = $1`, [key, sha]);
        await sql.query(`INSERT INTO files (sha256, size) VALUES ($1, $2)`, [sha, size]);
      }
      await sql.query(`INSERT INTO unit_files (unit_id, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [device.unitId, sha]);
      return { size, stored: !known };
    });
  } catch (err) {
    await db.query(`DELETE FROM file_chunks WHERE key = $1`, [key]).catch(() => {});
    throw err;
  }
}

export function readFile(db: ServerDb, sha: string): Readable {
  return Readable.from(
    (async function* () {
      for (let idx = 0; ; idx++) {
        const [c] = await db.query<{ data: Uint8Array }>(`SELECT data FROM file_chunks WHERE key = $1 AND idx = $2`, [sha, idx]);
        if (!c) return;
        yield Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength);
      }
    })(),
  );
}
