// Who looked at what: Lịch sử truy cập, the admin's report (screen and PDF), and copies taken out
// (attachments.copy: recorded, a PDF marked). Views are recorded where they are served.
import { getDossier } from '../../../db/dossiers/dossiers.js';
import { accessHistory, accessReport } from '../../../db/access/accessLog.js';
import { requireContent } from '../../../db/secrets/secretAccess.js';
import { requireFileReader } from '../../../db/attachments/attachments.js';
import { userName } from '../../../db/handling/state.js';
import { takeCopy } from '../../access/copies.js';
import { printAccessReport } from '../../access/accessReportPdf.js';
import { defineSlice, userOf, type Services } from './types.js';

export function accessHandlers({ store, files, spoolDir }: Services) {
  return defineSlice({
    'access.history': (input, req) => {
      // Who read a secret document is itself for those who may read it.
      if (input.documentId) {
        requireContent(store, userOf(req), input.documentId, 'access.history');
        return accessHistory(store, { documentId: input.documentId });
      }
      return accessHistory(store, { dossierId: getDossier(store, input.dossierId!).id });
    },
    'access.report': (input) => accessReport(store, input.from, input.to),
    'access.print': (input) => printAccessReport(store, input.from, input.to),
    'attachments.copy': (input, req) => {
      const user = userOf(req);
      requireFileReader(store, user, input.id, `attachments.copy.${input.purpose}`);
      return takeCopy(store, files, req.write, { fullName: userName(store, user.id) ?? user.id }, input, spoolDir);
    },
  });
}
