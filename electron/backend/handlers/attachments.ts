// Files of a document: list, check, add (from a path, in the window), bytes, remove, and the dấu ĐẾN.
import { listAttachments, removeAttachment } from '../../../db/attachments/attachments.js';
import { defineSlice, ok, type Services } from './types.js';

export function attachmentHandlers({ store, files }: Services) {
  return defineSlice({
    'attachments.list': (input) => listAttachments(store, input.documentId),
    'attachments.check': (input) => files.check(input.id),
    'attachments.remove': (input, req) => {
      removeAttachment(store, req.write, input.id);
      return ok;
    },
    'attachments.add': (input, req) => files.addPath(req.write, input.documentId, input.path),
    'attachments.get': (input) => files.content(input.id),
    'incoming.stamp': (input, req) => files.stamp(req.write, input),
  });
}
