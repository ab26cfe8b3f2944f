// Who reads a secret document's content on this PC, masking for everyone else, and the record of
// each time it was read (Luật 29/2018). The rule itself is shared/domain/secrecy.ts; every read
// path of documents (get, list, search, files, history, handling, registers, dossiers) asks here.
import type { DocumentRecord } from '../../shared/api/documents.js';
import { AppError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { isSecret, MASKED_SUMMARY, SECRET_ELSEWHERE_MESSAGE, SECRET_HIDDEN_MESSAGE, seesEverySecret } from '../../shared/domain/secrecy.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { mutate } from '../core/write.js';

/** The logged-in user as the backend's gate found him. */
export interface Reader {
  id: string;
  roles: Role[];
}

export interface SecretFacts {
  id: string;
  confidentiality: string;
  summary: string;
  createdBy: string | null;
}

/**
 * A secret document whose content is on another PC: sync carries it with an empty trích yếu
 * (db/secrets/syncBoundary.ts), and a trích yếu can never be empty where it was registered.
 */
export function contentElsewhere(f: Pick<SecretFacts, 'confidentiality' | 'summary'>): boolean {
  return isSecret(f.confidentiality) && f.summary === '';
}

export function factsOf(store: Store, documentId: string): SecretFacts | undefined {
  return stmt(store.sqlite, 'SELECT id, confidentiality, summary, created_by AS createdBy FROM documents WHERE id = ?').get(documentId) as
    SecretFacts | undefined;
}

function assigned(store: Store, documentId: string, userId: string): boolean {
  return (
    stmt(store.sqlite, 'SELECT 1 FROM tasks WHERE document_id = ? AND user_id = ? AND deleted_at IS NULL LIMIT 1').get(
      documentId,
      userId,
    ) !== undefined
  );
}

export function maySee(store: Store, reader: Reader, f: SecretFacts): boolean {
  if (!isSecret(f.confidentiality)) return true;
  if (contentElsewhere(f)) return false;
  if (seesEverySecret(reader.roles) || f.createdBy === reader.id) return true;
  return assigned(store, f.id, reader.id);
}

/**
 * An SQL condition on documents `d` that keeps only what a text match may reveal to the reader:
 * common documents, secret ones he may read, and those whose content is not here (their indexed
 * text holds only number, code and organ).
 */
export function matchableSql(reader: Reader): { sql: string; params: Record<string, unknown> } {
  if (seesEverySecret(reader.roles)) return { sql: '1', params: {} };
  return {
    sql: `(d.confidentiality = 'thuong' OR d.summary = '' OR d.created_by = @secretReader
           OR EXISTS (SELECT 1 FROM tasks st WHERE st.document_id = d.id AND st.user_id = @secretReader AND st.deleted_at IS NULL))`,
    params: { secretReader: reader.id },
  };
}

/** The register entry without its content: number, dates, organ, code, độ mật, độ khẩn. */
export function maskRecord(d: DocumentRecord): DocumentRecord {
  return {
    ...d,
    summary: MASKED_SUMMARY,
    notes: null,
    recipient: null,
    recipientsText: null,
    keptCopies: null,
    cancelReason: null,
    recallReason: null,
    masked: true,
  };
}

/** Records that the reader was shown the content of these secret documents (audit only). */
export function logSecretReads(store: Store, reader: Reader, ids: string[], via: string): void {
  if (ids.length === 0) return;
  mutate(store, { userId: reader.id }, (w) =>
    w.event('secret.read', { via, documents: ids }, ids.length === 1 ? ids[0] : null, 'documents'),
  );
}

/** Documents as this reader may see them: masked where he may not, each secret one shown logged. */
export function shownRecords(store: Store, reader: Reader, records: DocumentRecord[], via: string): DocumentRecord[] {
  const read: string[] = [];
  const out = records.map((d) => {
    if (!isSecret(d.confidentiality)) return d;
    if (!maySee(store, reader, d)) return maskRecord(d);
    read.push(d.id);
    return d;
  });
  logSecretReads(store, reader, read, via);
  return out;
}

export function shownRecord(store: Store, reader: Reader, record: DocumentRecord, via: string): DocumentRecord {
  return shownRecords(store, reader, [record], via)[0]!;
}

/**
 * Refuses to go on unless the reader may see this document's content (its files, history,
 * handling); a secret one read is logged. Ids that are not documents (a dossier's own files) pass.
 */
export function requireContent(store: Store, reader: Reader, documentId: string, via: string): void {
  const f = factsOf(store, documentId);
  if (!f || !isSecret(f.confidentiality)) return;
  if (contentElsewhere(f)) throw new AppError('FORBIDDEN', SECRET_ELSEWHERE_MESSAGE);
  if (!maySee(store, reader, f)) throw new AppError('FORBIDDEN', SECRET_HIDDEN_MESSAGE);
  logSecretReads(store, reader, [documentId], via);
}

/** Of these document ids, the secret ones this reader may not see. */
export function hiddenAmong(store: Store, reader: Reader, ids: Iterable<string>): Set<string> {
  const hidden = new Set<string>();
  for (const id of ids) {
    const f = factsOf(store, id);
    if (f && isSecret(f.confidentiality) && !maySee(store, reader, f)) hidden.add(id);
  }
  return hidden;
}
