// Reading vanthu.config.json: beside the executable (a portable or per-machine install), then
// VANTHU_CONFIG, then the machine's shared config folder. Applied once, on the first start
// with it: the setup form is prefilled, the backup folder set, the update and sync addresses kept.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { preseedSchema, type Preseed } from '../../shared/api/preseed.js';
import { localValue, setLocalValue, type Store } from '../../db/core/store.js';
import type { BackupService } from '../backup/backupService.js';

export const CONFIG_FILE = 'vanthu.config.json';

export function preseedLocations(
  execPath: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const shared =
    platform === 'win32' ? join(env.ProgramData ?? 'C:\\ProgramData', 'VanThu', CONFIG_FILE) : join('/etc/vanthu', CONFIG_FILE);
  return [join(dirname(execPath), CONFIG_FILE), ...(env.VANTHU_CONFIG ? [env.VANTHU_CONFIG] : []), shared];
}

export type PreseedRead = { path: string; config: Preseed; hash: string } | { path: string; error: string } | null;

export function readPreseed(locations: string[]): PreseedRead {
  for (const path of locations) {
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { path, error: `Tệp cấu hình ${path} không phải JSON hợp lệ; VănThư chạy như chưa có cấu hình.` };
    }
    const parsed = preseedSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        path,
        error: `Tệp cấu hình ${path} có mục sai (${issue?.path.join('.') || 'gốc'}: ${issue?.message}); VănThư chạy như chưa có cấu hình.`,
      };
    }
    return { path, config: parsed.data, hash: createHash('sha256').update(text).digest('hex') };
  }
  return null;
}

/** The preseed in force on this PC (kept in local_meta once applied). */
export function currentPreseed(store: Store): Preseed | null {
  const raw = localValue(store.sqlite, 'preseed');
  return raw ? (JSON.parse(raw) as Preseed) : null;
}

/** Applies a preseed the first time this PC sees it (a changed file is applied again). */
export function applyPreseed(
  store: Store,
  backups: BackupService,
  read: PreseedRead,
  log: (m: string) => void = console.error,
): Preseed | null {
  if (!read) return currentPreseed(store);
  if ('error' in read) {
    log(read.error);
    return currentPreseed(store);
  }
  if (localValue(store.sqlite, 'preseed.hash') === read.hash) return currentPreseed(store);
  setLocalValue(store.sqlite, 'preseed', JSON.stringify(read.config));
  setLocalValue(store.sqlite, 'preseed.hash', read.hash);
  if (read.config.backup && !backups.schedule().folder) backups.setSchedule(read.config.backup.folder, read.config.backup.daily);
  return read.config;
}
