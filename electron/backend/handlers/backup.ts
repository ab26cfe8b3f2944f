// Backups (made, checked, restored at the next start), the full export, and imports of old registers.
import { mutate } from '../../../db/core/write.js';
import { AppError } from '../../../shared/api/errors.js';
import { exportAll } from '../../backup/exportAll.js';
import type { Manifest } from '../../backup/manifest.js';
import { defineSlice, ok, type Services } from './types.js';

function manifestFacts(m: Manifest) {
  return {
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    documents: m.documents,
    files: m.files.length - 1,
    unit: m.unit,
  };
}

export function backupHandlers({ store, backups, files, imports, onRestoreStaged }: Services) {
  return defineSlice({
    'backup.status': () => backups.status(),
    'backup.setSchedule': (input) => {
      backups.setSchedule(input.folder, input.enabled);
      return ok;
    },
    'backup.create': async (input) => {
      const dir = input.dir ?? backups.schedule().folder;
      if (!dir) throw new AppError('VALIDATION', 'Chưa chọn thư mục sao lưu.', { field: 'dir' });
      return backups.create(dir);
    },
    'backup.verify': async (input) => manifestFacts(await backups.verify(input.path)),
    'backup.restore': async (input, req) => {
      const manifest = await backups.stageRestore(input.path);
      mutate(store, req.write, (w) => w.event('backup.restore', { from: input.path, createdAt: manifest.createdAt }));
      // The host restarts once this answer is out; the restore applies before the store opens.
      onRestoreStaged?.();
      return { ...manifestFacts(manifest), restarting: Boolean(onRestoreStaged) };
    },
    'backup.exportAll': (input) => exportAll(store, files.blobs, input.dir),
    'imports.stagePath': (input) => imports.stagePath(input.path),
    'imports.preview': (input) => imports.preview(input),
    'imports.run': (input, req) => imports.run(req.write, input),
  });
}
