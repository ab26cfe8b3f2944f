// The work a direction gives out: progress, completion and reassignment, by the task rules of
// shared/domain/taskRules.ts.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import { formatDate, officeDate } from '../../shared/text/dates.js';
import { recordEvent } from '../documents/history.js';
import { documents, tasks } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { getUserRow } from '../admin/users.js';
import { mutate, type WriteContext } from '../core/write.js';
import { mayActOnTask, mayReassignTask } from '../../shared/domain/taskRules.js';
import { requireStep, type Actor } from './state.js';

type TaskRow = typeof tasks.$inferSelect;

function getTask(store: Store, id: string): TaskRow {
  const t = store.db.select().from(tasks).where(eq(tasks.id, id)).get();
  if (!t || t.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy việc được giao.');
  return t;
}

/** The actor as the task rules see him: with his department, read now (an admin's change applies at once). */
function taskActor(store: Store, actor: Actor) {
  return { ...actor, departmentId: getUserRow(store, actor.id).departmentId };
}

function mayHandle(store: Store, actor: Actor, task: TaskRow): boolean {
  return mayActOnTask(taskActor(store, actor), task);
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
    const target = getUserRow(store, input.userId);
    if (!mayReassignTask(taskActor(store, actor), task))
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
