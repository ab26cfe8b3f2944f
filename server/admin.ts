// Administration of the endpoint (npm run server -- admin …): units, one-time enrollment
// codes, devices. The same functions serve the CLI and the tests.
import { randomUUID } from 'node:crypto';
import type { ServerDb } from './db.js';
import { SyncError } from './errors.js';
import { hashEnrollCode, newEnrollCode } from './tokens.js';
import { REFORM_KINDS, REFORM_LABELS, isReformKind, type ReformKind } from '../shared/domain/reform.js';
import { formatDate, isRealDate } from '../shared/text/dates.js';

export const ENROLL_CODE_DAYS = 7;

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export async function createUnit(db: ServerDb, input: { code: string; name: string; parent?: string }): Promise<UnitRow> {
  const code = input.code.trim();
  if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(code))
    throw new SyncError('BAD_REQUEST', 'Mã đơn vị chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 40 ký tự).');
  if (!input.name.trim()) throw new SyncError('BAD_REQUEST', 'Cần tên đơn vị.');
  let parentId: string | null = null;
  if (input.parent) parentId = (await findUnit(db, input.parent)).id;
  const [existing] = await db.query(`SELECT 1 FROM units WHERE code = $1`, [code]);
  if (existing) throw new SyncError('BAD_REQUEST', `Đã có đơn vị mã ${code}.`);
  const id = randomUUID();
  await db.query(`INSERT INTO units (id, code, name, parent_id) VALUES ($1, $2, $3, $4)`, [
    id,
    code,
    input.name.trim().normalize('NFC'),
    parentId,
  ]);
  return { id, code, name: input.name.trim().normalize('NFC'), parentId };
}

export async function findUnit(db: ServerDb, codeOrId: string): Promise<UnitRow & { successorId: string | null; endedOn: string | null }> {
  const [u] = await db.query<{
    id: string;
    code: string;
    name: string;
    parent_id: string | null;
    successor_id: string | null;
    ended_on: string | null;
  }>(`SELECT id, code, name, parent_id, successor_id, ended_on FROM units WHERE code = $1 OR id = $1`, [codeOrId]);
  if (!u) throw new SyncError('NOT_FOUND', `Không có đơn vị ${codeOrId} trên máy chủ này.`);
  return { id: u.id, code: u.code, name: u.name, parentId: u.parent_id, successorId: u.successor_id, endedOn: u.ended_on };
}

/**
 * Tổ chức lại: `from` merged into, joined into, split towards or dissolved into `into`, which
 * takes its records over (the desktop's Tiếp nhận đơn vị) and may write the rows it held. The
 * units under `from` go under `into`, so the supervising office's reports follow the new tree;
 * `from`'s devices stop sending and no new one enrols.
 */
export async function reorganiseUnit(
  db: ServerDb,
  input: { kind: string; from: string; into: string; effectiveDate: string; parent?: string | undefined },
): Promise<{ from: UnitRow; into: UnitRow; children: number }> {
  if (!isReformKind(input.kind))
    throw new SyncError(
      'BAD_REQUEST',
      `Hình thức tổ chức lại phải là một trong: ${REFORM_KINDS.map((k) => `${k} (${REFORM_LABELS[k]})`).join(', ')}.`,
    );
  const kind: ReformKind = input.kind;
  if (!isRealDate(input.effectiveDate))
    throw new SyncError('BAD_REQUEST', `Ngày hiệu lực “${input.effectiveDate}” không đúng (dạng năm-tháng-ngày, ví dụ 2025-07-01).`);
  const from = await findUnit(db, input.from);
  const into = await findUnit(db, input.into);
  if (from.id === into.id) throw new SyncError('BAD_REQUEST', `Không thể tổ chức lại đơn vị ${from.code} vào chính nó.`);
  if (from.successorId)
    throw new SyncError('BAD_REQUEST', `Đơn vị ${from.code} đã được tổ chức lại từ ngày ${formatDate(from.endedOn)}; không làm lại được.`);
  if (into.successorId) {
    const next = await findUnit(db, into.successorId);
    throw new SyncError('BAD_REQUEST', `Đơn vị ${into.code} đã được tổ chức lại vào ${next.code}; hãy chọn ${next.code}.`);
  }
  const parent = input.parent ? await findUnit(db, input.parent) : null;
  if (parent && (parent.id === into.id || parent.id === from.id || parent.successorId))
    throw new SyncError('BAD_REQUEST', `Đơn vị cấp trên ${parent.code} không hợp lệ cho ${into.code}.`);
  return db.tx(async (sql) => {
    await sql.query(`UPDATE units SET successor_id = $2, ended_on = $3, reform = $4 WHERE id = $1`, [
      from.id,
      into.id,
      input.effectiveDate,
      kind,
    ]);
    const moved = await sql.query(`UPDATE units SET parent_id = $2 WHERE parent_id = $1 AND id <> $2 RETURNING id`, [from.id, into.id]);
    if (parent) await sql.query(`UPDATE units SET parent_id = $2 WHERE id = $1`, [into.id, parent.id]);
    return { from, into: parent ? { ...into, parentId: parent.id } : into, children: moved.length };
  });
}

export async function listUnits(
  db: ServerDb,
): Promise<(UnitRow & { devices: number; changes: number; successor: string | null; endedOn: string | null })[]> {
  const rows = await db.query<{
    id: string;
    code: string;
    name: string;
    parent_id: string | null;
    devices: string;
    seq: string;
    successor: string | null;
    ended_on: string | null;
  }>(
    `SELECT u.id, u.code, u.name, u.parent_id, u.seq, s.code AS successor, u.ended_on,
       (SELECT count(*) FROM devices d WHERE d.unit_id = u.id AND d.revoked_at IS NULL) AS devices
     FROM units u LEFT JOIN units s ON s.id = u.successor_id ORDER BY u.code`,
  );
  return rows.map((u) => ({
    id: u.id,
    code: u.code,
    name: u.name,
    parentId: u.parent_id,
    devices: Number(u.devices),
    changes: Number(u.seq),
    successor: u.successor,
    endedOn: u.ended_on,
  }));
}

/** A one-time code for a unit's next device; valid 7 days. */
export async function createEnrollCode(
  db: ServerDb,
  unit: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date; unit: UnitRow }> {
  const u = await findUnit(db, unit);
  if (u.successorId) {
    const next = await findUnit(db, u.successorId);
    throw new SyncError(
      'BAD_REQUEST',
      `Đơn vị ${u.code} đã được tổ chức lại vào ${next.code} từ ngày ${formatDate(u.endedOn)}; hãy đăng ký máy cho ${next.code}.`,
    );
  }
  const code = newEnrollCode();
  const expiresAt = new Date(now.getTime() + ENROLL_CODE_DAYS * 86_400_000);
  await db.query(`INSERT INTO enroll_codes (code_hash, unit_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`, [
    hashEnrollCode(code),
    u.id,
    now,
    expiresAt,
  ]);
  return { code, expiresAt, unit: u };
}

export async function revokeDevice(db: ServerDb, deviceId: string): Promise<{ id: string; name: string }> {
  const [d] = await db.query<{ id: string; name: string }>(
    `UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id, name`,
    [deviceId],
  );
  if (!d) throw new SyncError('NOT_FOUND', `Không có máy ${deviceId} đang hoạt động.`);
  return d;
}

export async function listDevices(
  db: ServerDb,
  unit?: string,
): Promise<{ id: string; unit: string; name: string; lastSeenAt: Date | null; revokedAt: Date | null }[]> {
  const unitId = unit ? (await findUnit(db, unit)).id : null;
  const rows = await db.query<{ id: string; code: string; name: string; last_seen_at: Date | null; revoked_at: Date | null }>(
    `SELECT d.id, u.code, d.name, d.last_seen_at, d.revoked_at FROM devices d JOIN units u ON u.id = d.unit_id WHERE $1::text IS NULL OR d.unit_id = $1 ORDER BY u.code, d.created_at`,
    [unitId],
  );
  return rows.map((d) => ({ id: d.id, unit: d.code, name: d.name, lastSeenAt: d.last_seen_at, revokedAt: d.revoked_at }));
}
