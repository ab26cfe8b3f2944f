// The handover package (archive.exportPackage): a .zip with manifest.json — each dossier's
// metadata (PL VI), each item's metadata and file names, the sha256 of every file — and the
// files themselves, read from the file store only after their hash is checked.
import { createHash } from 'node:crypto';
import type { DossierRecord } from '../../shared/api/dossiers.js';
import { retentionLabel } from '../../shared/api/dossiers.js';
import { getAttachment, listAttachments } from '../../db/attachments/attachments.js';
import { getDossier } from '../../db/dossiers/dossiers.js';
import type { Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import type { AttachmentsService } from '../files/attachmentsService.js';
import { ZipWriter } from './zipWriter.js';

export const PACKAGE_FORMAT = 'vanthu-archive/1';

function safe(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .slice(0, 150);
}

export async function exportPackage(
  store: Store,
  files: AttachmentsService,
  dossierIds: string[],
): Promise<{ name: string; mime: string; bytes: Uint8Array }> {
  const zip = new ZipWriter(store.now());
  const unit = currentUnit(store);
  const dossiers: DossierRecord[] = dossierIds.map((id) => getDossier(store, id));
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
        ? listAttachments(store, item.documentId)
        : item.attachmentId
          ? [getAttachment(store, item.attachmentId)]
          : [];
      const entries = [];
      for (const a of attached) {
        const { bytes } = await files.content(a.id); // refuses bytes that no longer match their hash
        const path = `${folder}/${String(item.position).padStart(3, '0')}-${safe(a.name)}`;
        zip.add(path, bytes);
        entries.push({
          path,
          name: a.name,
          role: a.role,
          mime: a.mime,
          size: a.size,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        });
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
  zip.add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  return { name: `Nop-luu-${store.now().toISOString().slice(0, 10)}.zip`, mime: 'application/zip', bytes: zip.finish() };
}
