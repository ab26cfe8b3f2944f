// The outgoing register: numbers and symbols, issuing, cancelling a reserved number, drafts for signing.
import { recordAccess } from '../../../db/access/accessLog.js';
import { getDocument, listDocuments } from '../../../db/documents/documentRows.js';
import { createDraft, listDrafts, signDraft, submitDraft } from '../../../db/outgoing/drafts.js';
import { cancelOutgoing, issueOutgoing, previewOutgoing, repliesOf, reserveOutgoing } from '../../../db/outgoing/outgoing.js';
import { shownRecord, shownRecords } from '../../../db/secrets/secretAccess.js';
import { recallOutgoing, versionsOf } from '../../../db/outgoing/versions.js';
import { mutate } from '../../../db/core/write.js';
import { receiptsFor } from '../../../db/exchange/messages.js';
import type { DocumentRecord } from '../../../shared/api/documents.js';
import type { Store } from '../../../db/core/store.js';
import { defineSlice, userOf, type Services } from './types.js';

export function outgoingHandlers({ store, exchange }: Services) {
  return defineSlice({
    'outgoing.preview': (input) => previewOutgoing(store, input),
    'outgoing.reserve': (input, req) => reserveOutgoing(store, req.write, input),
    'outgoing.issue': (input, req) => issueOutgoing(store, req.write, input),
    'outgoing.cancel': (input, req) => cancelOutgoing(store, req.write, input.id, input.reason),
    // Withdrawn and, where it went electronically, revoked at every organ that had it: one transaction.
    'outgoing.recall': (input, req) =>
      mutate(store, req.write, (w) => {
        const doc = recallOutgoing(w, input.id, input.reason);
        if (exchange.sentTo(doc.id).length > 0) exchange.revoke(req.write, { documentId: doc.id, reason: input.reason });
        return getDocument(store, doc.id, 'outgoing');
      }),
    'outgoing.list': (input, req) => {
      const reader = userOf(req);
      const page = listDocuments(store, { kind: 'outgoing', ...input, reader });
      return { ...page, items: withReceipts(store, shownRecords(store, reader, page.items, 'outgoing.list')) };
    },
    'outgoing.get': (input, req) => {
      const doc = shownRecord(store, userOf(req), getDocument(store, input.id, 'outgoing'), 'outgoing.get');
      recordAccess(store, req.write, { documentId: doc.id }, 'view');
      return withReceipts(store, [doc])[0]!;
    },
    'outgoing.replies': (input, req) => repliesOf(store, userOf(req), input.id),
    'outgoing.versions': (input, req) => versionsOf(store, userOf(req), input.id),
    'outgoing.listDrafts': (input, req) => listDrafts(store, input.statuses, undefined, userOf(req)),
    'outgoing.createDraft': (input, req) => createDraft(store, req.write, input),
    'outgoing.submitDraft': (input, req) => submitDraft(store, req.write, userOf(req), input),
    'outgoing.signDraft': (input, req) => signDraft(store, req.write, userOf(req), input),
  });
}

/** The register's Ký nhận for documents sent electronically: what each recipient organ said back. */
function withReceipts(store: Store, docs: DocumentRecord[]): DocumentRecord[] {
  const all = receiptsFor(
    store,
    docs.filter((d) => !d.masked).map((d) => d.id),
  );
  if (all.length === 0) return docs;
  return docs.map((d) => {
    const mine = all.filter((r) => r.documentId === d.id);
    return mine.length
      ? {
          ...d,
          receipts: mine.map((r) => ({ organId: r.organId, name: r.name, state: r.state, statusCode: r.statusCode, statusAt: r.statusAt })),
        }
      : d;
  });
}
