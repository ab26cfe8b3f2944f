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

export const reportOutput = z.object({ from: z.string(), to: z.string(), groupBy: z.enum(REPORT_GROUPS), rows: z.array(reportRow), total: reportRow });
export type Report = z.infer<typeof reportOutput>;

export const overviewOutput = z.object({
  today: z.string(),
  incomingToday: z.number().int(),
  outgoingToday: z.number().int(),
  awaitingDirection: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  byDepartment: z.array(z.object({ departmentId: z.string().nullable(), name: z.string(), open: z.number().int(), overdue: z.number().int() })),
  lastDays: z.array(z.object({ date: z.string(), incoming: z.number().int(), outgoing: z.number().int() })),
});
export type Overview = z.infer<typeof overviewOutput>;
