// The handling of incoming documents: submit, assign, tasks, history, deadlines.
import { z } from 'zod';
import { INCOMING_STATUSES, TASK_ROLES, TASK_STATUSES } from '../domain/workflow.js';
import { id, isoDate, optionalText, text } from './fields.js';

/** Who a task goes to: a department or a person (a person inside a department is fine too). */
const assignee = z
  .object({ departmentId: id.nullish(), userId: id.nullish(), deadline: isoDate('hạn xử lý').nullish() })
  .refine((a) => !!a.departmentId || !!a.userId, { error: 'Chọn phòng, ban hoặc người xử lý.' });

export const assignInput = z.object({
  id,
  direction: text('ý kiến chỉ đạo', 2000),
  lead: assignee,
  coordinate: z.array(assignee).max(50).optional().default([]),
  inform: z.array(assignee).max(50).optional().default([]),
});
export type AssignInput = z.output<typeof assignInput>;

export const submitInput = z.object({ id, leaderId: id, note: optionalText('ghi chú', 1000) });
export const reasonInput = z.object({ id, reason: text('lý do', 1000) });
export const taskUpdateInput = z.object({ taskId: id, note: text('nội dung tiến độ', 2000) });
export const taskCompleteInput = z.object({
  taskId: id,
  result: text('kết quả xử lý', 2000),
  replyCode: optionalText('số, ký hiệu văn bản trả lời', 50),
});
export const taskReassignInput = z.object({
  taskId: id,
  userId: id,
  deadline: isoDate('hạn xử lý').nullish(),
  note: optionalText('ghi chú', 1000),
});

export const taskOutput = z.object({
  id: z.string(),
  documentId: z.string(),
  role: z.enum(TASK_ROLES),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  progress: z.string().nullable(),
  result: z.string().nullable(),
  replyCode: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  /** The document the task is about, as the handler's list shows it. */
  document: z.object({
    number: z.number().int(),
    year: z.number().int(),
    code: z.string(),
    agencyName: z.string(),
    summary: z.string(),
    urgency: z.string(),
    status: z.enum(INCOMING_STATUSES),
    direction: z.string().nullable(),
  }),
});
export type TaskRecord = z.infer<typeof taskOutput>;

export const handlingOutput = z.object({
  status: z.enum(INCOMING_STATUSES),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  direction: z.string().nullable(),
  replyCode: z.string().nullable(),
  overdue: z.boolean(),
  tasks: z.array(taskOutput),
});
export type Handling = z.infer<typeof handlingOutput>;

export const historyOutput = z.array(
  z.object({
    id: z.string(),
    at: z.string(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
    action: z.string(),
    summary: z.string(),
  }),
);
export type HistoryEntry = z.infer<typeof historyOutput>[number];

export const deadlinesOutput = z.object({
  today: z.string(),
  dueSoon: z.array(taskOutput),
  overdue: z.array(taskOutput),
});

export const followUpOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      year: z.number().int(),
      code: z.string(),
      issuedDate: z.string(),
      agencyName: z.string(),
      typeName: z.string(),
      summary: z.string(),
      handlers: z.string(),
      deadline: z.string().nullable(),
      status: z.enum(INCOMING_STATUSES),
      progress: z.string(),
      replyCode: z.string().nullable(),
      overdue: z.boolean(),
      notes: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type FollowUpList = z.infer<typeof followUpOutput>;

export const followUpInput = z
  .object({
    year: z.number().int().optional(),
    limit: z.number().int().min(1).max(500).optional().default(200),
    cursor: z.string().max(100).nullish(),
  })
  .optional()
  .transform((v) => v ?? { limit: 200 });

/** Thông báo: what waits for the user, newest first; `fresh`: not yet told on this PC (the desktop shows them). */
export const notificationsOutput = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['task', 'submitted', 'draft', 'due']),
      at: z.string(),
      title: z.string(),
      body: z.string(),
      documentId: z.string().nullable(),
      draftId: z.string().nullable(),
      unread: z.boolean(),
    }),
  ),
  unread: z.number().int(),
  fresh: z.array(z.object({ title: z.string(), body: z.string() })),
});
