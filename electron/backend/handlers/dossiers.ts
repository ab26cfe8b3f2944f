// Work dossiers: the yearly catalogue (Danh mục hồ sơ), dossiers and their items, handover to the archive.
import { recordAccess } from '../../../db/access/accessLog.js';
import { copyCatalogue, getCatalogue, saveEntry, saveHeading } from '../../../db/dossiers/catalogue.js';
import {
  addItems,
  closeDossier,
  describeDossier,
  dossierOfItem,
  getDossier,
  handOver,
  listDossiers,
  openDossier,
  removeItem,
  reopenDossier,
  reorderItems,
  requireKeeper,
} from '../../../db/dossiers/dossiers.js';
import { exportPackage } from '../../archive/archivePackage.js';
import { exportDossierPdf, exportDossierXml } from '../../archive/dossierExport.js';
import { printCatalogue, printDossier, printHandover, printRetentionEnded } from '../../archive/dossierPdfs.js';
import { retentionEndedDossiers } from '../../../db/dossiers/retention.js';
import { shownDossier } from '../../../db/dossiers/dossierSecrets.js';
import { requireContent } from '../../../db/secrets/secretAccess.js';
import { suggestDossiers } from '../../../db/suggest/filing.js';
import type { DossierRecord } from '../../../shared/api/dossiers.js';
import { defineSlice, userOf, type RequestContext, type Services } from './types.js';

export function dossierHandlers({ store, files, spoolDir }: Services) {
  // Every dossier answered passes here: items that are secret documents the caller may not read are masked.
  const shown = (req: RequestContext, d: DossierRecord) => shownDossier(store, userOf(req), d, 'dossiers');
  return defineSlice({
    'catalogue.get': (input) => getCatalogue(store, input.year, input.unitId ?? null),
    'catalogue.saveHeading': (input, req) => saveHeading(store, req.write, input),
    'catalogue.saveEntry': (input, req) => saveEntry(store, req.write, input),
    'catalogue.copyFromYear': (input, req) => copyCatalogue(store, req.write, input.from, input.to),
    'catalogue.print': (input) => printCatalogue(store, input.year, input.unitId ?? null),
    'dossiers.open': (input, req) => shown(req, openDossier(store, req.write, input)),
    'dossiers.list': (input, req) => listDossiers(store, input).map((d) => shown(req, d)),
    'dossiers.get': (input, req) => {
      const d = shown(req, getDossier(store, input.id));
      recordAccess(store, req.write, { dossierId: d.id }, 'view');
      return d;
    },
    'dossiers.addItems': (input, req) => (
      requireKeeper(store, userOf(req), input.dossierId),
      shown(req, addItems(store, req.write, input))
    ),
    'dossiers.suggest': (input, req) => (
      requireContent(store, userOf(req), input.id, 'dossiers.suggest'),
      suggestDossiers(store, userOf(req), input.id)
    ),
    'dossiers.reorder': (input, req) => (
      requireKeeper(store, userOf(req), input.dossierId),
      shown(req, reorderItems(store, req.write, input))
    ),
    'dossiers.removeItem': (input, req) => (
      requireKeeper(store, userOf(req), dossierOfItem(store, input.itemId)),
      shown(req, removeItem(store, req.write, input.itemId))
    ),
    'dossiers.close': (input, req) => (requireKeeper(store, userOf(req), input.id), shown(req, closeDossier(store, req.write, input.id))),
    'dossiers.reopen': (input, req) => shown(req, reopenDossier(store, req.write, input.id, input.reason)),
    'dossiers.describe': (input, req) => (
      requireKeeper(store, userOf(req), input.id),
      shown(req, describeDossier(store, req.write, userOf(req), input.id, input.description, input.pageCount))
    ),
    'dossiers.print': async (input, req) => {
      const file = await printDossier(store, userOf(req), input.id);
      recordAccess(store, req.write, { dossierId: input.id }, 'print');
      return file;
    },
    'dossiers.exportPdf': async (input, req) => {
      const file = await exportDossierPdf(store, files, userOf(req), input.id, spoolDir);
      recordAccess(store, req.write, { dossierId: input.id }, 'download');
      return file;
    },
    'dossiers.exportXml': async (input, req) => {
      const file = await exportDossierXml(store, userOf(req), input.id, spoolDir);
      recordAccess(store, req.write, { dossierId: input.id }, 'download');
      return file;
    },
    'dossiers.retentionEnded': (input, req) =>
      retentionEndedDossiers(store, input.asOf).map((e) => ({ ...e, dossier: shown(req, e.dossier) })),
    'dossiers.printRetentionEnded': (input) => printRetentionEnded(store, input.asOf),
    'archive.handover': (input, req) => handOver(store, req.write, input.dossierIds).map((d) => shown(req, d)),
    'archive.handoverList': (input, req) => printHandover(store, userOf(req), input.dossierIds),
    'archive.exportPackage': async (input, req) => {
      const file = await exportPackage(store, files, input.dossierIds, spoolDir);
      for (const dossierId of new Set(input.dossierIds)) recordAccess(store, req.write, { dossierId }, 'download');
      return file;
    },
  });
}
