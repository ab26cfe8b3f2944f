// Sync with the office's server: status, connect, now, conflicts to restore, number clashes to renumber.
import { listClashes, renumberDocument } from '../../../db/sync/clashes.js';
import { dismissConflict, listConflicts, restoreConflict } from '../../../db/sync/conflicts.js';
import { defineSlice, ok, userOf, type Services } from './types.js';

export function syncHandlers({ store, sync }: Services) {
  return defineSlice({
    'sync.status': () => sync.status(),
    'sync.connect': (input) => sync.connect(input),
    'sync.disconnect': () => sync.disconnect(),
    'sync.settings': (input) => sync.setEagerFiles(input.eagerFiles),
    'sync.now': () => sync.syncNow(),
    'sync.conflicts': (_input, req) => listConflicts(store, userOf(req)),
    'sync.restoreConflict': (input, req) => (restoreConflict(store, req.write, userOf(req), input.id), ok),
    'sync.dismissConflict': (input, req) => (dismissConflict(store, req.write, userOf(req), input.id), ok),
    'sync.clashes': (_input, req) => listClashes(store, userOf(req)),
    'sync.renumber': (input, req) => renumberDocument(store, req.write, input.id),
  });
}
