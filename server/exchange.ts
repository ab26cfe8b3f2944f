// The relay between units: a unit's PC hands over a message for a mã định danh; the server finds
// the unit holding that id — from the units' own admin-signed settings, never from what a device
// says — and keeps the message until that unit's PC takes it. No other unit can list or fetch it.
import { ORGAN_ID_SETTING, type RelayInbox, type RelaySend } from '../shared/sync/exchangeRelay.js';
import type { ServerDb } from './db.js';
import type { Device } from './devices.js';
import { SyncError } from './errors.js';

/** The units whose signed settings give them this mã định danh. */
async function unitsWithOrgan(db: ServerDb, organId: string): Promise<string[]> {
  const found = await db.query<{ unit_id: string }>(
    `SELECT unit_id FROM rows WHERE table_name = 'settings' AND row_id = $1 AND data->>'value' = $2`,
    [ORGAN_ID_SETTING, JSON.stringify(organId)],
  );
  return found.map((r) => r.unit_id);
}

async function organOf(db: ServerDb, unitId: string): Promise<string | null> {
  const [row] = await db.query<{ value: string | null }>(
    `SELECT data->>'value' AS value FROM rows WHERE unit_id = $1 AND table_name = 'settings' AND row_id = $2`,
    [unitId, ORGAN_ID_SETTING],
  );
  if (!row?.value) return null;
  try {
    const v = JSON.parse(row.value) as unknown;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

export async function relaySend(db: ServerDb, d: Device, m: RelaySend): Promise<{ id: string }> {
  const from = await organOf(db, d.unitId);
  if (!from)
    throw new SyncError('FORBIDDEN', 'Đơn vị chưa khai báo mã định danh (Quản trị → Liên thông) hoặc khai báo chưa đồng bộ lên máy chủ.');
  const [file] = await db.query<{ size: string }>(
    `SELECT f.size FROM files f JOIN unit_files u ON u.sha256 = f.sha256 AND u.unit_id = $1 WHERE f.sha256 = $2`,
    [d.unitId, m.sha256],
  );
  if (!file) throw new SyncError('NOT_FOUND', 'Máy chủ chưa có tệp gói tin này của đơn vị (gửi tệp lên trước).');
  const units = await unitsWithOrgan(db, m.to);
  if (units.length === 0)
    throw new SyncError(
      'NOT_FOUND',
      `Trên máy chủ đồng bộ không có đơn vị nào mang mã định danh ${m.to}; hãy gửi qua trục liên thông hoặc thư mục.`,
    );
  if (units.length > 1)
    throw new SyncError(
      'FORBIDDEN',
      `Mã định danh ${m.to} được ${units.length} đơn vị trên máy chủ khai báo; quản trị máy chủ cần xem lại trước khi chuyển.`,
    );
  const to = units[0]!;
  await db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO exchange_relay (id, from_unit_id, from_organ_id, to_unit_id, to_organ_id, kind, sha256, size)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [m.id, d.unitId, from, to, m.to, m.kind, m.sha256, Number(file.size)],
    );
    await tx.query(`INSERT INTO unit_files (unit_id, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [to, m.sha256]);
  });
  return { id: m.id };
}

export async function relayInbox(db: ServerDb, d: Device): Promise<RelayInbox> {
  const rows = await db.query<{ id: string; from_organ_id: string; kind: 'package' | 'status'; sha256: string; size: string }>(
    `SELECT id, from_organ_id, kind, sha256, size FROM exchange_relay
      WHERE to_unit_id = $1 AND taken_at IS NULL ORDER BY created_at, id LIMIT 100`,
    [d.unitId],
  );
  return { messages: rows.map((r) => ({ id: r.id, from: r.from_organ_id, kind: r.kind, sha256: r.sha256, size: Number(r.size) })) };
}

export async function relayTaken(db: ServerDb, d: Device, ids: string[], now: Date): Promise<{ taken: number }> {
  const rows = await db.query<{ id: string }>(
    `UPDATE exchange_relay SET taken_at = $3 WHERE to_unit_id = $1 AND id = ANY($2) AND taken_at IS NULL RETURNING id`,
    [d.unitId, ids, now],
  );
  return { taken: rows.length };
}
