// A restore staged by the running app is applied at the next start, before the store opens:
// the current store is moved aside (never deleted), the backup's store copied in, and files the
// data folder lacks copied from the backup. If the PC dies half-way, the marker is still there
// and the next start finishes the job.
import { existsSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { copyHashed } from './fileCopy.js';
import { BACKUP_STORE, TRUST_ROOTS_DIR, readManifest } from './manifest.js';
import { PENDING_RESTORE } from './backupService.js';

export async function applyPendingRestore(dataDir: string, storeFile: string, filesDir: string, now = new Date()): Promise<string | null> {
  const marker = join(dataDir, PENDING_RESTORE);
  if (!existsSync(marker)) return null;
  const { folder } = JSON.parse(await readFile(marker, 'utf8')) as { folder: string };
  const manifest = await readManifest(folder);
  const aside = `${storeFile}.truoc-khoi-phuc-${now.toISOString().replace(/[:.]/g, '-')}`;
  if (existsSync(storeFile)) {
    await rename(storeFile, aside);
    for (const ext of ['-wal', '-shm']) if (existsSync(storeFile + ext)) await rename(storeFile + ext, aside + ext);
  }
  const copied = await copyHashed(join(folder, BACKUP_STORE), storeFile);
  const expected = manifest.files.find((f) => f.path === BACKUP_STORE)!;
  if (copied.sha256 !== expected.sha256) {
    // The backup changed since it was checked: put the old store back, leave the marker out.
    await rm(storeFile, { force: true });
    if (existsSync(aside)) await rename(aside, storeFile);
    await rm(marker, { force: true });
    throw new Error(`Bản sao lưu “${folder}” đã thay đổi sau khi kiểm tra; chưa khôi phục, dữ liệu cũ giữ nguyên.`);
  }
  for (const f of manifest.files) {
    if (f.path === BACKUP_STORE) continue;
    // The manifest's paths were checked against BACKUP_PATH: files/… or trust-roots/…, nothing else.
    const [dir, ...rest] = f.path.split('/');
    const dest = dir === TRUST_ROOTS_DIR ? join(dataDir, TRUST_ROOTS_DIR, ...rest) : join(filesDir, ...rest);
    if (!existsSync(dest)) await copyHashed(join(folder, f.path), dest);
  }
  await rm(marker, { force: true });
  return `Đã khôi phục từ “${folder}” (${manifest.documents.toLocaleString('vi-VN')} văn bản, sao lưu lúc ${manifest.createdAt}). Dữ liệu trước đó giữ ở “${aside}”.`;
}
