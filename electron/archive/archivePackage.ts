// The handover package (archive.exportPackage): a .zip with manifest.json — each dossier's
// metadata (PL VI), each item's metadata and file names, the sha256 of every file — and the
// files themselves, read from the file store only after their hash is checked. The zip (yazl)
// is streamed to a spool file one attachment at a time, so its size is not bounded by memory.
import { Readable } from 'node:stream';
import { dossiersXml } from './dossierXml.js';
import { cutText, wellFormed } from '../../shared/text/cleanText.js';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { ZipFile } from 'yazl';
import type { SpooledFile } from '../../shared/api/files.js';
import type { DossierRecord } from '../../shared/api/dossiers.js';
import { retentionLabel } from '../../shared/api/dossiers.js';
import { getAttachment, listAttachments } from '../../db/attachments/attachments.js';
import { getDossier } from '../../db/dossiers/dossiers.js';
import { shownDossier } from '../../db/dossiers/dossierSecrets.js';
import { secretDocument } from '../../db/secrets/syncBoundary.js';
import type { Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import type { AttachmentsService } from '../files/attachmentsService.js';

export const PACKAGE_FORMAT = 'vanthu-archive/1';

function safe(name: string): string {
  return cutText(
    wellFormed(name)
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-'),
    150,
  );
}

/** The package's metadata file (Thông tư 02/2019/TT-BNV). */
export const DOSSIER_XML_FILE = 'dac-ta-ho-so.xml';

export async function exportPackage(store: Store, files: AttachmentsService, dossierIds: string[], spoolDir: string): Promise<SpooledFile> {
  const zip = new ZipFile();
  const mtime = store.now();
  await mkdir(spoolDir, { recursive: true });
  const path = join(spoolDir, `nop-luu-${randomBytes(8).toString('hex')}.zip`);
  const written = pipeline(zip.outputStream, createWriteStream(path, { flags: 'wx' }));
  try {
    const manifest = await addDossiers(store, files, zip, dossierIds, mtime, written);
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), 'manifest.json', { mtime, compress: true });
    // Beside the manifest, the same dossiers' metadata as Thông tư 02/2019 asks, with no secret content.
    zip.addReadStream(Readable.from(dossiersXml(store, null, dossierIds)), DOSSIER_XML_FILE, { mtime, compress: true });
    zip.end();
    await written;
  } catch (err) {
    (zip.outputStream as unknown as { destroy(): void }).destroy();
    await written.catch(() => undefined);
    await rm(path, { force: true });
    throw err;
  }
  return {
    name: `Nop-luu-${store.now().toISOString().slice(0, 10)}.zip`,
    mime: 'application/zip',
    spool: { path, size: (await stat(path)).size },
  };
}

async function addDossiers(
  store: Store,
  files: AttachmentsService,
  zip: ZipFile,
  dossierIds: string[],
  mtime: Date,
  written: Promise<void>,
) {
  const unit = currentUnit(store);
  // The package leaves this PC: secret documents go in as their register entry, without content or files.
  const dossiers: DossierRecord[] = dossierIds.map((id) => shownDossier(store, null, getDossier(store, id), 'archive.exportPackage'));
  const manifest = {
    format: PACKAGE_FORMAT,
    createdAt: store.now().toISOString(),
    unit: { name: unit.name, code: unit.code },
    dossiers: [] as unknown[],
  };
  for (const d of dossiers) {
    const folder = `ho-so/${safe(d.fullCode)}`;
    const items = [];
    for (const item of d.items) {
      const attached = item.documentId
        ? !secretDocument(store, item.documentId)
          ? listAttachments(store, item.documentId)
          : []
        : item.attachmentId
          ? [getAttachment(store, item.attachmentId)]
          : [];
      const entries = [];
      for (const a of attached) {
        const { stream, size } = await files.open(a.id); // refuses bytes that no longer match their hash
        const path = `${folder}/${String(item.position).padStart(3, '0')}-${safe(a.name)}`;
        // Stored, not deflated: PDFs and scans are compressed already.
        zip.addReadStream(stream, path, { mtime, compress: false, size });
        // One file open at a time: the next is added once yazl has read this one (or the zip failed).
        await Promise.race([finished(stream), written]);
        entries.push({ path, name: a.name, role: a.role, mime: a.mime, size: a.size, sha256: a.sha256 });
      }
      items.push({
        position: item.position,
        code: item.code,
        date: item.date,
        summary: item.summary,
        author: item.author,
        pages: item.pages,
        primaryFiling: item.primaryFiling,
        notes: item.notes,
        files: entries,
      });
    }
    manifest.dossiers.push({
      code: d.fullCode,
      notation: d.notation,
      title: d.title,
      retention: retentionLabel(d.retention),
      accessRegime: d.accessRegime,
      creator: d.keeperName,
      language: d.language,
      startDate: d.startDate,
      endDate: d.endDate,
      documentCount: d.documentCount,
      pageCount: d.pageCount,
      description: d.description,
      status: d.status,
      items,
    });
  }
  return manifest;
}
