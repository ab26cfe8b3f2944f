// Who may act on a task given out by a leader's direction. The backend refuses by these rules
// and the UI shows or hides the actions by the same ones.
import type { Role } from './enums.js';

export interface TaskActor {
  id: string;
  roles: readonly Role[];
  departmentId: string | null;
}

export interface TaskHolder {
  userId: string | null;
  departmentId: string | null;
}

const isAdmin = (actor: TaskActor) => actor.roles.includes('admin');
const inDepartmentOf = (actor: TaskActor, task: TaskHolder) => task.departmentId !== null && actor.departmentId === task.departmentId;

/** Note progress or finish: the person named on it, anyone of its department when no one is named, or that department's leader. */
export function mayActOnTask(actor: TaskActor, task: TaskHolder): boolean {
  if (isAdmin(actor) || task.userId === actor.id) return true;
  if (!inDepartmentOf(actor, task)) return false;
  return task.userId === null || actor.roles.includes('leader');
}

/** Give it to someone else of the department: that department's leader. */
export function mayReassignTask(actor: TaskActor, task: TaskHolder): boolean {
  return isAdmin(actor) || (actor.roles.includes('leader') && inDepartmentOf(actor, task));
}
