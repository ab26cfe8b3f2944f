// GET /v1/reports/summary: the desktop's summary report (db/reports/reports.ts), computed over the
// rows every unit has pushed, for the asking device's unit and the units under it.
import { foldReport, sumRows, type CountedGroup, type Report, type ReportRow } from '../shared/api/reports.js';
import { officeDate } from '../shared/text/dates.js';
import { formerUnitLabel } from '../shared/domain/reform.js';
import type { ServerDb } from './db.js';
import type { Device } from './devices.js';
import { SyncError } from './errors.js';

const d = (f: string) => `(d.data->>'${f}')`;

const GROUP_SQL: Record<Report['groupBy'], { key: string; label: string; join: string }> = {
  type: {
    key: d('type_code'),
    label: `coalesce(t.data->>'name', ${d('type_code')})`,
    join: `LEFT JOIN rows t ON t.unit_id = d.unit_id AND t.table_name = 'doc_types' AND t.data->>'code' = ${d('type_code')} AND t.data->>'deleted_at' IS NULL`,
  },
  agency: {
    key: `CASE WHEN ${d('kind')} = 'incoming' THEN ${d('agency_key')} ELSE '~' END`,
    label: `CASE WHEN ${d('kind')} = 'incoming' THEN ${d('agency_name')} ELSE 'Văn bản đi của cơ quan' END`,
    join: '',
  },
  department: {
    key: `CASE WHEN ${d('kind')} = 'outgoing' THEN '~out' ELSE coalesce(lead.data->>'department_id', '-') END`,
    label: `coalesce(dep.data->>'name', CASE WHEN ${d('kind')} = 'outgoing' THEN 'Văn bản đi' ELSE 'Chưa giao' END)`,
    join: `LEFT JOIN rows dep ON dep.unit_id = d.unit_id AND dep.table_name = 'departments' AND dep.row_id = lead.data->>'department_id'`,
  },
  month: {
    key: `substr(${d('received_date')}, 1, 7)`,
    label: `substr(${d('received_date')}, 6, 2) || '/' || substr(${d('received_date')}, 1, 4)`,
    join: '',
  },
};

export interface UnitReport {
  unit: { id: string; code: string; name: string };
  rows: ReportRow[];
  total: ReportRow;
}

export interface SummaryReport {
  from: string;
  to: string;
  groupBy: Report['groupBy'];
  units: UnitReport[];
  total: ReportRow;
}

export async function summary(
  db: ServerDb,
  device: Device,
  input: { unit?: string; from: string; to: string; groupBy: Report['groupBy'] },
  now = new Date(),
): Promise<SummaryReport> {
  // The tree as it stands: the units under this one, and those reorganised into any of them
  // (their documents not yet taken over still count, under their old names).
  const tree = await db.query<{ id: string; code: string; name: string; reform: string | null; ended_on: string | null }>(
    `WITH RECURSIVE tree AS (SELECT id, code, name, successor_id, reform, ended_on FROM units WHERE id = $1
       UNION SELECT u.id, u.code, u.name, u.successor_id, u.reform, u.ended_on FROM units u JOIN tree ON (u.parent_id = tree.id AND u.successor_id IS NULL) OR u.successor_id = tree.id)
     SELECT id, code, name, reform, ended_on FROM tree ORDER BY successor_id IS NOT NULL, code`,
    [device.unitId],
  );
  const allowed = tree.map((u) => ({
    id: u.id,
    code: u.code,
    name: formerUnitLabel({ name: u.name, reform: u.reform, endedOn: u.ended_on }),
  }));
  let units = allowed;
  if (input.unit) {
    units = allowed.filter((u) => u.code === input.unit || u.id === input.unit);
    if (units.length === 0)
      throw new SyncError(
        'FORBIDDEN',
        `Tài khoản này không xem được báo cáo của đơn vị ${input.unit} (chỉ đơn vị mình và các đơn vị trực thuộc).`,
      );
  }
  const g = GROUP_SQL[input.groupBy];
  const today = officeDate(now);
  const counted = await db.query<CountedGroup & { unit_id: string }>(
    `SELECT d.unit_id, ${g.key} AS key, ${g.label} AS label, ${d('kind')} AS kind, count(*) AS n,
       sum(CASE WHEN ${d('kind')} = 'incoming' AND ${d('status')} = 'hoan_thanh' AND (lead.data->>'deadline' IS NULL OR substr(${d('completed_at')}, 1, 10) <= lead.data->>'deadline') THEN 1 ELSE 0 END) AS on_time,
       sum(CASE WHEN ${d('kind')} = 'incoming' AND ${d('status')} = 'hoan_thanh' AND lead.data->>'deadline' IS NOT NULL AND substr(${d('completed_at')}, 1, 10) > lead.data->>'deadline' THEN 1 ELSE 0 END) AS late,
       sum(CASE WHEN ${d('kind')} = 'incoming' AND ${d('status')} NOT IN ('hoan_thanh', 'tra_lai', 'thu_hoi') AND (coalesce(lead.data->>'deadline', ${d('deadline')}) IS NULL OR coalesce(lead.data->>'deadline', ${d('deadline')}) >= $4) THEN 1 ELSE 0 END) AS open,
       sum(CASE WHEN ${d('kind')} = 'incoming' AND ${d('status')} NOT IN ('hoan_thanh', 'tra_lai', 'thu_hoi') AND coalesce(lead.data->>'deadline', ${d('deadline')}) < $4 THEN 1 ELSE 0 END) AS overdue
     FROM rows d
     LEFT JOIN rows lead ON lead.unit_id = d.unit_id AND lead.table_name = 'tasks' AND lead.data->>'document_id' = d.row_id AND lead.data->>'role' = 'chu_tri' AND lead.data->>'deleted_at' IS NULL
     ${g.join}
     JOIN units du ON du.id = d.unit_id
     WHERE d.table_name = 'documents' AND d.unit_id IN (SELECT jsonb_array_elements_text($1::jsonb))
       AND (du.successor_id IS NULL OR NOT EXISTS (SELECT 1 FROM rows o WHERE o.unit_id = du.successor_id AND o.table_name = 'documents' AND o.row_id = d.row_id))
       AND ${d('received_date')} BETWEEN $2 AND $3 AND ${d('kind')} IN ('incoming', 'outgoing') AND d.data->>'deleted_at' IS NULL
     GROUP BY 1, 2, 3, 4`,
    [JSON.stringify(units.map((u) => u.id)), input.from, input.to, today],
  );
  const perUnit: UnitReport[] = units.map((u) => ({
    unit: u,
    ...foldReport(
      counted.filter((c) => c.unit_id === u.id),
      input.groupBy,
    ),
  }));
  return { from: input.from, to: input.to, groupBy: input.groupBy, units: perUnit, total: sumRows(perUnit.map((u) => u.total)) };
}
