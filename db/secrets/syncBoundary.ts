// What of a change may leave this PC (sync, the full export): a secret document's register entry
// goes; its content — the content columns, and every row of its files, tasks, history, links,
// dossier items, and a secret draft — never does (Luật 29/2018, Điều 5). One rule, applied to
// each change as it leaves, so a document made secret after it was written is covered too.
import type { Change } from '../../shared/sync/protocol.js';
import { isSecret } from '../../shared/domain/secrecy.js';
import { stmt } from '../core/statements.js';
import type { Store } from '../core/store.js';
import { factsOf } from './secretAccess.js';

/** A secret document's content columns, and what other PCs hold in their place. */
const DOCUMENT_CONTENT: Record<string, string | null> = {
  summary: '',
  notes: null,
  recipient: null,
  direction: null,
  recipients_text: null,
  kept_copies: null,
  deleted_reason: null,
  recall_reason: null,
};

/** The columns of a document that are its content (the register entry is the rest). */
export const CONTENT_COLUMNS: ReadonlySet<string> = new Set(Object.keys(DOCUMENT_CONTENT));

/** Tables whose rows belong to one document (document_id), for dossier items only when they name one. */
const OF_A_DOCUMENT = new Set(['attachments', 'tasks', 'document_events', 'dossier_items', 'access_log']);

type Fields = Change['fields'];

export function secretDocument(store: Store, id: unknown): boolean {
  return typeof id === 'string' && isSecret(factsOf(store, id)?.confidentiality ?? 'thuong');
}

function column(store: Store, table: string, rowId: string, name: string): unknown {
  const row = stmt(store.sqlite, `SELECT "${name}" AS v FROM "${table}" WHERE id = ?`).get(rowId) as { v: unknown } | undefined;
  return row?.v;
}

/** The change as it may leave this PC, or null when it must stay. */
export function leavingThePc(store: Store, change: Change): Change | null {
  const { table, rowId } = change;
  if (table === 'documents') {
    const facts = factsOf(store, rowId);
    if (!facts) return change;
    if (!isSecret(facts.confidentiality)) {
      // Made common again: the content goes with the change, so other PCs have it back.
      if (change.fields.confidentiality !== 'thuong') return change;
      const row = stmt(store.sqlite, 'SELECT * FROM documents WHERE id = ?').get(rowId) as Record<string, Fields[string]>;
      const content: Fields = {};
      for (const c of Object.keys(DOCUMENT_CONTENT)) content[c] = row[c] ?? null;
      return { ...change, fields: { ...change.fields, ...content } };
    }
    const fields: Fields = { ...change.fields };
    // Where the entry arrives or turns secret, other PCs blank what they may hold of its content.
    const blanks = 'confidentiality' in fields;
    for (const [c, blank] of Object.entries(DOCUMENT_CONTENT)) {
      if (blanks) fields[c] = blank;
      else delete fields[c];
    }
    return { ...change, fields };
  }
  if (OF_A_DOCUMENT.has(table)) {
    const documentId = change.fields.document_id ?? column(store, table, rowId, 'document_id');
    return secretDocument(store, documentId) ? null : change;
  }
  if (table === 'document_links') {
    const from = change.fields.from_id ?? column(store, table, rowId, 'from_id');
    const to = change.fields.to_id ?? column(store, table, rowId, 'to_id');
    return secretDocument(store, from) || secretDocument(store, to) ? null : change;
  }
  if (table === 'outgoing_drafts') {
    const level = column(store, table, rowId, 'confidentiality') ?? change.fields.confidentiality;
    return typeof level === 'string' && isSecret(level) ? null : change;
  }
  return change;
}

/** Whether this row stays on the PC whole: a secret document's, or one of its files, tasks, history… */
export function staysOnThePc(store: Store, table: string, rowId: string): boolean {
  if (table === 'documents') return secretDocument(store, rowId);
  return leavingThePc(store, { changeId: '', hlc: '', table: table as Change['table'], rowId, fields: {} }) === null;
}

/** SQL: the file with this sha256 belongs to a secret document (the same bytes may be attached twice). */
export function secretFileSql(sha: string): string {
  return `EXISTS (SELECT 1 FROM attachments sa JOIN documents sd ON sd.id = sa.document_id WHERE sa.sha256 = ${sha} AND sd.confidentiality <> 'thuong')`;
}

/** The SQL condition (on attachments `a`) for files that may be uploaded: none of a secret document. */
export const FILE_MAY_LEAVE_SQL = `NOT ${secretFileSql('a.sha256')}`;
