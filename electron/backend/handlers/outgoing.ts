// The outgoing register: numbers and symbols, issuing, cancelling a reserved number, drafts for signing.
import { getDocument, listDocuments } from '../../../db/documents/documentRows.js';
import { createDraft, listDrafts, signDraft, submitDraft } from '../../../db/outgoing/drafts.js';
import { cancelOutgoing, issueOutgoing, previewOutgoing, repliesOf, reserveOutgoing } from '../../../db/outgoing/outgoing.js';
import { shownRecord, shownRecords } from '../../../db/secrets/secretAccess.js';
import { versionsOf } from '../../../db/outgoing/versions.js';
import { defineSlice, userOf, type Services } from './types.js';

export function outgoingHandlers({ store }: Services) {
  return defineSlice({
    'outgoing.preview': (input) => previewOutgoing(store, input),
    'outgoing.reserve': (input, req) => reserveOutgoing(store, req.write, input),
    'outgoing.issue': (input, req) => issueOutgoing(store, req.write, input),
    'outgoing.cancel': (input, req) => cancelOutgoing(store, req.write, input.id, input.reason),
    'outgoing.list': (input, req) => {
      const reader = userOf(req);
      const page = listDocuments(store, { kind: 'outgoing', ...input, reader });
      return { ...page, items: shownRecords(store, reader, page.items, 'outgoing.list') };
    },
    'outgoing.get': (input, req) => shownRecord(store, userOf(req), getDocument(store, input.id, 'outgoing'), 'outgoing.get'),
    'outgoing.replies': (input, req) => repliesOf(store, userOf(req), input.id),
    'outgoing.versions': (input, req) => versionsOf(store, userOf(req), input.id),
    'outgoing.listDrafts': (input, req) => listDrafts(store, input.statuses, undefined, userOf(req)),
    'outgoing.createDraft': (input, req) => createDraft(store, req.write, input),
    'outgoing.submitDraft': (input, req) => submitDraft(store, req.write, userOf(req), input),
    'outgoing.signDraft': (input, req) => signDraft(store, req.write, userOf(req), input),
  });
}
