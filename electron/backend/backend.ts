// The backend (plain Node, no Electron): the services wired over the store, the handler map
// assembled from one slice per domain, and the dispatcher that gates every call. Both transports
// — Electron IPC (main.ts) and HTTP (serve.ts) — call `call()` and nothing else.
import { TrustStore } from '../pdf/signatures/trustStore.js';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contract, type Access, type MethodName } from '../../shared/api/contract.js';
import type { Store } from '../../db/core/store.js';
import type { Actor } from '../../db/handling/state.js';
import { BackupService } from '../backup/backupService.js';
import { BackupScheduler } from '../backup/scheduler.js';
import { applyPreseed, type PreseedRead } from '../config/preseed.js';
import { AttachmentsService } from '../files/attachmentsService.js';
import { BlobStore } from '../files/blobStore.js';
import { ImportService } from '../imports/importService.js';
import { SyncEngine } from '../sync/syncEngine.js';
import { ExchangeService } from '../exchange/exchangeService.js';
import { exchangeTransports } from '../exchange/routes.js';
import type { TokenVault } from '../sync/syncConfig.js';
import { createDispatcher, type CallContext, type CallOutcome } from './dispatch.js';
import { assembleHandlers } from './handlerMap.js';
import { SessionStore } from './sessions.js';
import { TakeOverService } from '../reform/takeOverService.js';

export { toApiError, type CallContext, type CallOutcome } from './dispatch.js';

export interface BackendOptions {
  /** Where attachment bytes live (dataDir/files); a temp folder in tests. */
  filesDir: string;
  /** Parse every output against the contract (tests); production trusts its own db layer. */
  checkOutput?: boolean;
  sessions?: SessionStore;
  log?: (message: string, err: unknown) => void;
  /** The data folder (default: the parent of filesDir): where a staged restore waits. */
  dataDir?: string;
  /** better-sqlite3's addon for this runtime, for the other stores it opens (a unit taken over). */
  nativeBinding?: string | undefined;
  /** Called once a verified restore is staged: the host restarts so it applies before the store opens. */
  onRestoreStaged?: () => void;
  /** vanthu.config.json as read by the host (electron/config/preseed.ts); applied once. */
  preseed?: PreseedRead;
  /** Runs the daily backup timer (the app and browser mode; not tests). */
  scheduleBackups?: boolean;
  /** Where files picked for import wait (default: beside filesDir). */
  stagingDir?: string;
  /** The bundled text-layer worker; tests from source read files in-thread. */
  textWorker?: string | null;
  /** False: scans are not read by OCR (tests that are not about it; OCR is on in the app). */
  ocr?: boolean;
  /** The bundled workbook reader; without it (tests from source) imports are read in this thread. */
  workbookWorker?: string | null;
  /** Sync: the token's keeper (Electron's safeStorage in the app) and whether the timer runs. */
  sync?: { vault?: TokenVault; background?: boolean; intervalMs?: number };
}

export interface Backend {
  call(ctx: CallContext, method: string, input: unknown): Promise<CallOutcome>;
  /** The logged-in user behind a token, if they may do what `access` asks; else an AppError. */
  authorize(token: string | null, access: Access): Actor;
  readonly attachments: AttachmentsService;
  readonly imports: ImportService;
  readonly backups: BackupService;
  readonly sync: SyncEngine;
  readonly exchange: ExchangeService;
  /** What is being written outside a single transaction right now (updates wait for it), or null. */
  busy(): string | null;
  /** Stops the timers and waits for background work (text extraction). */
  close(): Promise<void>;
  readonly methods: readonly MethodName[];
  readonly store: Store;
}

export function createBackend(store: Store, options: BackendOptions): Backend {
  const log = options.log ?? ((message, err) => console.error(message, err));
  const say = (message: string) => log(message, null);
  const sessions = options.sessions ?? new SessionStore();
  const files = new AttachmentsService(store, new BlobStore(options.filesDir), {
    workerFile: options.textWorker,
    log: say,
    ocr: options.ocr ?? true,
  });
  files.texts.kick(); // files attached before an update, or before a crash, are read now
  const dataDir = options.dataDir ?? dirname(options.filesDir);
  const imports = new ImportService(store, options.stagingDir ?? join(dataDir, 'staging'), options.workbookWorker ?? null);
  // Spooled answers left by a crash are of no use to anyone.
  const spoolDir = join(dataDir, 'spool');
  rmSync(spoolDir, { recursive: true, force: true });
  const backups = new BackupService(store, files.blobs, dataDir);
  const takeOvers = new TakeOverService(store, backups, files.blobs, join(dataDir, 'staging'), options.nativeBinding);
  const scheduler = new BackupScheduler(backups, () => store.now(), say);
  if (options.scheduleBackups) scheduler.start();
  applyPreseed(store, backups, options.preseed ?? null, say);
  const sync = new SyncEngine({
    store,
    blobs: files.blobs,
    ...(options.sync?.vault ? { vault: options.sync.vault } : {}),
    ...(options.sync?.intervalMs ? { intervalMs: options.sync.intervalMs } : {}),
    maxFileBytes: () => files.maxBytes(),
    log,
  });
  files.remote = sync;
  const trust = new TrustStore(join(dataDir, 'trust-roots'));
  files.roots = () => trust.roots();
  const exchange: ExchangeService = new ExchangeService(
    store,
    files,
    exchangeTransports(store, sync, sync.vault, (): number => exchange.maxPackageBytes()),
  );
  sync.afterRound = () => exchange.pump({ userId: null });
  if (options.sync?.background) sync.start();
  // Folders and an axis are looked at on their own, with or without a sync server.
  const exchangeTimer = options.sync?.background ? setInterval(() => void exchange.pump({ userId: null }).catch(() => {}), 60_000) : null;
  exchangeTimer?.unref();

  const methods = Object.keys(contract) as MethodName[];
  const handlers = assembleHandlers(
    {
      store,
      sessions,
      files,
      imports,
      backups,
      sync,
      trust,
      exchange,
      takeOvers,
      onRestoreStaged: options.onRestoreStaged,
      spoolDir,
    },
    methods,
  );
  const dispatcher = createDispatcher({
    store,
    sessions,
    handlers,
    checkOutput: options.checkOutput ?? false,
    log,
    afterCall: (method) => {
      if (!method.startsWith('sync.')) sync.nudge();
    },
  });

  return {
    call: dispatcher.call,
    authorize: dispatcher.authorize,
    methods,
    store,
    attachments: files,
    imports,
    backups,
    sync,
    exchange,
    // Writes are synchronous transactions except these, which span many event-loop turns.
    busy: () =>
      backups.running ? 'Đang sao lưu' : takeOvers.running ? 'Đang tiếp nhận đơn vị' : files.copying > 0 ? 'Đang chép tệp đính kèm' : null,
    close: async () => {
      scheduler.stop();
      if (exchangeTimer) clearInterval(exchangeTimer);
      await sync.stop();
      await files.texts.close();
    },
  };
}
