// Backups a clerk can trust: SQLite's online backup of the store (the app keeps working) and
// every attachment, each file's sha256 in a manifest, written to a folder that only gets its
// final name once complete. Restore checks all of it before touching anything, then hands
// over to the next start (restoreOnStart.ts), which keeps the current store aside.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { folderError, plainFolder, usableFolder } from './targetFolder.js';
import { AppError } from '../../shared/api/errors.js';
import { APP_VERSION } from '../../shared/version.js';
import { inspectStoreFile, referencedFiles } from '../../db/backup/storeFile.js';
import { localValue, setLocalValue, type Store } from '../../db/core/store.js';
import { currentUnit } from '../../db/admin/users.js';
import type { BlobStore } from '../files/blobStore.js';
import { copyHashed, hashFile, tryLink } from './fileCopy.js';
import { BACKUP_PATH, BACKUP_STORE, MANIFEST, TRUST_ROOTS_DIR, readManifest, type Manifest } from './manifest.js';
import { pickToKeep } from './rotation.js';

export const PENDING_RESTORE = 'khoi-phuc-dang-cho.json';
const STALE_DAYS = 3;
const FOLDER = /^VanThu-.+-\d{8}-\d{6}$/;

export interface BackupProgress {
  phase: string;
  done: number;
  total: number;
}

export interface BackupResult {
  path: string;
  createdAt: string;
  documents: number;
  files: number;
  bytes: number;
  linked: number;
  warnings: string[];
}

export class BackupService {
  running: BackupProgress | null = null;
  /** The scheduled backup's last failure, until one succeeds. */
  lastError: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly dataDir: string,
  ) {}

  schedule(): { folder: string | null; enabled: boolean } {
    const raw = localValue(this.store.sqlite, 'backup.schedule');
    return raw ? (JSON.parse(raw) as { folder: string | null; enabled: boolean }) : { folder: null, enabled: false };
  }

  /** The backup folder is this PC's (a USB disk, a share), so it is kept locally, not synced. */
  setSchedule(folder: string | null, enabled: boolean): void {
    if (enabled && !folder) throw new AppError('VALIDATION', 'Hãy chọn thư mục để sao lưu hằng ngày.', { field: 'folder' });
    setLocalValue(this.store.sqlite, 'backup.schedule', JSON.stringify({ folder: folder ? plainFolder(folder, 'folder') : null, enabled }));
  }

  lastGood(): { at: string; path: string; documents: number } | null {
    const raw = localValue(this.store.sqlite, 'backup.last');
    return raw ? (JSON.parse(raw) as { at: string; path: string; documents: number }) : null;
  }

  status() {
    const last = this.lastGood();
    const ageDays = last ? (this.store.now().getTime() - Date.parse(last.at)) / 86_400_000 : Infinity;
    const warning = this.lastError
      ? `Lần sao lưu tự động gần nhất không thành: ${this.lastError}`
      : !last
        ? 'Chưa có bản sao lưu nào trên máy này. Hãy chọn thư mục (ổ USB, thư mục dùng chung) và sao lưu ngay.'
        : ageDays > STALE_DAYS
          ? `Bản sao lưu tốt gần nhất đã ${Math.floor(ageDays)} ngày (${last.at.slice(0, 10).split('-').reverse().join('/')}). Hãy kiểm tra ổ sao lưu và sao lưu ngay.`
          : null;
    return { ...this.schedule(), lastGood: last, warning, running: this.running };
  }

  async create(dir: string): Promise<BackupResult> {
    if (this.running) throw new AppError('CONFLICT', 'Đang sao lưu; hãy đợi lần này xong.');
    const root = await usableFolder(dir);
    this.running = { phase: 'Đang chép dữ liệu', done: 0, total: 1 };
    const at = this.store.now();
    const unit = safeUnit(this.store);
    const name = `VanThu-${(unit?.code ?? 'donvi')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '')}-${stamp(at)}`;
    const partial = join(root, `${name}.dang-sao-luu`);
    const warnings: string[] = [];
    try {
      await mkdir(partial, { recursive: true });
      // SQLite's online backup copies page by page between the app's own requests.
      await this.store.sqlite.backup(join(partial, BACKUP_STORE), {
        progress: ({ totalPages, remainingPages }) => {
          this.running = { phase: 'Đang chép dữ liệu', done: totalPages - remainingPages, total: totalPages };
          return 2000;
        },
      });
      const files: Manifest['files'] = [{ path: BACKUP_STORE, ...(await hashFile(join(partial, BACKUP_STORE))) }];
      const shas = referencedFiles(this.store).filter((s) => this.blobs.has(s));
      // The newest complete backup in the folder holds every file the older ones do that is still
      // in use: one stat per file, not one per file per kept backup.
      const [previous] = await this.previousBackups(root);
      let linked = 0;
      for (const [i, sha] of shas.entries()) {
        this.running = { phase: 'Đang chép tệp đính kèm', done: i, total: shas.length };
        const rel = join('files', sha.slice(0, 2), sha.slice(2, 4), sha);
        const dest = join(partial, rel);
        const earlier = previous ? join(previous, rel) : null;
        if (earlier && existsSync(earlier) && (await tryLink(earlier, dest))) {
          const s = await stat(dest);
          files.push({ path: rel.split('\\').join('/'), size: s.size, sha256: sha });
          linked++;
          continue;
        }
        const copied = await copyHashed(this.blobs.path(sha), dest);
        if (copied.sha256 !== sha) {
          await rm(dest, { force: true });
          warnings.push(`Tệp đính kèm ${sha.slice(0, 12)}… trên máy đã hỏng (không khớp mã kiểm tra) nên không có trong bản sao lưu.`);
          continue;
        }
        files.push({ path: rel.split('\\').join('/'), size: copied.size, sha256: sha });
      }
      // The roots this PC trusts are the office's decision too: a restored PC checks signatures as before.
      const roots = join(this.dataDir, TRUST_ROOTS_DIR);
      for (const name of existsSync(roots) ? await readdir(roots) : []) {
        const rel = `${TRUST_ROOTS_DIR}/${name}`;
        if (!BACKUP_PATH.test(rel)) continue;
        files.push({ path: rel, ...(await copyHashed(join(roots, name), join(partial, TRUST_ROOTS_DIR, name))) });
      }
      // SQLite's backup copies the pages exactly; the full integrity check (seconds on a large
      // store, blocking everyone) is done where it matters, before a restore.
      const facts = inspectStoreFile(this.store, join(partial, BACKUP_STORE), { integrity: false });
      if (!facts.ok) throw new AppError('INTERNAL', `Bản sao vừa chép không đọc được: ${facts.problem}.`);
      const manifest: Manifest = {
        format: 'vanthu-backup-1',
        app: 'VănThư',
        appVersion: APP_VERSION,
        schemaVersion: facts.schemaVersion,
        createdAt: at.toISOString(),
        unit,
        deviceId: this.store.deviceId,
        documents: facts.documents,
        files,
      };
      await writeFile(join(partial, MANIFEST), JSON.stringify(manifest, null, 1));
      const final = join(root, name);
      await rename(partial, final);
      setLocalValue(this.store.sqlite, 'backup.last', JSON.stringify({ at: manifest.createdAt, path: final, documents: facts.documents }));
      return {
        path: final,
        createdAt: manifest.createdAt,
        documents: facts.documents,
        files: files.length - 1,
        bytes: files.reduce((s, f) => s + f.size, 0),
        linked,
        warnings,
      };
    } catch (err) {
      await rm(partial, { recursive: true, force: true }).catch(() => {});
      throw folderError(err, root);
    } finally {
      this.running = null;
    }
  }

  /** Backups in a folder, newest first (complete ones only: a '.dang-sao-luu' folder never counts). */
  async previousBackups(root: string): Promise<string[]> {
    const names = (await readdir(root).catch(() => [] as string[])).filter((n) => FOLDER.test(n) && existsSync(join(root, n, MANIFEST)));
    return names
      .sort()
      .reverse()
      .map((n) => join(root, n));
  }

  /** Keeps 7 daily and 4 weekly backups in the folder; removes the rest. */
  async rotate(root: string): Promise<string[]> {
    const all = await this.previousBackups(root);
    const keep = new Set(pickToKeep(all.map((p) => ({ path: p, at: atOf(p) }))));
    const removed = all.filter((p) => !keep.has(p));
    for (const p of removed) await rm(p, { recursive: true, force: true });
    return removed;
  }

  /** Everything a restore checks first: the manifest, each file's size and sha256, SQLite's integrity check, the schema. */
  async verify(folder: string): Promise<Manifest> {
    const dir = resolve(folder);
    const manifest = await readManifest(dir);
    if (!manifest.files.some((f) => f.path === BACKUP_STORE)) throw new AppError('FILE_UNREADABLE', 'Bản sao lưu không có tệp dữ liệu.');
    for (const f of manifest.files) {
      const path = join(dir, f.path);
      if (!existsSync(path)) throw new AppError('FILE_UNREADABLE', `Bản sao lưu thiếu tệp “${f.path}”.`);
      const h = await hashFile(path);
      if (h.size !== f.size || h.sha256 !== f.sha256)
        throw new AppError('FILE_UNREADABLE', `Tệp “${f.path}” trong bản sao lưu đã bị thay đổi hoặc hỏng (không khớp mã kiểm tra).`);
    }
    const facts = inspectStoreFile(this.store, join(dir, BACKUP_STORE));
    if (!facts.ok) throw new AppError('FILE_UNREADABLE', `Tệp dữ liệu trong bản sao lưu không dùng được: ${facts.problem}.`);
    if (facts.schemaVersion > this.store.schemaVersion) {
      throw new AppError(
        'NEWER_DATABASE',
        `Bản sao lưu do VănThư mới hơn tạo ra (lược đồ ${facts.schemaVersion}); hãy cập nhật VănThư trước khi khôi phục.`,
      );
    }
    return manifest;
  }

  /** Verified, then left for the next start to apply: the open store is never swapped under the app. */
  async stageRestore(folder: string): Promise<Manifest> {
    const manifest = await this.verify(folder);
    await writeFile(join(this.dataDir, PENDING_RESTORE), JSON.stringify({ folder: resolve(folder), at: this.store.now().toISOString() }));
    return manifest;
  }
}

function safeUnit(store: Store): { name: string; code: string } | null {
  try {
    const u = currentUnit(store);
    return { name: u.name, code: u.code };
  } catch {
    return null;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** yyyymmdd-HHMMSS in the office's zone, so folder names sort by time. */
function stamp(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  return `${v.getUTCFullYear()}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}-${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
}

function atOf(path: string): Date {
  const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(path)!;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - 7 * 3_600_000);
}
