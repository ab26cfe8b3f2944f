// Attachment records. The bytes live in the content-addressed file store (electron/files);
// here are their names, types, sizes, page counts and hashes, written through mutate().
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AttachmentRecord } from '../../shared/api/attachments.js';
import { AppError } from '../../shared/api/errors.js';
import { attachments } from '../core/schema.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext, type Writer } from '../core/write.js';
import { recordEvent } from '../documents/history.js';
import { fileTextStatus } from './fileTexts.js';
import { isSecret, SECRET_FILE_REFUSED_MESSAGE } from '../../shared/domain/secrecy.js';
import { isAirGapped } from '../secrets/airGap.js';
import { factsOf, requireContent, type Reader } from '../secrets/secretAccess.js';

type Row = typeof attachments.$inferSelect;

function toRecord(store: Store, r: Row): AttachmentRecord {
  return {
    id: r.id,
    documentId: r.documentId,
    name: r.name,
    mime: r.mime,
    kind: r.kind,
    size: r.size,
    pages: r.pages,
    sha256: r.sha256,
    role: r.role === 'stamped' || r.role === 'signed' ? r.role : 'original',
    parentId: r.parentId,
    signed: r.signed,
    createdAt: r.createdAt,
    textLayer: (r.kind === 'pdf' || r.kind === 'image') && r.role === 'original' ? fileTextStatus(store, r.sha256) : null,
  };
}

export interface NewAttachment {
  documentId: string;
  name: string;
  mime: string;
  kind: string;
  size: number;
  pages: number | null;
  sha256: string;
  role: 'original' | 'stamped' | 'signed';
  parentId: string | null;
  signed: boolean;
  /** Where dấu ĐẾN went on the page, in words, for the history (a stamped copy). */
  placement?: string | undefined;
  /** The file's digital signatures as checked when it was attached (for the history). */
  signatures?: SignatureNote[] | undefined;
  /** A signed copy (role 'signed'): in which capacity, and which image it shows (using it is recorded). */
  signing?: { as: string; image: string } | undefined;
}

export interface SignatureNote {
  signer: string | null;
  /** Hợp lệ, Chưa tin cậy, Không hợp lệ… (shared/domain/signatureVerdict). */
  verdict: string;
}

export function insertAttachment(w: Writer, a: NewAttachment): string {
  const owner = factsOf(w.store, a.documentId);
  if (owner && isSecret(owner.confidentiality) && !isAirGapped(w.store)) throw new AppError('FORBIDDEN', SECRET_FILE_REFUSED_MESSAGE);
  const { placement, signatures, signing, ...row } = a;
  const id = w.insert(attachments, { ...row, createdBy: w.ctx.userId });
  // documentId names the owner: a document (whose history records it) or a dossier.
  recordEvent(w, a.documentId, a.role === 'stamped' ? 'stamp' : a.role === 'signed' ? 'sign' : 'attach', {
    attachmentId: id,
    name: a.name,
    size: a.size,
    ...(placement ? { placement } : {}),
    ...(signatures?.length ? { signatures: signatures.slice(0, 10) } : {}),
    ...(signing ?? {}),
  });
  return id;
}

export function addAttachment(store: Store, ctx: WriteContext, a: NewAttachment): AttachmentRecord {
  const id = mutate(store, ctx, (w) => insertAttachment(w, a));
  return getAttachment(store, id);
}

export function listAttachments(store: Store, documentId: string): AttachmentRecord[] {
  return store.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.documentId, documentId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt))
    .all()
    .map((r) => toRecord(store, r));
}

export function getAttachment(store: Store, id: string): AttachmentRecord {
  const row = store.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm.');
  return toRecord(store, row);
}

/** Refuses a file of a secret document the reader may not read (its bytes, its record, its text). */
export function requireFileReader(store: Store, reader: Reader, attachmentId: string, via: string): AttachmentRecord {
  const attachment = getAttachment(store, attachmentId);
  requireContent(store, reader, attachment.documentId, via);
  return attachment;
}

/** Detaches a file: the record is tombstoned and audited; the bytes stay (history, sync, other uses). */
export function removeAttachment(store: Store, ctx: WriteContext, id: string): void {
  mutate(store, ctx, (w) => {
    const a = getAttachment(store, id);
    // What was signed and issued stays the record; a correction is a new document (thay thế, đính chính).
    if (a.role === 'signed')
      throw new AppError(
        'CONFLICT',
        `Tệp “${a.name}” đã ký số: đó là bản văn bản đã ban hành nên không gỡ được. Muốn sửa, hãy ban hành văn bản thay thế hoặc đính chính.`,
      );
    w.tombstone(attachments, id);
    recordEvent(w, a.documentId, 'detach', { attachmentId: id, name: a.name });
  });
}

/** How many live attachments use these bytes. */
export function shaInUse(store: Store, sha256: string): number {
  const row = store.db
    .select({ n: sql<number>`count(*)` })
    .from(attachments)
    .where(eq(attachments.sha256, sha256))
    .get();
  return row?.n ?? 0;
}
