// A dossier taken out whole (Appendix VI 4g, 2a): as one PDF — its item list, then each document's
// file in the order of their dates (the signed or stamped copy where there is one) — and as the
// XML of Thông tư 02/2019 (dossierXml.ts), streamed to the spool.
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PDFDocument } from 'pdf-lib';
import { getAttachment, listAttachments } from '../../db/attachments/attachments.js';
import { getDossier } from '../../db/dossiers/dossiers.js';
import { shownDossier } from '../../db/dossiers/dossierSecrets.js';
import type { Store } from '../../db/core/store.js';
import type { Reader } from '../../db/secrets/secretAccess.js';
import { hiddenAmong } from '../../db/secrets/secretAccess.js';
import type { AttachmentRecord } from '../../shared/api/attachments.js';
import type { SpooledFile } from '../../shared/api/files.js';
import type { AttachmentsService } from '../files/attachmentsService.js';
import { printDossier } from './dossierPdfs.js';
import { bytesOrSpool, spoolPath } from '../files/spool.js';
import { dossiersXml } from './dossierXml.js';

const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-');

export async function exportDossierXml(store: Store, reader: Reader, id: string, spoolDir: string): Promise<SpooledFile> {
  const d = getDossier(store, id);
  const path = await spoolPath(spoolDir, 'ho-so', '.xml');
  await pipeline(Readable.from(dossiersXml(store, reader, [id])), createWriteStream(path, { flags: 'wx' }));
  return { name: `Ho-so-${safe(d.fullCode)}.xml`, mime: 'application/xml', spool: { path, size: (await stat(path)).size } };
}

/** The file that stands for a document in the dossier: its newest signed or stamped copy, else its first original. */
function fileOf(files: AttachmentRecord[]): AttachmentRecord | null {
  const superseded = new Set(files.map((f) => f.parentId).filter(Boolean));
  const current = files.filter((f) => !superseded.has(f.id));
  return (
    current.find((f) => f.kind === 'pdf' && (f.role === 'signed' || f.role === 'stamped')) ?? current.find((f) => f.kind === 'pdf') ?? null
  );
}

export async function exportDossierPdf(
  store: Store,
  files: AttachmentsService,
  reader: Reader,
  id: string,
  spoolDir: string,
): Promise<{ name: string; mime: string; bytes: Uint8Array } | SpooledFile> {
  const d = shownDossier(store, reader, getDossier(store, id), 'dossiers.exportPdf');
  const out = await PDFDocument.create();
  out.setTitle(`Hồ sơ ${d.fullCode} — ${d.title}`);
  out.setLanguage('vi-VN');
  out.setCreator('VănThư');
  const list = await PDFDocument.load((await printDossier(store, reader, id)).bytes);
  for (const p of await out.copyPages(list, list.getPageIndices())) out.addPage(p);
  const hidden = hiddenAmong(
    store,
    reader,
    d.items.map((i) => i.documentId).filter((x): x is string => !!x),
  );
  const byDate = [...d.items].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.position - b.position);
  for (const item of byDate) {
    if (item.documentId && hidden.has(item.documentId)) continue;
    const file = item.documentId
      ? fileOf(listAttachments(store, item.documentId))
      : item.attachmentId
        ? getAttachment(store, item.attachmentId)
        : null;
    if (!file || file.kind !== 'pdf') continue;
    const { attachment } = await files.open(file.id); // refuses bytes that no longer match their hash
    try {
      const src = await PDFDocument.load(await files.blobs.readAll(attachment.sha256), { updateMetadata: false });
      for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
    } catch {
      // An encrypted or broken file stays out of the merged PDF; the item list still names it.
      continue;
    }
  }
  return bytesOrSpool({ name: `Ho-so-${safe(d.fullCode)}.pdf`, mime: 'application/pdf', bytes: await out.save() }, spoolDir, 'ho-so');
}
