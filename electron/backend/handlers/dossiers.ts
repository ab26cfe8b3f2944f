// Work dossiers: the yearly catalogue (Danh mục hồ sơ), dossiers and their items, handover to the archive.
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
import { printCatalogue, printDossier, printHandover } from '../../archive/dossierPdfs.js';
import { defineSlice, userOf, type Services } from './types.js';

export function dossierHandlers({ store, files, spoolDir }: Services) {
  return defineSlice({
    'catalogue.get': (input) => getCatalogue(store, input.year),
    'catalogue.saveHeading': (input, req) => saveHeading(store, req.write, input),
    'catalogue.saveEntry': (input, req) => saveEntry(store, req.write, input),
    'catalogue.copyFromYear': (input, req) => copyCatalogue(store, req.write, input.from, input.to),
    'catalogue.print': (input) => printCatalogue(store, input.year),
    'dossiers.open': (input, req) => openDossier(store, req.write, input),
    'dossiers.list': (input) => listDossiers(store, input),
    'dossiers.get': (input) => getDossier(store, input.id),
    'dossiers.addItems': (input, req) => (requireKeeper(store, userOf(req), input.dossierId), addItems(store, req.write, input)),
    'dossiers.reorder': (input, req) => (requireKeeper(store, userOf(req), input.dossierId), reorderItems(store, req.write, input)),
    'dossiers.removeItem': (input, req) => (
      requireKeeper(store, userOf(req), dossierOfItem(store, input.itemId)),
      removeItem(store, req.write, input.itemId)
    ),
    'dossiers.close': (input, req) => (requireKeeper(store, userOf(req), input.id), closeDossier(store, req.write, input.id)),
    'dossiers.reopen': (input, req) => reopenDossier(store, req.write, input.id, input.reason),
    'dossiers.describe': (input, req) => (
      requireKeeper(store, userOf(req), input.id),
      describeDossier(store, req.write, userOf(req), input.id, input.description, input.pageCount)
    ),
    'dossiers.print': (input) => printDossier(store, input.id),
    'archive.handover': (input, req) => handOver(store, req.write, input.dossierIds),
    'archive.handoverList': (input) => printHandover(store, input.dossierIds),
    'archive.exportPackage': (input) => exportPackage(store, files, input.dossierIds, spoolDir),
  });
}
