// What every handling step reads first: the document's state, checked against the step, and names.
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { ALLOWED_FROM, INCOMING_STATUS_LABELS, STEP_LABELS, type IncomingStatus, type IncomingStep } from '../../shared/domain/workflow.js';
import { SECRET_ELSEWHERE_MESSAGE } from '../../shared/domain/secrecy.js';
import { departments, documents, users } from '../core/schema.js';
import { contentElsewhere } from '../secrets/secretAccess.js';
import type { Store } from '../core/store.js';

/** Who takes a step: the logged-in user as the backend's gate found him. */
export interface Actor {
  id: string;
  roles: Role[];
}

export function statusOf(store: Store, id: string): IncomingStatus {
  const row = store.db
    .select({
      status: documents.status,
      kind: documents.kind,
      deletedAt: documents.deletedAt,
      confidentiality: documents.confidentiality,
      summary: documents.summary,
    })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!row || row.kind !== 'incoming') throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản.');
  if (row.deletedAt) throw new AppError('CONFLICT', 'Văn bản đã hủy, không xử lý được.');
  // Directions and tasks of a secret document are its content: they are given where it is kept.
  if (contentElsewhere(row)) throw new AppError('FORBIDDEN', SECRET_ELSEWHERE_MESSAGE);
  return row.status as IncomingStatus;
}

export function requireStep(store: Store, id: string, step: IncomingStep): IncomingStatus {
  const status = statusOf(store, id);
  if (!ALLOWED_FROM[step].includes(status)) {
    throw new AppError('CONFLICT', `Văn bản đang ở trạng thái “${INCOMING_STATUS_LABELS[status]}”, không thể ${STEP_LABELS[step]}.`);
  }
  return status;
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

export function userName(store: Store, id: string | null): string | null {
  if (!id) return null;
  return store.db.select({ n: users.fullName }).from(users).where(eq(users.id, id)).get()?.n ?? null;
}

export function departmentName(store: Store, id: string | null): string | null {
  if (!id) return null;
  return store.db.select({ n: departments.name }).from(departments).where(eq(departments.id, id)).get()?.n ?? null;
}
