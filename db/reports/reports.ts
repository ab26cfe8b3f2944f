// Reports from the registers: counts of incoming and outgoing documents in a period, and how
// the incoming ones were handled (on time, late, still open, overdue), grouped as asked.
// Grouping is done in SQL over the indexed period; nothing counts the whole table.
import { foldReport, type CountedGroup, type Overview, type Report } from '../../shared/api/reports.js';
import { officeDate } from '../../shared/text/dates.js';
import type { Actor } from '../handling/state.js';
import { deadlines } from '../handling/taskReads.js';
import type { Store } from '../core/store.js';

const GROUP_SQL: Record<Report['groupBy'], { key: string; label: string; join: string }> = {
  type: { key: 'd.type_code', label: 'coalesce(t.name, d.type_code)', join: 'LEFT JOIN doc_types t ON t.code = d.type_code' },
  agency: {
    key: "CASE WHEN d.kind = 'incoming' THEN d.agency_key ELSE '~' END",
    label: "CASE WHEN d.kind = 'incoming' THEN d.agency_name ELSE 'Văn bản đi của cơ quan' END",
    join: '',
  },
  department: {
    key: "CASE WHEN d.kind = 'outgoing' THEN '~out' ELSE coalesce(lead.department_id, '-') END",
    label: "coalesce(dep.name, CASE WHEN d.kind = 'outgoing' THEN 'Văn bản đi' ELSE 'Chưa giao' END)",
    join: 'LEFT JOIN departments dep ON dep.id = lead.department_id',
  },
  month: { key: 'substr(d.received_date, 1, 7)', label: "substr(d.received_date, 6, 2) || '/' || substr(d.received_date, 1, 4)", join: '' },
};

export function summaryReport(store: Store, input: { from: string; to: string; groupBy: Report['groupBy'] }): Report {
  const today = officeDate(store.now());
  const g = GROUP_SQL[input.groupBy];
  // The lead task decides on time / late: done by its deadline, done after it, or not done.
  const rows = store.sqlite
    .prepare(
      `SELECT ${g.key} AS key, ${g.label} AS label, d.kind AS kind, count(*) AS n,
         sum(CASE WHEN d.kind = 'incoming' AND d.status = 'hoan_thanh' AND (lead.deadline IS NULL OR substr(d.completed_at, 1, 10) <= lead.deadline) THEN 1 ELSE 0 END) AS on_time,
         sum(CASE WHEN d.kind = 'incoming' AND d.status = 'hoan_thanh' AND lead.deadline IS NOT NULL AND substr(d.completed_at, 1, 10) > lead.deadline THEN 1 ELSE 0 END) AS late,
         sum(CASE WHEN d.kind = 'incoming' AND d.status NOT IN ('hoan_thanh', 'tra_lai', 'thu_hoi') AND (coalesce(lead.deadline, d.deadline) IS NULL OR coalesce(lead.deadline, d.deadline) >= @today) THEN 1 ELSE 0 END) AS open,
         sum(CASE WHEN d.kind = 'incoming' AND d.status NOT IN ('hoan_thanh', 'tra_lai', 'thu_hoi') AND coalesce(lead.deadline, d.deadline) < @today THEN 1 ELSE 0 END) AS overdue
       FROM documents d
       LEFT JOIN tasks lead ON lead.document_id = d.id AND lead.role = 'chu_tri' AND lead.deleted_at IS NULL
       ${g.join}
       WHERE d.kind IN ('incoming', 'outgoing') AND d.received_date BETWEEN @from AND @to AND d.deleted_at IS NULL
       GROUP BY 1, 3`,
    )
    .all({ from: input.from, to: input.to, today }) as CountedGroup[];
  return { from: input.from, to: input.to, groupBy: input.groupBy, ...foldReport(rows, input.groupBy) };
}

export function overview(store: Store, actor: Actor): Overview {
  const today = officeDate(store.now());
  const count = (sql: string, params: Record<string, unknown>) => (store.sqlite.prepare(sql).get(params) as { n: number }).n;
  const d = deadlines(store, actor);
  const byDep = new Map<string, Overview['byDepartment'][number]>();
  const open = store.sqlite
    .prepare(
      `SELECT t.department_id AS id, coalesce(dep.name, 'Cá nhân') AS name, count(*) AS open,
              sum(CASE WHEN t.deadline < @today THEN 1 ELSE 0 END) AS overdue
       FROM tasks t JOIN documents doc ON doc.id = t.document_id AND doc.deleted_at IS NULL
       LEFT JOIN departments dep ON dep.id = t.department_id
       WHERE t.deleted_at IS NULL AND t.status <> 'hoan_thanh' AND t.role <> 'de_biet'
       GROUP BY t.department_id`,
    )
    .all({ today }) as { id: string | null; name: string; open: number; overdue: number }[];
  for (const r of open) byDep.set(r.id ?? '-', { departmentId: r.id, name: r.name, open: r.open, overdue: r.overdue });
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - 13);
  const from = start.toISOString().slice(0, 10);
  const perDay = store.sqlite
    // kind named, so the (kind, received_date) index serves it: not a scan of every document.
    .prepare(
      `SELECT received_date AS date, kind, count(*) AS n FROM documents WHERE kind IN ('incoming', 'outgoing') AND received_date BETWEEN @from AND @today AND deleted_at IS NULL GROUP BY received_date, kind`,
    )
    .all({ from, today }) as { date: string; kind: string; n: number }[];
  const lastDays: Overview['lastDays'] = [];
  for (let i = 0; i < 14; i++) {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    lastDays.push({
      date: day,
      incoming: perDay.find((r) => r.date === day && r.kind === 'incoming')?.n ?? 0,
      outgoing: perDay.find((r) => r.date === day && r.kind === 'outgoing')?.n ?? 0,
    });
  }
  return {
    today,
    incomingToday: count(`SELECT count(*) AS n FROM documents WHERE kind = 'incoming' AND received_date = @today AND deleted_at IS NULL`, {
      today,
    }),
    outgoingToday: count(`SELECT count(*) AS n FROM documents WHERE kind = 'outgoing' AND received_date = @today AND deleted_at IS NULL`, {
      today,
    }),
    awaitingDirection: count(`SELECT count(*) AS n FROM documents WHERE kind = 'incoming' AND status = 'trinh' AND deleted_at IS NULL`, {}),
    dueSoon: d.dueSoon.length,
    overdue: d.overdue.length,
    byDepartment: [...byDep.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
    lastDays,
  };
}
