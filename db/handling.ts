// Handling an incoming document (DOMAIN.md): trình → chỉ đạo / phân công → xử lý → hoàn thành,
// with trả lại and thu hồi on the side. Every step checks the state it starts from and who
// takes it, writes through mutate(), and leaves an event in the document's history.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { DocumentRecord } from '../shared/api/documents.js';
import type { AssignInput, FollowUpList, HistoryEntry, Handling, TaskRecord } from '../shared/api/handling.js';
import { AppError } from '../shared/api/errors.js';
import type { Role } from '../shared/domain/enums.js';
import {
  ALLOWED_FROM,
  INCOMING_STATUS_LABELS,
  STEP_LABELS,
  TASK_ROLE_LABELS,
  type IncomingStatus,
  type IncomingStep,
  type TaskRole,
  type TaskStatus,
} from '../shared/domain/workflow.js';
import { formatDate, officeDate } from '../shared/text/dates.js';
import type { WorkCalendar } from '../shared/domain/workdays.js';
import { workCalendar } from './calendar.js';
import { getDocument, listDocuments } from './documentRows.js';
import { documentEventsOf, recordEvent } from './history.js';
import { departments, documents, tasks, users } from './schema.js';
import type { Store } from './store.js';
import { getUserRow } from './users.js';
import { mutate, type WriteContext, type Writer } from './write.js';

export interface Actor {
  id: string;
  roles: Role[];
}

const DUE_SOON_DAYS = 2;

function statusOf(store: Store, id: string): IncomingStatus {
  const row = store.db
    .select({ status: documents.status, kind: documents.kind, deletedAt: documents.deletedAt })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!row || row.kind !== 'incoming') throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
  if (row.deletedAt) throw new AppError('CONFLICT', 'Văn bản đã hủy, không xử lý được.');
  return row.status as IncomingStatus;
}

function requireStep(store: Store, id: string, step: IncomingStep): IncomingStatus {
  const status = statusOf(store, id);
  if (!ALLOWED_FROM[step].includes(status)) {
    throw new AppError('CONFLICT', `Văn bản đang ở trạng thái “${INCOMING_STATUS_LABELS[status]}”, không thể ${STEP_LABELS[step]}.`);
  }
  return status;
}

function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

function userName(store: Store, id: string | null): string | null {
  if (!id) return null;
  return store.db.select({ n: users.fullName }).from(users).where(eq(users.id, id)).get()?.n ?? null;
}

function departmentName(store: Store, id: string | null): string | null {
  if (!id) return null;
  return store.db.select({ n: departments.name }).from(departments).where(eq(departments.id, id)).get()?.n ?? null;
}

export function submitIncoming(store: Store, ctx: WriteContext, input: { id: string; leaderId: string; note: string | null }): void {
  mutate(store, ctx, (w) => {
    requireStep(store, input.id, 'submit');
    const leader = getUserRow(store, input.leaderId);
    const roles = JSON.parse(leader.roles) as Role[];
    if (!leader.active || !roles.includes('leader')) {
      throw new AppError('VALIDATION', 'Người được trình phải là lãnh đạo đang làm việc.', { field: 'leaderId' });
    }
    w.update(documents, input.id, { status: 'trinh', leaderId: leader.id });
    recordEvent(w, input.id, 'submit', { leaderId: leader.id, leaderName: leader.fullName, note: input.note });
  });
}

interface Assignee {
  departmentId?: string | null | undefined;
  userId?: string | null | undefined;
  deadline?: string | null | undefined;
}

function checkAssignee(
  store: Store,
  a: Assignee,
  today: string,
  field: string,
): { userId: string | null; departmentId: string | null; deadline: string | null; label: string } {
  let departmentId = a.departmentId ?? null;
  const userId = a.userId ?? null;
  if (departmentId) {
    const dep = store.db.select().from(departments).where(eq(departments.id, departmentId)).get();
    if (!dep || dep.deletedAt) throw new AppError('VALIDATION', 'Phòng, ban đã chọn không còn tồn tại.', { field });
  }
  if (userId) {
    const user = getUserRow(store, userId);
    if (!user.active) throw new AppError('VALIDATION', `${user.fullName} đã ngừng sử dụng chương trình, không giao việc được.`, { field });
    departmentId ??= user.departmentId;
  }
  if (a.deadline && a.deadline < today) {
    throw new AppError('VALIDATION', `Hạn xử lý ${formatDate(a.deadline)} đã qua.`, { field });
  }
  const label = [userName(store, userId), departmentName(store, departmentId)].filter(Boolean).join(' – ');
  return { userId, departmentId, deadline: a.deadline ?? null, label };
}

export function assignIncoming(store: Store, ctx: WriteContext, input: AssignInput): void {
  mutate(store, ctx, (w) => {
    requireStep(store, input.id, 'assign');
    const today = officeDate(store.now());
    const lead = checkAssignee(store, input.lead, today, 'lead');
    const others = [
      ...input.coordinate.map((a) => ({ role: 'phoi_hop' as const, ...checkAssignee(store, a, today, 'coordinate') })),
      ...input.inform.map((a) => ({ role: 'de_biet' as const, ...checkAssignee(store, a, today, 'inform') })),
    ];
    // A new direction replaces the unfinished assignments; finished work stays on record.
    const open = store.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.documentId, input.id), ne(tasks.status, 'hoan_thanh'), isNull(tasks.deletedAt)))
      .all();
    for (const t of open) w.tombstone(tasks, t.id);
    for (const t of [{ role: 'chu_tri' as const, ...lead }, ...others]) {
      w.insert(tasks, {
        documentId: input.id,
        role: t.role,
        userId: t.userId,
        departmentId: t.departmentId,
        deadline: t.deadline ?? (t.role === 'chu_tri' ? null : lead.deadline),
        status: 'moi',
        progress: null,
        result: null,
        replyCode: null,
        assignedBy: ctx.userId,
        completedAt: null,
      });
    }
    w.update(documents, input.id, { status: 'phan_cong', direction: input.direction, deadline: lead.deadline ?? undefined });
    recordEvent(w, input.id, 'assign', {
      direction: input.direction,
      lead: lead.label,
      deadline: lead.deadline,
      coordinate: others.filter((o) => o.role === 'phoi_hop').map((o) => o.label),
      inform: others.filter((o) => o.role === 'de_biet').map((o) => o.label),
    });
  });
}

type TaskRow = typeof tasks.$inferSelect;

function getTask(store: Store, id: string): TaskRow {
  const t = store.db.select().from(tasks).where(eq(tasks.id, id)).get();
  if (!t || t.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy việc được giao.');
  return t;
}

/** The person named on the task, anyone of the department it went to, or that department's leader. */
function mayHandle(store: Store, actor: Actor, task: TaskRow): boolean {
  if (isAdmin(actor) || task.userId === actor.id) return true;
  const me = getUserRow(store, actor.id);
  if (!task.departmentId || me.departmentId !== task.departmentId) return false;
  return task.userId === null || actor.roles.includes('leader');
}

function refuseHandling(): AppError {
  return new AppError('FORBIDDEN', 'Việc này không được giao cho bạn hoặc phòng, ban của bạn.');
}

export function reassignTask(
  store: Store,
  ctx: WriteContext,
  actor: Actor,
  input: { taskId: string; userId: string; deadline?: string | null | undefined; note: string | null },
): void {
  mutate(store, ctx, (w) => {
    const task = getTask(store, input.taskId);
    requireStep(store, task.documentId, 'progress');
    if (task.status === 'hoan_thanh') throw new AppError('CONFLICT', 'Việc này đã hoàn thành.');
    const me = getUserRow(store, actor.id);
    const target = getUserRow(store, input.userId);
    const unitLeader = actor.roles.includes('leader') && !!task.departmentId && me.departmentId === task.departmentId;
    if (!isAdmin(actor) && !unitLeader)
      throw new AppError('FORBIDDEN', 'Chỉ lãnh đạo phòng, ban được giao việc này mới giao lại cho người trong phòng.');
    if (task.departmentId && target.departmentId !== task.departmentId) {
      throw new AppError('VALIDATION', `${target.fullName} không thuộc phòng, ban được giao việc này.`, { field: 'userId' });
    }
    const today = officeDate(store.now());
    if (input.deadline && input.deadline < today)
      throw new AppError('VALIDATION', `Hạn xử lý ${formatDate(input.deadline)} đã qua.`, { field: 'deadline' });
    w.update(tasks, task.id, { userId: target.id, deadline: input.deadline ?? undefined });
    recordEvent(w, task.documentId, 'reassign', {
      taskId: task.id,
      to: target.fullName,
      deadline: input.deadline ?? task.deadline,
      note: input.note,
    });
  });
}

export function progressTask(store: Store, ctx: WriteContext, actor: Actor, input: { taskId: string; note: string }): void {
  mutate(store, ctx, (w) => {
    const task = getTask(store, input.taskId);
    const status = requireStep(store, task.documentId, 'progress');
    if (!mayHandle(store, actor, task)) throw refuseHandling();
    if (task.status === 'hoan_thanh') throw new AppError('CONFLICT', 'Việc này đã hoàn thành.');
    w.update(tasks, task.id, { status: 'dang_xu_ly', progress: input.note });
    if (status === 'phan_cong') w.update(documents, task.documentId, { status: 'dang_xu_ly' });
    recordEvent(w, task.documentId, 'progress', { taskId: task.id, role: task.role, note: input.note });
  });
}

export function completeTask(
  store: Store,
  ctx: WriteContext,
  actor: Actor,
  input: { taskId: string; result: string; replyCode: string | null },
): void {
  mutate(store, ctx, (w) => {
    const task = getTask(store, input.taskId);
    requireStep(store, task.documentId, 'complete');
    if (!mayHandle(store, actor, task)) throw refuseHandling();
    if (task.status === 'hoan_thanh') throw new AppError('CONFLICT', 'Việc này đã hoàn thành.');
    w.update(tasks, task.id, { status: 'hoan_thanh', result: input.result, replyCode: input.replyCode, completedAt: w.at });
    // The lead's completion completes the document.
    if (task.role === 'chu_tri') {
      w.update(documents, task.documentId, { status: 'hoan_thanh', replyCode: input.replyCode, completedAt: w.at });
    }
    recordEvent(w, task.documentId, 'complete', { taskId: task.id, role: task.role, result: input.result, replyCode: input.replyCode });
  });
}

/**
 * An outgoing reply closes the loop: the incoming document records the reply's số/ký hiệu
 * and, when asked, its lead task is completed by it. Runs inside the issuing transaction.
 */
export function recordReply(w: Writer, incomingId: string, reply: { outgoingId: string; code: string }, completeLead: boolean): void {
  const status = statusOf(w.store, incomingId);
  w.update(documents, incomingId, { replyCode: reply.code });
  recordEvent(w, incomingId, 'reply', { code: reply.code, outgoingId: reply.outgoingId });
  if (!completeLead || !ALLOWED_FROM.complete.includes(status)) return;
  const lead = w.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.documentId, incomingId), eq(tasks.role, 'chu_tri'), ne(tasks.status, 'hoan_thanh'), isNull(tasks.deletedAt)))
    .get();
  if (!lead) return;
  const result = `Đã trả lời bằng văn bản ${reply.code}`;
  w.update(tasks, lead.id, { status: 'hoan_thanh', result, replyCode: reply.code, completedAt: w.at });
  w.update(documents, incomingId, { status: 'hoan_thanh', completedAt: w.at });
  recordEvent(w, incomingId, 'complete', { taskId: lead.id, role: 'chu_tri', result, replyCode: reply.code });
}

export function returnIncoming(store: Store, ctx: WriteContext, input: { id: string; reason: string }): void {
  mutate(store, ctx, (w) => {
    requireStep(store, input.id, 'return');
    w.update(documents, input.id, { status: 'tra_lai' });
    recordEvent(w, input.id, 'return', { reason: input.reason });
  });
}

export function recallIncoming(store: Store, ctx: WriteContext, input: { id: string; reason: string }): void {
  mutate(store, ctx, (w) => {
    requireStep(store, input.id, 'recall');
    const open = store.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.documentId, input.id), ne(tasks.status, 'hoan_thanh'), isNull(tasks.deletedAt)))
      .all();
    for (const t of open) w.tombstone(tasks, t.id);
    w.update(documents, input.id, { status: 'thu_hoi' });
    recordEvent(w, input.id, 'recall', { reason: input.reason });
  });
}

// ---- reading ----

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

/** Who the stamp's "Chuyển" names: the lead of the current assignment, when there is one. */
export function forwardedTo(store: Store, documentId: string): string | null {
  const lead = handlingOf(store, documentId).tasks.find((t) => t.role === 'chu_tri');
  return lead ? (lead.userName ?? lead.departmentName) : null;
}

export function historyOf(store: Store, documentId: string): HistoryEntry[] {
  return documentEventsOf(store, documentId).map((e) => ({
    id: e.id,
    at: e.at,
    userId: e.userId,
    userName: e.userName,
    action: e.action,
    summary: describeEvent(e.action, e.data),
  }));
}

function describeEvent(action: string, d: Record<string, unknown>): string {
  const s = (k: string) => (d[k] === null || d[k] === undefined ? '' : String(d[k]));
  const deadline = d.deadline ? `, hạn ${formatDate(s('deadline'))}` : '';
  switch (action) {
    case 'register':
      return `Vào sổ văn bản đến, số đến ${s('number')}`;
    case 'import':
      return `Nhập từ sổ cũ “${s('file')}”, dòng ${s('row')}`;
    case 'attach':
      return `Đính kèm tệp “${s('name')}”`;
    case 'stamp':
      return `Đóng dấu ĐẾN lên tệp “${s('name')}”`;
    case 'detach':
      return `Gỡ tệp “${s('name')}”`;
    case 'submit':
      return `Trình lãnh đạo: ${s('leaderName')}${d.note ? ` (${s('note')})` : ''}`;
    case 'assign': {
      const parts = [`Chủ trì: ${s('lead')}${deadline}`];
      if ((d.coordinate as string[] | undefined)?.length) parts.push(`phối hợp: ${(d.coordinate as string[]).join(', ')}`);
      if ((d.inform as string[] | undefined)?.length) parts.push(`để biết: ${(d.inform as string[]).join(', ')}`);
      return `Chỉ đạo: “${s('direction')}” — ${parts.join('; ')}`;
    }
    case 'reassign':
      return `Giao lại cho ${s('to')}${deadline}`;
    case 'progress':
      return `Cập nhật tiến độ (${TASK_ROLE_LABELS[s('role') as TaskRole] ?? ''}): ${s('note')}`;
    case 'complete':
      return `Hoàn thành (${TASK_ROLE_LABELS[s('role') as TaskRole] ?? ''}): ${s('result')}${d.replyCode ? ` — văn bản trả lời ${s('replyCode')}` : ''}`;
    case 'return':
      return `Trả lại: ${s('reason')}`;
    case 'recall':
      return `Thu hồi: ${s('reason')}`;
    case 'file':
      return d.primary ? `Lưu vào hồ sơ ${s('notation')}` : `Tham chiếu trong hồ sơ ${s('notation')}`;
    case 'reply':
      return `Đã trả lời bằng văn bản ${s('code')}`;
    case 'reserve':
      return `Lấy số ${s('code')}`;
    case 'issue':
      return `Ban hành văn bản ${s('code')}`;
    case 'close':
      return 'Khóa sổ';
    case 'cancel':
      return `Hủy văn bản${d.reason ? `: ${s('reason')}` : ''}`;
    default:
      return action;
  }
}

/** Sổ theo dõi giải quyết văn bản đến: every document of the register with who handles it and how far. */
export function followUp(
  store: Store,
  input: { year?: number | undefined; limit: number; cursor?: string | null | undefined },
): FollowUpList {
  const page = listDocuments(store, { kind: 'incoming', year: input.year, limit: input.limit, cursor: input.cursor });
  return { nextCursor: page.nextCursor, items: page.items.map((d) => followUpRow(store, d)) };
}

/** One line of the follow-up register for an incoming document. */
export function followUpRow(store: Store, d: DocumentRecord): FollowUpList['items'][number] {
  const h = handlingOf(store, d.id);
  const lead = h.tasks.find((t) => t.role === 'chu_tri');
  const handlers = h.tasks
    .filter((t) => t.role !== 'de_biet')
    .map((t) => `${TASK_ROLE_LABELS[t.role]}: ${t.userName ?? t.departmentName ?? ''}`)
    .join('; ');
  const progress = d.cancelled
    ? 'Đã hủy'
    : lead?.status === 'hoan_thanh'
      ? `Hoàn thành${lead.result ? `: ${lead.result}` : ''}`
      : lead?.progress
        ? `${INCOMING_STATUS_LABELS[h.status]}: ${lead.progress}`
        : INCOMING_STATUS_LABELS[h.status];
  return {
    id: d.id,
    number: d.number,
    year: d.year,
    code: d.code,
    issuedDate: d.issuedDate,
    agencyName: d.agencyName,
    typeName: d.typeName,
    summary: d.summary,
    handlers: handlers || d.recipient || '',
    deadline: lead?.deadline ?? d.deadline,
    status: h.status,
    progress,
    replyCode: h.replyCode,
    overdue: h.overdue || (lead?.overdue ?? false),
    notes: d.notes,
  };
}
