// Tiếp nhận đơn vị from the old unit's backup folder (the handover of its records): the folder is
// checked like a restore (manifest, every file's sha256, SQLite's integrity), its store copied
// aside and brought to this schema — never opened where it lies, never changed — then its files
// and rows come over (db/reform/takeOver.ts), a batch at a time so the office keeps working and
// sees the progress.
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '../../db/core/store.js';
import type { WriteContext } from '../../db/core/write.js';
import {
  readFormerUnit,
  refuseTakeOver,
  takeOverBatches,
  type FormerUnitFacts,
  type TakeOverInput,
  type TakeOverResult,
} from '../../db/reform/takeOver.js';
import { AppError } from '../../shared/api/errors.js';
import type { BackupService } from '../backup/backupService.js';
import { BACKUP_STORE, type Manifest } from '../backup/manifest.js';
import type { BlobStore } from '../files/blobStore.js';
import { readConfig } from '../sync/syncConfig.js';

export interface TakeOverState {
  running: boolean;
  phase: 'files' | 'rows' | null;
  done: number;
  total: number;
  error: string | null;
}

export class TakeOverService {
  private state: TakeOverState = { running: false, phase: null, done: 0, total: 0, error: null };

  constructor(
    private readonly store: Store,
    private readonly backups: BackupService,
    private readonly blobs: BlobStore,
    private readonly workDir: string,
    private readonly nativeBinding?: string | undefined,
  ) {}

  get running(): boolean {
    return this.state.running;
  }

  progress(): TakeOverState {
    return { ...this.state };
  }

  /** What the folder holds and whether it can be taken over; nothing is written. */
  async inspect(folder: string): Promise<FormerUnitFacts & { createdAt: string }> {
    const manifest = await this.backups.verify(folder);
    return this.withSource(folder, (source) => {
      const facts = readFormerUnit(source);
      refuseTakeOver(this.store, source, facts, { syncServerId: readConfig(this.store)?.serverId ?? null });
      return { ...facts, createdAt: manifest.createdAt };
    });
  }

  async run(ctx: WriteContext, folder: string, input: TakeOverInput): Promise<TakeOverResult> {
    if (this.state.running) throw new AppError('CONFLICT', 'Đang tiếp nhận một đơn vị; hãy đợi xong.');
    this.state = { running: true, phase: 'files', done: 0, total: 0, error: null };
    try {
      const manifest = await this.backups.verify(folder);
      return await this.withSource(folder, async (source) => {
        // Checked before the first file is copied: a refused takeover leaves nothing behind.
        refuseTakeOver(this.store, source, readFormerUnit(source), { syncServerId: readConfig(this.store)?.serverId ?? null });
        await this.copyFiles(folder, manifest);
        this.state.phase = 'rows';
        const steps = takeOverBatches(this.store, ctx, source, input);
        for (;;) {
          const step = steps.next();
          if (step.done) return step.value;
          this.state.done = step.value.done;
          this.state.total = step.value.total;
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
    } catch (err) {
      this.state.error = (err as Error).message;
      throw err;
    } finally {
      this.state.running = false;
    }
  }

  /** The old unit's files (attachments, stamped and signed copies) into this PC's store, checked by hash. */
  private async copyFiles(folder: string, manifest: Manifest): Promise<void> {
    const files = manifest.files.filter((f) => f.path.startsWith('files/'));
    this.state.total = files.length;
    for (const f of files) {
      if (!this.blobs.has(f.sha256)) {
        const stored = await this.blobs.put(createReadStream(join(folder, f.path)), Number.MAX_SAFE_INTEGER);
        if (stored.sha256 !== f.sha256)
          throw new AppError('FILE_UNREADABLE', `Tệp “${f.path}” trong bản sao lưu đã thay đổi sau khi kiểm tra; chưa tiếp nhận.`);
      }
      this.state.done++;
    }
  }

  /** The backup's store, copied aside and brought to this schema; removed afterwards whatever happens. */
  private async withSource<T>(folder: string, fn: (source: Store) => T | Promise<T>): Promise<T> {
    await mkdir(this.workDir, { recursive: true });
    const copy = join(this.workDir, `tiep-nhan-${randomBytes(6).toString('hex')}.sqlite`);
    await copyFile(join(folder, BACKUP_STORE), copy);
    let source: Store | null = null;
    try {
      source = openStore(copy, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {});
      return await fn(source);
    } finally {
      source?.close();
      for (const ext of ['', '-wal', '-shm']) await rm(copy + ext, { force: true });
    }
  }
}
