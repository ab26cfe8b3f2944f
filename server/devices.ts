// Enrollment (a one-time code → a device and its token) and the token check of every call.
import { randomUUID } from 'node:crypto';
import type { EnrollRequest, EnrollResponse } from '../shared/sync/protocol.js';
import type { ServerDb } from './db.js';
import { SyncError } from './errors.js';
import { hashEnrollCode, hashToken, newToken } from './tokens.js';

export interface Device {
  id: string;
  unitId: string;
  /** The device part its HLCs must carry, or null (enrolled before devices told it). */
  clockId: string | null;
}

export async function enroll(db: ServerDb, req: EnrollRequest, now = new Date()): Promise<EnrollResponse> {
  return db.tx(async (sql) => {
    const [code] = await sql.query<{ unit_id: string; expires_at: Date; used_at: Date | null }>(
      `SELECT unit_id, expires_at, used_at FROM enroll_codes WHERE code_hash = $1 FOR UPDATE`,
      [hashEnrollCode(req.code)],
    );
    if (!code || code.used_at || new Date(code.expires_at).getTime() < now.getTime()) {
      throw new SyncError(
        'ENROLL_CODE',
        'Mã đăng ký không đúng, đã được dùng hoặc đã hết hạn (mỗi mã dùng một lần trong 7 ngày). Hãy xin quản trị máy chủ một mã mới.',
      );
    }
    const [unit] = await sql.query<{ id: string; code: string; name: string; seq: string; root_key: string | null }>(
      `SELECT id, code, name, seq, root_key FROM units WHERE id = $1`,
      [code.unit_id],
    );
    if (!unit) throw new SyncError('ENROLL_CODE', 'Đơn vị của mã đăng ký này không còn trên máy chủ.');
    const maxSeq = Number(unit.seq);
    if (req.hasData && maxSeq > 0) {
      throw new SyncError(
        'UNIT_HAS_DATA',
        `Đơn vị "${unit.name}" trên máy chủ đã có dữ liệu từ máy khác, mà máy này cũng đã có dữ liệu riêng nên không thể gộp. ` +
          'Hãy kết nối từ một máy mới cài (chưa thiết lập): dữ liệu của đơn vị sẽ được tải về. Mã đăng ký vẫn dùng được.',
      );
    }
    const id = randomUUID();
    const token = newToken();
    await sql.query(`INSERT INTO devices (id, unit_id, name, token_hash, clock_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      unit.id,
      req.deviceName.normalize('NFC'),
      hashToken(token),
      req.clockId ?? null,
      now,
    ]);
    await sql.query(`UPDATE enroll_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1`, [hashEnrollCode(req.code), now, id]);
    return {
      deviceId: id,
      token,
      unit: { id: unit.id, code: unit.code, name: unit.name },
      rootKey: unit.root_key,
      serverId: db.serverId,
      maxSeq,
    };
  });
}

const NOT_ENROLLED = 'Máy này chưa được cấp quyền đồng bộ hoặc quyền đã bị thu hồi. Hãy xin quản trị một mã đăng ký mới và kết nối lại.';

export async function authenticate(db: ServerDb, header: string | undefined): Promise<Device> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
  if (!m) throw new SyncError('UNAUTHENTICATED', NOT_ENROLLED);
  const [d] = await db.query<{ id: string; unit_id: string; clock_id: string | null; revoked_at: Date | null }>(
    `SELECT id, unit_id, clock_id, revoked_at FROM devices WHERE token_hash = $1`,
    [hashToken(m[1]!)],
  );
  if (!d || d.revoked_at) throw new SyncError('UNAUTHENTICATED', NOT_ENROLLED);
  return { id: d.id, unitId: d.unit_id, clockId: d.clock_id };
}

export async function touchDevice(db: ServerDb, device: Device): Promise<void> {
  await db.query(`UPDATE devices SET last_seen_at = now() WHERE id = $1`, [device.id]);
}
