// GET /v1/pull: the unit's changes after a cursor, in sequence order, without the asking
// device's own (the cursor still moves past them). The stored JSON of each change's fields is
// passed through as it is: no parse and re-serialise of what the server never reads here.
import type { ServerDb } from './db.js';
import type { Device } from './devices.js';

export const MAX_PULL_LIMIT = 5000;

/** The answer, as JSON text (PullResponse). */
export async function pull(db: ServerDb, device: Device, after: number, limit: number): Promise<string> {
  // The unit's last number first: a change committed after this read waits for the next pull.
  const [unit] = await db.query<{ seq: string }>(`SELECT seq FROM units WHERE id = $1`, [device.unitId]);
  const maxSeq = Number(unit?.seq ?? 0);
  const rows = await db.query<{
    seq: string;
    change_id: string;
    device_id: string;
    hlc: string;
    table_name: string;
    row_id: string;
    fields: string;
    signed_by: string | null;
    signature: string | null;
  }>(
    `SELECT seq, change_id, device_id, hlc, table_name, row_id, fields::text AS fields, signed_by, signature FROM changes
     WHERE unit_id = $1 AND seq > $2 AND seq <= $3 AND device_id <> $4 ORDER BY seq LIMIT $5`,
    [device.unitId, after, maxSeq, device.id, limit],
  );
  const more = rows.length === limit;
  const next = more ? Number(rows[rows.length - 1]!.seq) : Math.max(after, maxSeq);
  const changes = rows.map(
    (r) =>
      `{"seq":${Number(r.seq)},"changeId":${JSON.stringify(r.change_id)},"deviceId":${JSON.stringify(r.device_id)},"hlc":${JSON.stringify(r.hlc)},"table":${JSON.stringify(r.table_name)},"rowId":${JSON.stringify(r.row_id)},"fields":${r.fields}${r.signature ? `,"signedBy":${JSON.stringify(r.signed_by)},"signature":${JSON.stringify(r.signature)}` : ''}}`,
  );
  return `{"changes":[${changes.join(',')}],"next":${next},"more":${more},"maxSeq":${maxSeq},"serverId":${JSON.stringify(db.serverId)}}`;
}
