// Handling an incoming document (DOMAIN.md): trình → chỉ đạo / phân công → xử lý → hoàn thành,
// with trả lại and thu hồi on the side. Every step checks the state it starts from and who
// takes it, writes through mutate(), and leaves an event in the document's history.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { AssignInput } from '../../shared/api/handling.js';
import { AppError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { ALLOWED_FROM } from '../../shared/domain/workflow.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import { recordEvent } from '../documents/history.js';
import { departments, documents, tasks } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { getUserRow } from '../admin/users.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';
import { requireStep, statusOf, userName, departmentName } from './state.js';

/** The unfinished assignments of a document, tombstoned; finished work stays on record. */
function dropOpenTasks(w: Writer, documentId: string): void {
  const open = w.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.documentId, documentId), ne(tasks.status, 'hoan_thanh'), isNull(tasks.deletedAt)))
    .all();
  for (const t of open) w.tombstone(tasks, t.id);
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
    dropOpenTasks(w, input.id);
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
    dropOpenTasks(w, input.id);
    w.update(documents, input.id, { status: 'thu_hoi', recalledAt: w.at, recallReason: input.reason });
    recordEvent(w, input.id, 'recall', { reason: input.reason });
  });
}
