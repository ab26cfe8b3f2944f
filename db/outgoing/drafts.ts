// Dự thảo → trình ký → đã ký: an outgoing document's life before it has a number. A signed
// draft is then numbered (lấy số) or issued straight away, and follows its document.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { AppError } from '../../shared/api/errors.js';
import { DRAFT_STATUS_LABELS, type DraftRecord } from '../../shared/api/outgoing.js';
import type { Confidentiality, Role, Urgency } from '../../shared/domain/enums.js';
import { resolveDocType } from '../lookups/docTypes.js';
import { docTypes, outgoingDrafts, users } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { isSecret, MASKED_SUMMARY, seesEverySecret } from '../../shared/domain/secrecy.js';
import type { Reader } from '../secrets/secretAccess.js';
import { getUserRow } from '../admin/users.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';

type Status = DraftRecord['status'];

/**
 * Drafts, newest first. With a reader: a secret draft he neither wrote nor is to sign, and
 * cannot read as văn thư or lãnh đạo, shows its type and status, not its trích yếu.
 */
export function listDrafts(store: Store, statuses?: Status[], id?: string, reader?: Reader): DraftRecord[] {
  const leader = alias(users, 'leader');
  const signer = alias(users, 'signer');
  const author = alias(users, 'author');
  return store.db
    .select({
      d: outgoingDrafts,
      typeName: docTypes.name,
      leaderName: leader.fullName,
      signedByName: signer.fullName,
      createdByName: author.fullName,
    })
    .from(outgoingDrafts)
    .leftJoin(docTypes, eq(docTypes.code, outgoingDrafts.typeCode))
    .leftJoin(leader, eq(leader.id, outgoingDrafts.leaderId))
    .leftJoin(signer, eq(signer.id, outgoingDrafts.signedBy))
    .leftJoin(author, eq(author.id, outgoingDrafts.createdBy))
    .where(
      and(
        isNull(outgoingDrafts.deletedAt),
        statuses?.length ? inArray(outgoingDrafts.status, statuses) : undefined,
        id ? eq(outgoingDrafts.id, id) : undefined,
      ),
    )
    .orderBy(desc(outgoingDrafts.createdAt))
    .limit(500)
    .all()
    .map(({ d, typeName, leaderName, signedByName, createdByName }) => {
      const hidden =
        reader !== undefined &&
        isSecret(d.confidentiality) &&
        !seesEverySecret(reader.roles) &&
        d.createdBy !== reader.id &&
        d.leaderId !== reader.id;
      return {
        id: d.id,
        typeCode: d.typeCode,
        typeName: typeName ?? d.typeCode,
        departmentId: d.departmentId,
        summary: hidden ? MASKED_SUMMARY : d.summary,
        confidentiality: d.confidentiality as Confidentiality,
        urgency: d.urgency as Urgency,
        status: d.status as Status,
        leaderId: d.leaderId,
        leaderName,
        note: hidden ? null : d.note,
        signedByName,
        signedAt: d.signedAt,
        documentId: d.documentId,
        createdByName,
        createdAt: d.createdAt,
      };
    });
}

export function getDraft(store: Store, id: string): DraftRecord {
  // By id, not from the list: the list stops at its newest 500.
  const [found] = listDrafts(store, undefined, id);
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy dự thảo.');
  return found;
}

function requireStatus(d: DraftRecord, allowed: Status[], doing: string): void {
  if (!allowed.includes(d.status))
    throw new AppError('CONFLICT', `Dự thảo đang ở bước “${DRAFT_STATUS_LABELS[d.status]}”, không thể ${doing}.`);
}

export function createDraft(
  store: Store,
  ctx: WriteContext,
  input: { type: string; departmentId?: string | null | undefined; summary: string; confidentiality: Confidentiality; urgency: Urgency },
): DraftRecord {
  const id = mutate(store, ctx, (w) =>
    w.insert(outgoingDrafts, {
      typeCode: resolveDocType(store, input.type).code,
      departmentId: input.departmentId ?? null,
      summary: input.summary,
      confidentiality: input.confidentiality,
      urgency: input.urgency,
      status: 'du_thao',
      leaderId: null,
      note: null,
      signedBy: null,
      signedAt: null,
      documentId: null,
      createdBy: ctx.userId,
    }),
  );
  return getDraft(store, id);
}

export function submitDraft(
  store: Store,
  ctx: WriteContext,
  actor: { id: string; roles: Role[] },
  input: { id: string; leaderId: string; note: string | null },
): DraftRecord {
  mutate(store, ctx, (w) => {
    const d = getDraft(store, input.id);
    requireStatus(d, ['du_thao'], 'trình ký');
    // One's own draft; văn thư submits for others (and admin, as everywhere).
    const author = store.db.select({ by: outgoingDrafts.createdBy }).from(outgoingDrafts).where(eq(outgoingDrafts.id, d.id)).get()?.by;
    if (author !== actor.id && !actor.roles.some((r) => r === 'clerk' || r === 'admin')) {
      throw new AppError('FORBIDDEN', `Dự thảo này do ${d.createdByName ?? 'người khác'} soạn; chỉ người soạn hoặc văn thư trình ký được.`);
    }
    const leader = getUserRow(store, input.leaderId);
    if (!leader.active || !(JSON.parse(leader.roles) as Role[]).includes('leader')) {
      throw new AppError('VALIDATION', 'Người ký phải là lãnh đạo đang làm việc.', { field: 'leaderId' });
    }
    w.update(outgoingDrafts, d.id, { status: 'trinh_ky', leaderId: leader.id, note: input.note });
  });
  return getDraft(store, input.id);
}

/** The leader signs (đã ký), or sends it back to the drafter with a note. */
export function signDraft(
  store: Store,
  ctx: WriteContext,
  actor: { id: string; roles: Role[] },
  input: { id: string; approve: boolean; note: string | null },
): DraftRecord {
  mutate(store, ctx, (w) => {
    const d = getDraft(store, input.id);
    requireStatus(d, ['trinh_ky'], input.approve ? 'ký' : 'trả lại');
    if (d.leaderId && d.leaderId !== actor.id && !actor.roles.includes('admin')) {
      throw new AppError('FORBIDDEN', `Dự thảo này trình ${d.leaderName ?? 'lãnh đạo khác'} ký.`);
    }
    if (input.approve)
      w.update(outgoingDrafts, d.id, { status: 'da_ky', signedBy: actor.id, signedAt: w.at, note: input.note ?? undefined });
    else w.update(outgoingDrafts, d.id, { status: 'du_thao', note: input.note ?? 'Trả lại để sửa' });
  });
  return getDraft(store, input.id);
}

/** A signed draft given its number (or issued): it now follows its register row. */
export function numberDraft(w: Writer, draftId: string, documentId: string, status: 'da_cap_so' | 'phat_hanh'): DraftRecord {
  const d = getDraft(w.store, draftId);
  requireStatus(d, ['da_ky'], 'cấp số (dự thảo chưa được ký)');
  w.update(outgoingDrafts, d.id, { status, documentId });
  return d;
}

/** When a numbered document is issued, its draft (if any) is marked issued too. */
export function draftIssued(w: Writer, documentId: string): void {
  const d = w.db.select().from(outgoingDrafts).where(eq(outgoingDrafts.documentId, documentId)).get();
  if (d && d.status !== 'phat_hanh') w.update(outgoingDrafts, d.id, { status: 'phat_hanh' });
}
