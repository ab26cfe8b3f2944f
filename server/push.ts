// POST /v1/push: a batch of a device's outbox. Idempotent by change id; each new change gets
// the unit's next sequence number and is folded into `rows` field by field (last writer wins
// by HLC). The unit's row is locked for the batch, so sequence numbers become visible in order
// and a pull never skips a change committed late.
import { MAX_CLOCK_AHEAD_MS, UNIT_KEYED_TABLES, type Change, type Clash, type PushResponse } from '../shared/sync/protocol.js';
import { readHlc } from '../shared/sync/hlc.js';
import type { ServerDb, Sql } from './db.js';
import type { Device } from './devices.js';
import { SyncError } from './errors.js';
import { placeNumbers } from './numbers.js';
import { checkAuthority } from './signatures.js';
import { isWellFormed } from '../shared/text/cleanText.js';
import { formatDate } from '../shared/text/dates.js';

type Fields = Record<string, unknown>;

export async function push(db: ServerDb, device: Device, changes: Change[], now = new Date()): Promise<PushResponse> {
  refuseClockSkew(changes, now);
  refuseOthersClocks(changes, device);
  return db.tx(async (sql) => {
    const [unit] = await sql.query<{ seq: string; root_key: string | null; successor: string | null; ended_on: string | null }>(
      `SELECT u.seq, u.root_key, s.name AS successor, u.ended_on FROM units u LEFT JOIN units s ON s.id = u.successor_id WHERE u.id = $1 FOR UPDATE OF u`,
      [device.unitId],
    );
    if (!unit) throw new SyncError('UNAUTHENTICATED', 'Đơn vị của máy này không còn trên máy chủ.');
    if (unit.successor)
      throw new SyncError(
        'FORBIDDEN',
        `Đơn vị của máy này đã được tổ chức lại vào ${unit.successor} từ ngày ${formatDate(unit.ended_on)}: máy chủ không nhận dữ liệu mới của đơn vị cũ. ` +
          'Hãy sao lưu dữ liệu trên máy này để đơn vị tiếp nhận nhận lại.',
      );
    let seq = Number(unit.seq);
    const ids = changes.map((c) => c.changeId);
    const known = new Set(
      (await sql.query<{ change_id: string }>(`SELECT change_id FROM changes WHERE change_id = ANY($1::text[])`, [ids])).map(
        (r) => r.change_id,
      ),
    );
    const unchecked: Change[] = [];
    for (const c of changes) {
      if (known.has(c.changeId)) continue;
      known.add(c.changeId);
      unchecked.push(c);
    }
    // Text PostgreSQL cannot hold, and authority changes not signed by someone who may make
    // them, are refused by name (the device sets them aside); the rest of the batch goes on.
    const illFormed = unchecked.filter((c) => badField(c) !== null);
    const checked = await checkAuthority(
      sql,
      device.unitId,
      unit.root_key,
      unchecked.filter((c) => badField(c) === null),
    );
    checked.refused.push(
      ...illFormed.map((c) => ({
        changeId: c.changeId,
        reason: `Trường “${badField(c)}” có ký tự không hợp lệ (ký tự NUL hoặc nửa ký tự), máy chủ không lưu được.`,
      })),
    );
    const fresh = checked.accepted;
    if (checked.newRoot) await sql.query(`UPDATE units SET root_key = $2 WHERE id = $1`, [device.unitId, checked.newRoot]);
    let clashes: Clash[] = [];
    if (fresh.length > 0) {
      const held = await rowsOf(sql, fresh);
      await refuseOtherUnitsRows(sql, held, device.unitId);
      const numbered = fresh.map((c) => ({
        seq: ++seq,
        change_id: c.changeId,
        hlc: c.hlc,
        t: c.table,
        r: c.rowId,
        f: c.fields,
        sb: c.signedBy ?? null,
        sg: c.signature ?? null,
      }));
      await sql.query(
        `INSERT INTO changes (unit_id, seq, change_id, device_id, hlc, table_name, row_id, fields, signed_by, signature)
         SELECT $1, x.seq, x.change_id, $2, x.hlc, x.t, x.r, x.f, x.sb, x.sg FROM json_to_recordset($3::json) AS x(seq bigint, change_id text, hlc text, t text, r text, f json, sb text, sg text)`,
        [device.unitId, device.id, JSON.stringify(numbered)],
      );
      await sql.query(`UPDATE units SET seq = $2 WHERE id = $1`, [device.unitId, seq]);
      const placed = await foldIntoRows(
        sql,
        device.unitId,
        fresh,
        held.filter((r) => r.unit_id === device.unitId),
      );
      clashes = await placeNumbers(sql, device.unitId, placed);
    }
    const refused = new Set(checked.refused.map((r) => r.changeId));
    return { held: ids.filter((id) => !refused.has(id)), refused: checked.refused, clashes, serverId: db.serverId, maxSeq: seq };
  });
}

/** The first field whose text no store can hold (NUL, a lone surrogate), or null. */
function badField(c: Change): string | null {
  for (const [field, value] of Object.entries(c.fields)) if (typeof value === 'string' && !isWellFormed(value)) return field;
  return null;
}

/** A device stamps with its own clock: a change stamped as another device's would win in its name. */
function refuseOthersClocks(changes: Change[], device: Device): void {
  if (!device.clockId) return;
  const foreign = changes.find((c) => readHlc(c.hlc)?.deviceId !== device.clockId);
  if (foreign) {
    throw new SyncError('BAD_REQUEST', `Thay đổi ${foreign.changeId} mang mốc thời gian của một máy khác; máy chủ không nhận.`, {
      changeId: foreign.changeId,
    });
  }
}

function refuseClockSkew(changes: Change[], now: Date): void {
  let ahead = 0;
  for (const c of changes) {
    const stamp = readHlc(c.hlc);
    // The request schema read every stamp already; this names the change if one slipped through.
    if (!stamp)
      throw new SyncError('BAD_REQUEST', `Thay đổi ${c.changeId.slice(0, 64)} có mốc thời gian không hợp lệ.`, { changeId: c.changeId });
    const at = stamp.millis;
    if (at - now.getTime() > MAX_CLOCK_AHEAD_MS) ahead = Math.max(ahead, at - now.getTime());
  }
  if (ahead === 0) return;
  const minutes = Math.round(ahead / 60_000);
  const size = minutes >= 90 ? `${Math.round(minutes / 60)} giờ` : `${minutes} phút`;
  throw new SyncError(
    'CLOCK_SKEW',
    `Đồng hồ của máy tính này chạy nhanh hơn giờ máy chủ khoảng ${size}. Hãy chỉnh lại ngày giờ của máy (Cài đặt → Thời gian → Đặt giờ tự động) rồi bấm "Đồng bộ ngay". Các thay đổi vẫn được giữ nguyên trên máy.`,
    { aheadMs: ahead, serverTime: now.toISOString() },
  );
}

interface HeldRow {
  unit_id: string;
  table_name: string;
  row_id: string;
  data: Fields;
  base: string;
  clocks: Record<string, string>;
  hlc: string;
}

/** The rows a batch touches, every unit's (settings keys repeat across units). */
async function rowsOf(sql: Sql, changes: Change[]): Promise<HeldRow[]> {
  const wanted = new Set(changes.map((c) => `${c.table}\u0000${c.rowId}`));
  // One index probe per id (LATERAL): a plain = ANY() was planned as a scan of every row while the
  // table's statistics lagged behind its growth.
  const rows = await sql.query<HeldRow>(
    `SELECT r.unit_id, r.table_name, r.row_id, r.data, r.base, r.clocks, r.hlc FROM unnest($1::text[]) AS x(id) CROSS JOIN LATERAL (SELECT * FROM rows WHERE row_id = x.id OFFSET 0) r`,
    [[...new Set(changes.map((c) => c.rowId))]],
  );
  return rows.filter((r) => wanted.has(`${r.table_name}\u0000${r.row_id}`));
}

/**
 * A UUIDv7 row already held for another unit is not this device's to write — unless that unit was
 * reorganised into this one (admin reorganise): the successor takes its rows over as its own.
 */
async function refuseOtherUnitsRows(sql: Sql, held: HeldRow[], unitId: string): Promise<void> {
  const foreign = held.filter((r) => r.unit_id !== unitId && !UNIT_KEYED_TABLES.has(r.table_name));
  // Asked only when such a row is met: the push of an ordinary batch costs no more than before.
  if (foreign.length === 0) return;
  const mine = new Set(await takenOver(sql, unitId));
  if (foreign.some((r) => !mine.has(r.unit_id))) {
    throw new SyncError(
      'FORBIDDEN',
      'Gói đồng bộ có dữ liệu thuộc một đơn vị khác trên máy chủ; máy này không được ghi vào đó. Không thay đổi nào của gói được nhận. ' +
        'Nếu đơn vị vừa tiếp nhận một đơn vị cũ, quản trị máy chủ cần ghi nhận việc tổ chức lại trước (lệnh admin reorganise).',
    );
  }
}

/** The units whose records passed to this one, however many reorganisations back. */
async function takenOver(sql: Sql, unitId: string): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `WITH RECURSIVE old AS (SELECT id FROM units WHERE successor_id = $1 UNION SELECT u.id FROM units u JOIN old ON u.successor_id = old.id) SELECT id FROM old`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

export interface PlacedDocument {
  documentId: string;
  bookId: string;
  year: number;
  number: number;
}

/** Field-level last writer wins into `rows`; answers the documents whose number may have moved. */
async function foldIntoRows(sql: Sql, unitId: string, changes: Change[], current: HeldRow[]): Promise<PlacedDocument[]> {
  const merged = new Map<string, { t: string; r: string; d: Fields; b: string; c: Record<string, string>; h: string; fresh: boolean }>();
  for (const row of current)
    merged.set(`${row.table_name}\u0000${row.row_id}`, {
      t: row.table_name,
      r: row.row_id,
      d: { ...row.data },
      b: row.base,
      c: { ...row.clocks },
      h: row.hlc,
      fresh: false,
    });
  const numbersTouched = new Set<string>();
  for (const c of changes) {
    const key = `${c.table}\u0000${c.rowId}`;
    let row = merged.get(key);
    const created = !row;
    if (!row) {
      row = { t: c.table, r: c.rowId, d: {}, b: c.hlc, c: {}, h: c.hlc, fresh: true };
      merged.set(key, row);
    }
    for (const [field, value] of Object.entries(c.fields)) {
      const clock = field in row.d ? (row.c[field] ?? row.b) : '';
      if (clock < c.hlc || created) {
        row.d[field] = value;
        // The creating change's columns keep the base clock: no entry needed.
        if (!created) row.c[field] = c.hlc;
        if (c.table === 'documents' && (field === 'book_id' || field === 'year' || field === 'number')) numbersTouched.add(key);
      }
    }
    if (row.h < c.hlc) row.h = c.hlc;
  }
  await sql.query(
    `INSERT INTO rows (unit_id, table_name, row_id, data, base, clocks, hlc)
     SELECT $1, x.t, x.r, x.d, x.b, x.c, x.h FROM json_to_recordset($2::json) AS x(t text, r text, d jsonb, b text, c jsonb, h text)
     ON CONFLICT (unit_id, table_name, row_id) DO UPDATE SET data = excluded.data, clocks = excluded.clocks, hlc = excluded.hlc`,
    [unitId, JSON.stringify([...merged.values()].map(({ t, r, d, b, c, h }) => ({ t, r, d, b, c, h })))],
  );
  const placed: PlacedDocument[] = [];
  for (const key of numbersTouched) {
    const d = merged.get(key)!.d;
    if (typeof d.book_id === 'string' && typeof d.year === 'number' && typeof d.number === 'number') {
      placed.push({ documentId: merged.get(key)!.r, bookId: d.book_id, year: d.year, number: d.number });
    }
  }
  return placed;
}
