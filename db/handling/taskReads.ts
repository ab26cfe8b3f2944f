// Reading the handling of documents: my tasks, deadlines, one document's handling slip.
import { eq } from 'drizzle-orm';
import type { Handling, TaskRecord } from '../../shared/api/handling.js';
import { type IncomingStatus, type TaskRole, type TaskStatus } from '../../shared/domain/workflow.js';
import { officeDate } from '../../shared/text/dates.js';
import type { WorkCalendar } from '../../shared/domain/workdays.js';
import { workCalendar } from '../admin/calendar.js';
import { getDocument } from '../documents/documentRows.js';
import { documents } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { getUserRow } from '../admin/users.js';
import { userName, type Actor } from './state.js';
import { MASKED_SUMMARY } from '../../shared/domain/secrecy.js';
import { hiddenAmong, type Reader } from '../secrets/secretAccess.js';

const DUE_SOON_DAYS = 2;

interface TaskJoinRow {
  id: string;
  document_id: string;
  role: string;
  user_id: string | null;
  user_name: string | null;
  department_id: string | null;
  department_name: string | null;
  deadline: string | null;
  status: string;
  progress: string | null;
  result: string | null;
  reply_code: string | null;
  d_number: number;
  d_year: number;
  d_code: string;
  d_agency: string;
  d_summary: string;
  d_urgency: string;
  d_status: string;
  d_direction: string | null;
}

const TASK_SELECT = `
  SELECT t.id, t.document_id, t.role, t.user_id, u.full_name AS user_name, t.department_id, dep.name AS department_name,
         t.deadline, t.status, t.progress, t.result, t.reply_code,
         d.number AS d_number, d.year AS d_year, d.code AS d_code, d.agency_name AS d_agency, d.summary AS d_summary,
         d.urgency AS d_urgency, d.status AS d_status, d.direction AS d_direction
  FROM tasks t
  JOIN documents d ON d.id = t.document_id AND d.deleted_at IS NULL
  LEFT JOIN users u ON u.id = t.user_id
  LEFT JOIN departments dep ON dep.id = t.department_id
  WHERE t.deleted_at IS NULL`;

function toTask(r: TaskJoinRow, today: string, calendar: WorkCalendar): TaskRecord {
  const open = r.status !== 'hoan_thanh';
  const until = r.deadline ? calendar.workingDaysUntil(today, r.deadline) : null;
  return {
    id: r.id,
    documentId: r.document_id,
    role: r.role as TaskRole,
    userId: r.user_id,
    userName: r.user_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    deadline: r.deadline,
    status: r.status as TaskStatus,
    progress: r.progress,
    result: r.result,
    replyCode: r.reply_code,
    overdue: open && r.deadline !== null && r.deadline < today,
    dueSoon: open && until !== null && r.deadline! >= today && until <= DUE_SOON_DAYS,
    document: {
      number: r.d_number,
      year: r.d_year,
      code: r.d_code,
      agencyName: r.d_agency,
      summary: r.d_summary,
      urgency: r.d_urgency,
      status: r.d_status as IncomingStatus,
      direction: r.d_direction,
    },
  };
}

const TASK_ORDER = `ORDER BY t.status = 'hoan_thanh', t.deadline IS NULL, t.deadline, d.year DESC, d.number DESC`;

/** Việc của tôi: what is assigned to me, or to my department without a named person. */
export function myTasks(store: Store, actor: Actor, includeDone: boolean): TaskRecord[] {
  const me = getUserRow(store, actor.id);
  const rows = store.sqlite
    .prepare(
      `${TASK_SELECT} AND (t.user_id = @me OR (t.user_id IS NULL AND t.department_id = @dep)) ${includeDone ? '' : "AND t.status <> 'hoan_thanh'"} ${TASK_ORDER}`,
    )
    .all({ me: me.id, dep: me.departmentId ?? '' }) as TaskJoinRow[];
  const today = officeDate(store.now());
  const calendar = workCalendar(store);
  return rows.map((r) => toTask(r, today, calendar));
}

/** Due soon (≤ 2 working days) and overdue: all open tasks for leaders and clerks, one's own otherwise. */
export function deadlines(store: Store, actor: Actor) {
  const today = officeDate(store.now());
  const wide = actor.roles.some((r) => r === 'admin' || r === 'leader' || r === 'clerk');
  const calendar = workCalendar(store);
  const open = wide
    ? (
        store.sqlite.prepare(`${TASK_SELECT} AND t.status <> 'hoan_thanh' AND t.role <> 'de_biet' ${TASK_ORDER}`).all() as TaskJoinRow[]
      ).map((r) => toTask(r, today, calendar))
    : myTasks(store, actor, false).filter((t) => t.role !== 'de_biet');
  return { today, dueSoon: open.filter((t) => t.dueSoon), overdue: open.filter((t) => t.overdue) };
}

export function handlingOf(store: Store, documentId: string): Handling {
  const doc = getDocument(store, documentId, 'incoming');
  const row = store.db
    .select({ status: documents.status, leaderId: documents.leaderId, direction: documents.direction, replyCode: documents.replyCode })
    .from(documents)
    .where(eq(documents.id, documentId))
    .get()!;
  const today = officeDate(store.now());
  const calendar = workCalendar(store);
  const list = (
    store.sqlite
      .prepare(`${TASK_SELECT} AND t.document_id = ? ORDER BY t.role = 'de_biet', t.role = 'phoi_hop', t.created_at`)
      .all(documentId) as TaskJoinRow[]
  ).map((r) => toTask(r, today, calendar));
  return {
    status: row.status as IncomingStatus,
    leaderId: row.leaderId,
    leaderName: userName(store, row.leaderId),
    direction: row.direction,
    replyCode: row.replyCode,
    overdue: !doc.cancelled && row.status !== 'hoan_thanh' && doc.deadline !== null && doc.deadline < today,
    tasks: list,
  };
}

/** Tasks as this reader may see them: the document's content masked where it is a secret he may not read. */
export function shownTasks(store: Store, reader: Reader, tasks: TaskRecord[]): TaskRecord[] {
  const hidden = hiddenAmong(store, reader, new Set(tasks.map((t) => t.documentId)));
  if (hidden.size === 0) return tasks;
  return tasks.map((t) =>
    hidden.has(t.documentId)
      ? { ...t, progress: null, result: null, document: { ...t.document, summary: MASKED_SUMMARY, direction: null } }
      : t,
  );
}

/** Who the stamp's "Chuyển" names: the lead of the current assignment, when there is one. */
export function forwardedTo(store: Store, documentId: string): string | null {
  const lead = handlingOf(store, documentId).tasks.find((t) => t.role === 'chu_tri');
  return lead ? (lead.userName ?? lead.departmentName) : null;
}
