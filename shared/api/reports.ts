// The office's periodic report (chế độ báo cáo) and the dashboard (Tổng quan).
import { z } from 'zod';
import { isoDate } from './fields.js';

export const REPORT_GROUPS = ['type', 'agency', 'department', 'month'] as const;
export const REPORT_GROUP_LABELS: Record<(typeof REPORT_GROUPS)[number], string> = {
  type: 'Loại văn bản',
  agency: 'Cơ quan ban hành',
  department: 'Đơn vị xử lý',
  month: 'Tháng',
};

export const reportInput = z
  .object({
    from: isoDate('từ ngày'),
    to: isoDate('đến ngày'),
    groupBy: z.enum(REPORT_GROUPS, { error: 'Nhóm theo loại, cơ quan, đơn vị hoặc tháng.' }),
  })
  .refine((r) => r.from <= r.to, { error: 'Từ ngày phải trước đến ngày.', path: ['to'] });

export const reportRow = z.object({
  key: z.string(),
  label: z.string(),
  incoming: z.number().int(),
  outgoing: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportOutput = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(REPORT_GROUPS),
  rows: z.array(reportRow),
  total: reportRow,
});
export type Report = z.infer<typeof reportOutput>;

/**
 * The supervising office's report (from the sync server): the same figures for the office and
 * each unit under it, as the server's tree stands after any reorganisation.
 */
export const unitsReportOutput = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(REPORT_GROUPS),
  units: z.array(
    z.object({ unit: z.object({ id: z.string(), code: z.string(), name: z.string() }), rows: z.array(reportRow), total: reportRow }),
  ),
  total: reportRow,
});
export type UnitsReport = z.infer<typeof unitsReportOutput>;

export const overviewOutput = z.object({
  today: z.string(),
  incomingToday: z.number().int(),
  outgoingToday: z.number().int(),
  awaitingDirection: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  byDepartment: z.array(
    z.object({ departmentId: z.string().nullable(), name: z.string(), open: z.number().int(), overdue: z.number().int() }),
  ),
  lastDays: z.array(z.object({ date: z.string(), incoming: z.number().int(), outgoing: z.number().int() })),
});
export type Overview = z.infer<typeof overviewOutput>;

/** One SQL row of a summary: a group's documents of one kind and how the incoming were handled. */
export interface CountedGroup {
  key: string | null;
  label: string | null;
  kind: string;
  n: number;
  on_time: number;
  late: number;
  open: number;
  overdue: number;
}

/** SQL rows → the report's rows and total: the desktop's report and the server's, alike. */
export function foldReport(counted: CountedGroup[], groupBy: Report['groupBy']): { rows: ReportRow[]; total: ReportRow } {
  const byKey = new Map<string, ReportRow>();
  for (const r of counted) {
    const key = r.key ?? '-';
    const row = byKey.get(key) ?? { key, label: r.label ?? key, incoming: 0, outgoing: 0, onTime: 0, late: 0, open: 0, overdue: 0 };
    if (r.kind === 'incoming') row.incoming += Number(r.n);
    else row.outgoing += Number(r.n);
    row.onTime += Number(r.on_time);
    row.late += Number(r.late);
    row.open += Number(r.open);
    row.overdue += Number(r.overdue);
    byKey.set(key, row);
  }
  const rows = [...byKey.values()].sort((a, b) =>
    groupBy === 'month'
      ? a.key.localeCompare(b.key)
      : b.incoming + b.outgoing - (a.incoming + a.outgoing) || a.label.localeCompare(b.label, 'vi'),
  );
  return { rows, total: sumRows(rows) };
}

export function sumRows(rows: ReportRow[]): ReportRow {
  return rows.reduce<ReportRow>(
    (t, r) => ({
      ...t,
      incoming: t.incoming + r.incoming,
      outgoing: t.outgoing + r.outgoing,
      onTime: t.onTime + r.onTime,
      late: t.late + r.late,
      open: t.open + r.open,
      overdue: t.overdue + r.overdue,
    }),
    { key: 'total', label: 'Tổng cộng', incoming: 0, outgoing: 0, onTime: 0, late: 0, open: 0, overdue: 0 },
  );
}
