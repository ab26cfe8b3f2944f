// GET /v1/pull: the unit's changes after a cursor, in sequence order, without the asking
// device's own (the cursor still moves past them).
import type { Change, PullResponse } from '../shared/sync/protocol.js';
import type { ServerDb } from './db.js';
import type { Device } from './devices.js';

export const MAX_PULL_LIMIT = 5000;

export async function pull(db: ServerDb, device: Device, after: number, limit: number): Promise<PullResponse> {
  const rows = await db.query<{ seq: string; change_id: string; device_id: string; hlc: string; table_name: string; row_id: string; fields: Change['fields'] }>(
    `SELECT seq, change_id, device_id, hlc, table_name, row_id, fields FROM changes WHERE unit_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [device.unitId, after, limit],
  );
  const [unit] = await db.query<{ seq: string }>(`SELECT seq FROM units WHERE id = $1`, [device.unitId]);
  const maxSeq = Number(unit?.seq ?? 0);
  const last = rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : Math.max(after, 0);
  return {
    changes: rows
      .filter((r) => r.device_id !== device.id)
      .map((r) => ({ seq: Number(r.seq), changeId: r.change_id, deviceId: r.device_id, hlc: r.hlc, table: r.table_name as Change['table'], rowId: r.row_id, fields: r.fields })),
    next: Math.min(last, maxSeq),
    more: rows.length === limit,
    maxSeq,
    serverId: db.serverId,
  };
}
