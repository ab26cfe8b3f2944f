// The sync module of a desktop (plain Node): while enrolled, push the outbox in chunks, upload
// the files those rows name, then pull and apply page by page (each page with its cursor in one
// transaction). Failures back off with jitter and retry on a timer. Nothing here deletes local
// data: a server that looks different or emptier than before stops sync with a message.
import { pinRootKey } from '../../db/sync/authorityCheck.js';
import { isAirGapped } from '../../db/secrets/airGap.js';
import { AIR_GAPPED_SYNC_MESSAGE } from '../../shared/domain/secrecy.js';
import { hostname } from 'node:os';
import { AppError } from '../../shared/api/errors.js';
import type { SyncStatus } from '../../shared/api/sync.js';
import type { Change } from '../../shared/sync/protocol.js';
import { applyPulledPage, CURSOR_KEY } from '../../db/sync/apply.js';
import { countClashes, noteClash } from '../../db/sync/clashes.js';
import { countConflicts } from '../../db/sync/conflicts.js';
import { restampFutureChanges } from '../../db/sync/restamp.js';
import {
  countFilesToUpload,
  countSetAside,
  countUnsent,
  filesToUpload,
  markFilesOnServer,
  markSent,
  setAside,
  unsentChanges,
} from '../../db/sync/outbox.js';
import { isInitialized } from '../../db/admin/setup.js';
import { stmt } from '../../db/core/statements.js';
import { localValue, type Store } from '../../db/core/store.js';
import { writeDerived } from '../../db/core/write.js';
import type { BlobStore } from '../files/blobStore.js';
import { backoffDelay } from './backoff.js';
import { normalizeServerUrl } from './serverUrl.js';
import {
  plainVault,
  readConfig,
  readState,
  writeConfig,
  writeState,
  type SyncConfig,
  type SyncState,
  type TokenVault,
} from './syncConfig.js';
import { SyncFailure, SyncHttp } from './syncHttp.js';
import type { UnitsReport } from '../../shared/api/reports.js';

export interface SyncEngineOptions {
  store: Store;
  blobs: BlobStore;
  vault?: TokenVault;
  /** Between successful syncs (default 60 s). */
  intervalMs?: number;
  /** Changes per push (default 2,000) and their byte budget (default 4 MiB, half the server's limit). */
  pushChunk?: number;
  pushBytes?: number;
  pullLimit?: number;
  random?: () => number;
  log?: (message: string, err?: unknown) => void;
  /** Largest file downloaded (the attachment limit). */
  maxFileBytes?: () => number;
}

export class SyncEngine {
  private readonly store: Store;
  readonly vault: TokenVault;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private failures = 0;
  private nextAttemptAt: Date | null = null;
  private chunk: number;

  constructor(private readonly options: SyncEngineOptions) {
    this.store = options.store;
    this.vault = options.vault ?? plainVault;
    this.chunk = options.pushChunk ?? 2000;
  }

  get config(): SyncConfig | null {
    return readConfig(this.store);
  }

  status(): SyncStatus {
    const config = this.config;
    const state = readState(this.store);
    return {
      enrolled: config !== null,
      url: config?.url ?? null,
      unitName: config?.unitName ?? null,
      deviceName: config?.deviceName ?? null,
      running: this.running !== null,
      stopped: Boolean(config?.stopped),
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: config?.stopped ?? state.lastError,
      nextAttemptAt: config && !config.stopped ? (this.nextAttemptAt?.toISOString() ?? null) : null,
      waiting: countUnsent(this.store),
      setAside: countSetAside(this.store),
      filesWaiting: config ? countFilesToUpload(this.store) : 0,
      conflicts: countConflicts(this.store),
      clashes: countClashes(this.store),
      eagerFiles: config?.eagerFiles ?? false,
      tokenProtection: this.vault.protection,
    };
  }

  /** Enrolls this PC with a one-time code. A PC that already holds data may only be a unit's first. */
  async connect(input: { url: string; code: string; deviceName?: string | undefined }): Promise<SyncStatus> {
    if (isAirGapped(this.store)) throw new AppError('VALIDATION', AIR_GAPPED_SYNC_MESSAGE);
    if (this.running) await this.running;
    const url = normalizeServerUrl(input.url);
    const http = new SyncHttp(url);
    const deviceName = input.deviceName?.trim() || hostname();
    const answer = await http
      .enroll({ code: input.code, deviceName, hasData: isInitialized(this.store), clockId: this.store.deviceId })
      .catch((err: unknown) => {
        throw toAppError(err);
      });
    // The unit's first admin's key, as the server pinned it: the root this PC checks signed changes against.
    if (answer.rootKey) pinRootKey(this.store, answer.rootKey);
    writeConfig(this.store, {
      url,
      serverId: answer.serverId,
      deviceId: answer.deviceId,
      deviceName,
      unitCode: answer.unit.code,
      unitName: answer.unit.name,
      sealedToken: this.vault.seal(answer.token),
      eagerFiles: false,
      stopped: null,
    });
    // A new server: everything here is new to it, and nothing of its is here yet.
    writeDerived(this.store, () => {
      stmt(this.store.sqlite, 'UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL').run();
      stmt(this.store.sqlite, 'DELETE FROM sync_files').run();
      stmt(this.store.sqlite, `DELETE FROM local_meta WHERE key = ?`).run(CURSOR_KEY);
    });
    writeState(this.store, { lastSuccessAt: null, lastAttemptAt: null, lastError: null });
    this.failures = 0;
    if (this.started) this.schedule(0);
    return this.status();
  }

  /** Forgets the server and the token; the data stays. */
  async disconnect(): Promise<SyncStatus> {
    if (this.running) await this.running;
    writeConfig(this.store, null);
    this.clearTimer();
    return this.status();
  }

  setEagerFiles(eager: boolean): SyncStatus {
    const config = this.config;
    if (!config) throw new AppError('VALIDATION', 'Máy này chưa kết nối máy chủ đồng bộ.');
    writeConfig(this.store, { ...config, eagerFiles: eager });
    return this.status();
  }

  /** "Đồng bộ ngay": one full round; a stopped sync is tried again too (the person asked). */
  async syncNow(): Promise<SyncStatus> {
    const config = this.config;
    if (!config) throw new AppError('VALIDATION', 'Máy này chưa kết nối máy chủ đồng bộ. Hãy nhập địa chỉ máy chủ và mã đăng ký.');
    if (isAirGapped(this.store)) throw new AppError('VALIDATION', AIR_GAPPED_SYNC_MESSAGE);
    // A round already running may have started before what the person wants sent: one more after it.
    if (this.running) await this.running.catch(() => {});
    const current = this.config;
    if (current?.stopped) writeConfig(this.store, { ...current, stopped: null });
    await this.round();
    return this.status();
  }

  /** The background loop: a round now, then every interval, sooner after a local change. */
  start(): void {
    this.started = true;
    if (this.config) this.schedule(1000);
  }

  /** A local write happened: send it soon rather than at the next interval. */
  nudge(): void {
    if (!this.started || !this.config || this.failures > 0) return;
    if (this.nextAttemptAt && this.nextAttemptAt.getTime() - Date.now() < 3000) return;
    this.schedule(3000);
  }

  async stop(): Promise<void> {
    this.started = false;
    this.clearTimer();
    if (this.running) await this.running.catch(() => {});
  }

  /** On demand: fetch a file this PC has a record of but not the bytes. false if the server lacks it. */
  async fetchFile(sha: string): Promise<boolean> {
    const config = this.config;
    if (!config) return false;
    const body = await this.http(config)
      .getFile(sha)
      .catch((err: unknown) => {
        throw toAppError(err);
      });
    if (!body) return false;
    const stored = await this.options.blobs.put(body, this.options.maxFileBytes?.() ?? Number.MAX_SAFE_INTEGER);
    if (stored.sha256 !== sha) {
      throw new AppError('FILE_DAMAGED', 'Tệp tải từ máy chủ không khớp mã kiểm tra SHA-256 nên không được dùng; hãy thử lại.');
    }
    return true;
  }

  /** Work that rides on a successful round (the exchange's queue, #18); its failures are its own. */
  afterRound: (() => Promise<unknown>) | null = null;

  /** The server's client while this PC syncs (not stopped, not air-gapped), else null. */
  /** The supervising office's figures over the units under it, as the server holds them. */
  async unitsReport(q: { from: string; to: string; groupBy: string }): Promise<UnitsReport> {
    const c = this.client();
    if (!c)
      throw new AppError(
        'VALIDATION',
        'Báo cáo các đơn vị trực thuộc lấy từ máy chủ đồng bộ: máy này chưa kết nối máy chủ (hoặc đồng bộ đang dừng).',
      );
    try {
      return await c.unitsReport(q);
    } catch (err) {
      if (err instanceof SyncFailure)
        throw new AppError(err.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'VALIDATION', `Máy chủ đồng bộ: ${err.message}`);
      throw err;
    }
  }

  client(): SyncHttp | null {
    const config = this.config;
    if (!config || config.stopped || isAirGapped(this.store)) return null;
    return this.http(config);
  }

  private http(config: SyncConfig): SyncHttp {
    return new SyncHttp(config.url, this.vault.open(config.sealedToken));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAttemptAt = null;
  }

  private schedule(delay: number): void {
    this.clearTimer();
    if (!this.started) return;
    this.nextAttemptAt = new Date(Date.now() + delay);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round().catch(() => {});
    }, delay);
    this.timer.unref?.();
  }

  /** One round at a time; a second caller waits for the running one. */
  private round(): Promise<void> {
    if (!this.running) {
      this.running = this.runRound().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runRound(): Promise<void> {
    const config = this.config;
    // A PC declared off every network keeps secret files: it does not sync at all.
    if (!config || config.stopped || isAirGapped(this.store)) return;
    const state: SyncState = { ...readState(this.store), lastAttemptAt: new Date().toISOString() };
    try {
      const http = this.http(config);
      // Before sending anything: a server restored from an old backup would otherwise number
      // our new changes over the ones it lost, and the loss would go unseen.
      await this.checkNotBehind(http, config);
      await this.pushAll(http, config);
      await this.uploadFiles(http);
      await this.pullAll(http, config);
      if (config.eagerFiles) await this.downloadMissing();
      this.failures = 0;
      writeState(this.store, { ...state, lastSuccessAt: new Date().toISOString(), lastError: null });
      if (this.afterRound) await this.afterRound().catch((err: unknown) => this.options.log?.('exchange after sync failed', err));
      this.schedule(this.options.intervalMs ?? 60_000);
    } catch (err) {
      const failure = err instanceof SyncFailure ? err : err instanceof AppError ? new SyncFailure(err.code, err.message, true) : null;
      if (!failure) this.options.log?.('sync round failed', err);
      const message = failure?.message ?? 'Đồng bộ gặp lỗi không mong đợi; dữ liệu trên máy vẫn nguyên, máy sẽ thử lại.';
      if (failure && !failure.retryable) {
        const current = this.config;
        if (current) writeConfig(this.store, { ...current, stopped: message });
        writeState(this.store, { ...state, lastError: message });
        this.clearTimer();
        return;
      }
      this.failures++;
      writeState(this.store, { ...state, lastError: message });
      this.schedule(backoffDelay(this.failures, this.options.random));
    }
  }

  private checkServer(config: SyncConfig, serverId: string): void {
    if (serverId !== config.serverId) {
      throw new SyncFailure(
        'OTHER_SERVER',
        'Địa chỉ đồng bộ giờ là một máy chủ khác (mã máy chủ đã đổi). Đồng bộ đã dừng để không trộn dữ liệu hai nơi; dữ liệu trên máy này vẫn nguyên. Hãy hỏi quản trị rồi kết nối lại bằng mã đăng ký mới.',
        false,
      );
    }
  }

  private async pushAll(http: SyncHttp, config: SyncConfig): Promise<void> {
    const read = (after: number) => unsentChanges(this.store, this.chunk, this.options.pushBytes ?? 4 * 1024 * 1024, after);
    let chunk = read(0);
    let restamped = false;
    while (chunk.changes.length > 0) {
      const sending = http.push(chunk.changes);
      sending.catch(() => {});
      // The next chunk is read while this one is on the wire and in the server's hands; chunks
      // still go one after another, in outbox order.
      await new Promise((resolve) => setImmediate(resolve));
      let next: typeof chunk | null = read(chunk.lastSeq);
      let answer;
      try {
        answer = await sending;
      } catch (err) {
        // The clock was fast and has been fixed: what it stamped is stamped anew, then sent.
        if (err instanceof SyncFailure && err.code === 'CLOCK_SKEW' && !restamped && typeof err.details.serverTime === 'string') {
          restamped = restampFutureChanges(this.store, new Date(err.details.serverTime)) > 0;
          if (restamped) {
            chunk = read(0);
            continue;
          }
        }
        // One change the server will never take (it names it): set aside, shown, and the rest goes on.
        const named = err instanceof SyncFailure && err.status === 400 ? err.details.changeId : undefined;
        if (typeof named === 'string' && chunk.changes.some((c) => c.changeId === named)) {
          setAside(this.store, [{ changeId: named, reason: err instanceof Error ? err.message : '' }], new Date().toISOString());
          chunk = read(0);
          continue;
        }
        // Too big for this server's limit: smaller chunks, down to one change.
        if (err instanceof SyncFailure && err.status === 413 && this.chunk > 1) {
          this.chunk = Math.max(1, Math.floor(this.chunk / 4));
          chunk = read(0);
          continue;
        }
        throw err;
      }
      this.checkServer(config, answer.serverId);
      markSent(this.store, answer.held, new Date().toISOString());
      setAside(this.store, answer.refused, new Date().toISOString());
      if (answer.clashes.length > 0) writeDerived(this.store, () => answer.clashes.forEach((c) => noteClash(this.store, c.documentId)));
      // Written while this chunk was out (a registration meanwhile): those follow in the next round.
      if (answer.held.length === 0) next = null;
      chunk = next ?? { changes: [], lastSeq: 0 };
    }
  }

  private async uploadFiles(http: SyncHttp): Promise<void> {
    for (const file of filesToUpload(this.store, 100_000)) {
      if (!this.options.blobs.has(file.sha256)) continue;
      if (!(await http.hasFile(file.sha256))) {
        const size = await this.options.blobs.size(file.sha256);
        await http.putFile(file.sha256, size, this.options.blobs.read(file.sha256));
      }
      markFilesOnServer(this.store, [file.sha256], new Date().toISOString());
    }
  }

  private cursor(): number {
    return Number(localValue(this.store.sqlite, CURSOR_KEY) ?? 0);
  }

  private async checkNotBehind(http: SyncHttp, config: SyncConfig): Promise<void> {
    // Who answers, before any token is shown to it: another server gets neither data nor token.
    this.checkServer(config, (await http.health()).serverId);
    const cursor = this.cursor();
    const probe = await http.pull(cursor, 1);
    this.checkServer(config, probe.serverId);
    const sentBefore = stmt(this.store.sqlite, 'SELECT 1 AS one FROM outbox WHERE sent_at IS NOT NULL LIMIT 1').get() !== undefined;
    if (probe.maxSeq < cursor || (probe.maxSeq === 0 && sentBefore)) {
      throw new SyncFailure(
        'SERVER_LOST_DATA',
        `Máy chủ đồng bộ dường như đã mất dữ liệu (máy chủ còn ${probe.maxSeq} thay đổi, máy này đã nhận đến ${cursor}). Đồng bộ đã dừng; dữ liệu trên máy này vẫn nguyên và không bị xóa. Hãy báo quản trị khôi phục máy chủ.`,
        false,
      );
    }
  }

  private async pullAll(http: SyncHttp, config: SyncConfig): Promise<void> {
    const limit = this.options.pullLimit ?? 2000;
    const cursor = this.cursor();
    let pending = http.pull(cursor, limit);
    for (let applied = cursor; ;) {
      const page = await pending;
      this.checkServer(config, page.serverId);
      // The next page travels while this one is applied; pages still apply in order.
      if (page.more) {
        pending = http.pull(page.next, limit);
        pending.catch(() => {});
      }
      if (page.changes.length > 0 || page.next !== applied) applyPulledPage(this.store, page.changes, page.next);
      applied = page.next;
      if (!page.more) return;
    }
  }

  private async downloadMissing(): Promise<void> {
    const missing = stmt(this.store.sqlite, 'SELECT DISTINCT sha256 FROM attachments WHERE deleted_at IS NULL').all() as {
      sha256: string;
    }[];
    for (const { sha256 } of missing) if (!this.options.blobs.has(sha256)) await this.fetchFile(sha256);
  }
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof SyncFailure) {
    const code =
      err.code === 'UNAUTHENTICATED'
        ? 'UNAUTHENTICATED'
        : err.code === 'FORBIDDEN'
          ? 'FORBIDDEN'
          : err.code === 'NOT_FOUND'
            ? 'NOT_FOUND'
            : 'VALIDATION';
    return new AppError(code, err.message, { details: { sync: err.code } });
  }
  return new AppError('INTERNAL', 'Đồng bộ gặp lỗi không mong đợi.');
}

export type { Change };
