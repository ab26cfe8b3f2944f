// Files of a document: list, check, add (from a path, in the window), bytes, remove, and the dấu ĐẾN.
// A secret document's files are read only by those who may read its content.
import { fileTarget, recordAccess } from '../../../db/access/accessLog.js';
import { mutate } from '../../../db/core/write.js';
import { getAttachment, listAttachments, removeAttachment, requireFileReader } from '../../../db/attachments/attachments.js';
import { scanHits } from '../../../db/search/pageHits.js';
import { requireContent } from '../../../db/secrets/secretAccess.js';
import { defineSlice, ok, userOf, type Services } from './types.js';

export function attachmentHandlers({ store, files, trust }: Services) {
  return defineSlice({
    'attachments.signatures': async (input, req) => {
      requireFileReader(store, userOf(req), input.id, 'attachments.signatures');
      const r = await files.signatures(input.id);
      return { read: r.checks !== null, checks: r.checks ?? [], more: r.more };
    },
    'trust.list': () => trust.list(),
    // Whom the office trusts is on the audit record.
    'trust.add': async (input, req) => {
      const root = await trust.add(new Uint8Array(Buffer.from(input.certificate, 'base64')));
      mutate(store, req.write, (w) => w.event('trust.add', root, null, 'trust_roots'));
      return root;
    },
    'trust.remove': (input, req) => {
      trust.remove(input.fingerprint);
      mutate(store, req.write, (w) => w.event('trust.remove', { fingerprint: input.fingerprint }, null, 'trust_roots'));
      return ok;
    },
    'attachments.list': (input, req) => (
      requireContent(store, userOf(req), input.documentId, 'attachments.list'),
      listAttachments(store, input.documentId).map((a) => ({ ...a, ocr: files.texts.progressOf(a.sha256) }))
    ),
    'attachments.ocrStop': (input, req) => {
      files.texts.stopOcr(requireFileReader(store, userOf(req), input.id, 'attachments.ocrStop').sha256);
      return ok;
    },
    'attachments.ocrResume': (input, req) => {
      files.texts.resumeOcr(requireFileReader(store, userOf(req), input.id, 'attachments.ocrResume').sha256);
      return ok;
    },
    'attachments.hits': (input, req) => {
      const a = requireFileReader(store, userOf(req), input.id, 'attachments.hits');
      // A copy with dấu ĐẾN has its original's words, where the original has them.
      const sha256 = a.role === 'stamped' && a.parentId ? getAttachment(store, a.parentId).sha256 : a.sha256;
      return scanHits(store, sha256, input.q);
    },
    'attachments.check': (input, req) => (requireFileReader(store, userOf(req), input.id, 'attachments.check'), files.check(input.id)),
    'attachments.remove': (input, req) => {
      requireFileReader(store, userOf(req), input.id, 'attachments.remove');
      removeAttachment(store, req.write, input.id);
      return ok;
    },
    'attachments.add': (input, req) => (
      requireContent(store, userOf(req), input.documentId, 'attachments.add'),
      files.addPath(req.write, input.documentId, input.path)
    ),
    'attachments.get': async (input, req) => {
      const a = requireFileReader(store, userOf(req), input.id, 'attachments.get');
      const content = await files.content(input.id);
      recordAccess(store, req.write, fileTarget(store, a), 'view');
      return content;
    },
    'incoming.readPath': (input, req) => files.readPathForRegistration(userOf(req).id, input.path),
    'incoming.attachRead': (input, req) => (
      requireContent(store, userOf(req), input.documentId, 'incoming.attachRead'),
      files.attachRead({ ...req.write, userId: userOf(req).id }, input.documentId, input.token)
    ),
    'incoming.stampPreview': (input, req) => (
      requireContent(store, userOf(req), input.documentId, 'incoming.stampPreview'),
      files.stampPreview(input)
    ),
    'incoming.stamp': (input, req) => (
      requireContent(store, userOf(req), input.documentId, 'incoming.stamp'),
      files.stamp(req.write, input)
    ),
  });
}
