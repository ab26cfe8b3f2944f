// The handler map over db/ (plain Node, no Electron): one entry per contract method. Both
// transports — Electron IPC (main.ts) and HTTP (serve.ts) — call `call()` and nothing else.
import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type Access,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Transport,
} from '../shared/api/contract.js';
import { AppError, type ApiError, type Result } from '../shared/api/errors.js';
import type { Role } from '../shared/domain/enums.js';
import { verifyAudit } from '../db/audit.js';
import { login } from '../db/auth.js';
import { closeBook, listBooks } from '../db/books.js';
import { cancelOutgoing, issueOutgoing, previewOutgoing, repliesOf, reserveOutgoing } from '../db/outgoing.js';
import { createDraft, listDrafts, signDraft, submitDraft } from '../db/outgoingDrafts.js';
import { getSymbolSettings, saveSymbolSettings } from '../db/symbolSettings.js';
import { getOfficeSettings, saveOfficeSettings } from '../db/officeSettings.js';
import { copyCatalogue, getCatalogue, saveEntry, saveHeading } from '../db/catalogue.js';
import { search } from '../db/search.js';
import { overview, summaryReport } from '../db/reports.js';
import { reportFile } from './registers/reportFiles.js';
import {
  addItems,
  closeDossier,
  describeDossier,
  dossierOfItem,
  getDossier,
  handOver,
  listDossiers,
  openDossier,
  removeItem,
  reopenDossier,
  reorderItems,
  requireKeeper,
} from '../db/dossiers.js';
import { listDocTypes, searchAgencies } from '../db/catalog.js';
import { getDocument, listDocuments } from '../db/documentRows.js';
import { cancelIncoming, registerIncoming, updateIncoming } from '../db/incoming.js';
import { hashPassword } from '../db/password.js';
import { initialize, isInitialized } from '../db/setup.js';
import type { Store } from '../db/store.js';
import {
  createDepartment,
  createUser,
  currentUnit,
  deleteDepartment,
  getUserRow,
  listDepartments,
  listUsers,
  toUserRecord,
  updateDepartment,
  updateUser,
} from '../db/users.js';
import { mutate, type WriteContext } from '../db/write.js';
import { listAttachments, removeAttachment } from '../db/attachments.js';
import {
  assignIncoming,
  completeTask,
  deadlines,
  followUp,
  handlingOf,
  historyOf,
  myTasks,
  progressTask,
  reassignTask,
  recallIncoming,
  returnIncoming,
  submitIncoming,
  type Actor,
} from '../db/handling.js';
import { exportPackage } from './archive/archivePackage.js';
import { printCatalogue, printDossier, printHandover } from './archive/dossierPdfs.js';
import { dirname, join } from 'node:path';
import { AttachmentsService } from './attachmentsService.js';
import { ImportService } from './imports/importService.js';
import { BackupService } from './backup/backupService.js';
import { BackupScheduler } from './backup/scheduler.js';
import { exportAll } from './backup/exportAll.js';
import type { Manifest } from './backup/manifest.js';
import { applyPreseed, currentPreseed, type PreseedRead } from './config/preseed.js';
import { exportRegisterFile, printRegisterFile } from './registers/registersService.js';
import { BlobStore } from './files/blobStore.js';
import { SessionStore, type Session } from './sessions.js';
import { SyncEngine } from './sync/syncEngine.js';
import type { TokenVault } from './sync/syncConfig.js';
import { dismissConflict, listConflicts, restoreConflict } from '../db/syncConflicts.js';
import { listClashes, renumberDocument } from '../db/syncClashes.js';

export interface CallContext {
  /** The session token the transport holds for this window or browser. */
  token: string | null;
  /** Which door the call came through; path- and byte-level methods open only from the window. */
  transport?: Transport;
}

export interface CallOutcome {
  result: Result<unknown>;
  /** A new session token to hold (login), null to forget it (logout); absent: unchanged. */
  token?: string | null;
}

interface RequestContext {
  session: Session | null;
  user: Actor | null;
  write: WriteContext;
  setToken(token: string | null): void;
}

type Handlers = { [M in MethodName]: (input: ParsedInput<M>, req: RequestContext) => Promise<MethodOutput<M>> | MethodOutput<M> };

export interface BackendOptions {
  /** Where attachment bytes live (dataDir/files); a temp folder in tests. */
  filesDir: string;
  /** Parse every output against the contract (tests); production trusts its own db layer. */
  checkOutput?: boolean;
  sessions?: SessionStore;
  log?: (message: string, err: unknown) => void;
  /** The data folder (default: the parent of filesDir): where a staged restore waits. */
  dataDir?: string;
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
  /** What is being written outside a single transaction right now (updates wait for it), or null. */
  busy(): string | null;
  /** Stops the timers and waits for background work (text extraction). */
  close(): Promise<void>;
  readonly methods: readonly MethodName[];
  readonly store: Store;
}

export function createBackend(store: Store, options: BackendOptions): Backend {
  const sessions = options.sessions ?? new SessionStore();
  const files = new AttachmentsService(store, new BlobStore(options.filesDir), {
    workerFile: options.textWorker,
    log: (message) => (options.log ?? console.error)(message, null),
  });
  files.texts.kick(); // files attached before an update, or before a crash, are read now
  const dataDir = options.dataDir ?? dirname(options.filesDir);
  const imports = new ImportService(store, options.stagingDir ?? join(dataDir, 'staging'));
  const backups = new BackupService(store, files.blobs, dataDir);
  const scheduler = new BackupScheduler(
    backups,
    () => store.now(),
    (m) => (options.log ?? console.error)(m, null),
  );
  if (options.scheduleBackups) scheduler.start();
  applyPreseed(store, backups, options.preseed ?? null, (m) => (options.log ?? console.error)(m, null));
  const sync = new SyncEngine({
    store,
    blobs: files.blobs,
    ...(options.sync?.vault ? { vault: options.sync.vault } : {}),
    ...(options.sync?.intervalMs ? { intervalMs: options.sync.intervalMs } : {}),
    maxFileBytes: () => files.maxBytes(),
    log: (message, err) => (options.log ?? console.error)(message, err),
  });
  files.remote = sync;
  if (options.sync?.background) sync.start();
  const handled = (id: string) => handlingOf(store, id);
  const log = options.log ?? ((message, err) => console.error(message, err));

  const me = (userId: string) => {
    const unit = currentUnit(store);
    return { ...toUserRecord(getUserRow(store, userId)), unitName: unit.name, unitCode: unit.code };
  };

  const handlers: Handlers = {
    'setup.status': () => {
      const preseed = currentPreseed(store);
      const office = preseed?.office;
      return {
        initialized: isInitialized(store),
        preset: office ? { unitName: office.name ?? null, unitCode: office.code ?? null } : null,
        join: preseed?.sync ? { url: preseed.sync.serverUrl, code: preseed.sync.enrollmentCode ?? null } : null,
      };
    },
    'setup.initialize': async (input, req) => {
      if (isInitialized(store)) throw new AppError('ALREADY_INITIALIZED', 'Chương trình đã được thiết lập; hãy đăng nhập.');
      const { userId } = initialize(store, {
        unitName: input.unitName,
        unitCode: input.unitCode,
        adminUsername: input.adminUsername,
        adminFullName: input.adminFullName,
        adminPasswordHash: await hashPassword(input.adminPassword),
      });
      req.setToken(sessions.create(userId).token);
      return me(userId);
    },

    'auth.login': async (input, req) => {
      if (!isInitialized(store)) throw new AppError('NOT_INITIALIZED', 'Chương trình chưa được thiết lập lần đầu.');
      const userId = await login(store, input.username, input.password);
      if (req.session) sessions.destroy(req.session.token);
      req.setToken(sessions.create(userId).token);
      return me(userId);
    },
    'auth.logout': (_input, req) => {
      if (req.session) sessions.destroy(req.session.token);
      req.setToken(null);
      return { ok: true as const };
    },
    'auth.me': (_input, req) => me(req.user!.id),

    'users.list': () => listUsers(store),
    'users.create': async (input, req) =>
      createUser(store, req.write, {
        username: input.username,
        fullName: input.fullName,
        passwordHash: await hashPassword(input.password),
        roles: input.roles,
        departmentId: input.departmentId,
      }),
    'users.update': async (input, req) => {
      const user = updateUser(store, req.write, {
        id: input.id,
        fullName: input.fullName,
        passwordHash: input.password ? await hashPassword(input.password) : undefined,
        roles: input.roles,
        departmentId: input.departmentId,
        active: input.active,
      });
      if (!user.active || input.password) sessions.destroyUser(user.id);
      return user;
    },

    'departments.list': () => listDepartments(store),
    'departments.create': (input, req) => createDepartment(store, req.write, input),
    'departments.update': (input, req) => updateDepartment(store, req.write, input),
    'departments.delete': (input, req) => {
      deleteDepartment(store, req.write, input.id);
      return { ok: true as const };
    },

    'agencies.search': (input) => searchAgencies(store, input.q, input.limit),
    'docTypes.list': () => listDocTypes(store),
    'books.list': (input) => listBooks(store, input.kind),
    'books.close': (input, req) => {
      closeBook(store, req.write, input.id);
      return listBooks(store).find((b) => b.id === input.id)!;
    },

    'outgoing.preview': (input) => previewOutgoing(store, input),
    'outgoing.reserve': (input, req) => reserveOutgoing(store, req.write, input),
    'outgoing.issue': (input, req) => issueOutgoing(store, req.write, input),
    'outgoing.cancel': (input, req) => cancelOutgoing(store, req.write, input.id, input.reason),
    'outgoing.list': (input) => listDocuments(store, { kind: 'outgoing', ...input }),
    'outgoing.get': (input) => getDocument(store, input.id, 'outgoing'),
    'outgoing.replies': (input) => repliesOf(store, input.id),
    'outgoing.drafts': (input) => listDrafts(store, input.statuses),
    'outgoing.draft': (input, req) => createDraft(store, req.write, input),
    'outgoing.submitDraft': (input, req) => submitDraft(store, req.write, input),
    'outgoing.signDraft': (input, req) => signDraft(store, req.write, req.user!, input),

    'incoming.register': (input, req) => registerIncoming(store, req.write, input),
    'incoming.list': (input) => listDocuments(store, { kind: 'incoming', ...input }),
    'incoming.get': (input) => getDocument(store, input.id, 'incoming'),
    'incoming.update': (input, req) => updateIncoming(store, req.write, input),
    'incoming.delete': (input, req) => cancelIncoming(store, req.write, input.id, input.reason),

    'attachments.list': (input) => listAttachments(store, input.documentId),
    'attachments.check': (input) => files.check(input.id),
    'attachments.remove': (input, req) => {
      removeAttachment(store, req.write, input.id);
      return { ok: true as const };
    },
    'attachments.add': (input, req) => files.addPath(req.write, input.documentId, input.path),
    'attachments.get': (input) => files.content(input.id),
    'incoming.stamp': (input, req) => files.stamp(req.write, input),

    'incoming.submit': (input, req) => (submitIncoming(store, req.write, input), handled(input.id)),
    'incoming.assign': (input, req) => (assignIncoming(store, req.write, input), handled(input.id)),
    'incoming.return': (input, req) => (returnIncoming(store, req.write, input), handled(input.id)),
    'incoming.recall': (input, req) => (recallIncoming(store, req.write, input), handled(input.id)),
    'incoming.handling': (input) => handled(input.id),
    'incoming.history': (input) => historyOf(store, input.id),
    'incoming.followUp': (input) => followUp(store, input),
    'tasks.mine': (input, req) => myTasks(store, req.user!, input.includeDone ?? false),
    'tasks.update': (input, req) => (progressTask(store, req.write, req.user!, input), { ok: true as const }),
    'tasks.complete': (input, req) => (completeTask(store, req.write, req.user!, input), { ok: true as const }),
    'tasks.reassign': (input, req) => (reassignTask(store, req.write, req.user!, input), { ok: true as const }),
    'dashboard.deadlines': (_input, req) => deadlines(store, req.user!),
    'users.directory': () =>
      listUsers(store)
        .filter((u) => u.active)
        .map((u) => ({ id: u.id, fullName: u.fullName, roles: u.roles, departmentId: u.departmentId })),

    'settings.symbols': () => getSymbolSettings(store),
    'settings.saveSymbols': (input, req) => saveSymbolSettings(store, req.write, input),
    'settings.office': () => getOfficeSettings(store),
    'settings.saveOffice': (input, req) => saveOfficeSettings(store, req.write, input),

    'catalogue.get': (input) => getCatalogue(store, input.year),
    'catalogue.saveHeading': (input, req) => saveHeading(store, req.write, input),
    'catalogue.saveEntry': (input, req) => saveEntry(store, req.write, input),
    'catalogue.copyFromYear': (input, req) => copyCatalogue(store, req.write, input.from, input.to),
    'dossiers.open': (input, req) => openDossier(store, req.write, input),
    'dossiers.list': (input) => listDossiers(store, input),
    'dossiers.get': (input) => getDossier(store, input.id),
    'dossiers.addItems': (input, req) => (requireKeeper(store, req.user!, input.dossierId), addItems(store, req.write, input)),
    'dossiers.reorder': (input, req) => (requireKeeper(store, req.user!, input.dossierId), reorderItems(store, req.write, input)),
    'dossiers.removeItem': (input, req) => (
      requireKeeper(store, req.user!, dossierOfItem(store, input.itemId)),
      removeItem(store, req.write, input.itemId)
    ),
    'dossiers.close': (input, req) => (requireKeeper(store, req.user!, input.id), closeDossier(store, req.write, input.id)),
    'dossiers.reopen': (input, req) => reopenDossier(store, req.write, input.id, input.reason),
    'dossiers.describe': (input, req) => (
      requireKeeper(store, req.user!, input.id),
      describeDossier(store, req.write, req.user!, input.id, input.description, input.pageCount)
    ),
    'archive.handover': (input, req) => handOver(store, req.write, input.dossierIds),
    'archive.handoverList': (input) => printHandover(store, input.dossierIds),
    'archive.exportPackage': (input) => exportPackage(store, files, input.dossierIds),
    'catalogue.print': (input) => printCatalogue(store, input.year),
    'dossiers.print': (input) => printDossier(store, input.id),

    'search.query': (input) => search(store, input),
    'backup.status': () => backups.status(),
    'backup.setSchedule': (input) => {
      backups.setSchedule(input.folder, input.enabled);
      return { ok: true as const };
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
      options.onRestoreStaged?.();
      return { ...manifestFacts(manifest), restarting: Boolean(options.onRestoreStaged) };
    },
    'backup.exportAll': (input) => exportAll(store, files.blobs, input.dir),
    'imports.stagePath': (input) => imports.stagePath(input.path),
    'imports.preview': (input) => imports.preview(input),
    'imports.run': (input, req) => imports.run(req.write, input),
    'dashboard.overview': (_input, req) => overview(store, req.user!),
    'reports.summary': (input) => summaryReport(store, input),
    'reports.export': (input) => reportFile(store, input),

    'registers.print': (input, req) => printRegisterFile(store, req.write, input),
    'registers.export': (input) => exportRegisterFile(store, input),

    'audit.verify': () => verifyAudit(store.sqlite),

    'sync.status': () => sync.status(),
    'sync.connect': (input) => sync.connect(input),
    'sync.disconnect': () => sync.disconnect(),
    'sync.settings': (input) => sync.setEagerFiles(input.eagerFiles),
    'sync.now': () => sync.syncNow(),
    'sync.conflicts': () => listConflicts(store),
    'sync.restoreConflict': (input, req) => (restoreConflict(store, req.write, input.id), { ok: true as const }),
    'sync.dismissConflict': (input, req) => (dismissConflict(store, req.write, input.id), { ok: true as const }),
    'sync.clashes': () => listClashes(store),
    'sync.renumber': (input, req) => renumberDocument(store, req.write, input.id),
    'setup.join': async (input) => {
      if (isInitialized(store))
        throw new AppError('ALREADY_INITIALIZED', 'Máy này đã được thiết lập; hãy đăng nhập rồi kết nối đồng bộ trong Cài đặt → Đồng bộ.');
      await sync.connect(input);
      const status = await sync.syncNow();
      if (status.lastError) throw new AppError('VALIDATION', status.lastError);
      return { initialized: isInitialized(store), status };
    },
  };

  function authorize(access: Access, session: Session | null): RequestContext['user'] {
    if (access === 'public') return session ? currentUser(session) : null;
    const user = session ? currentUser(session) : null;
    if (!user) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết; hãy đăng nhập lại.');
    if (access === 'user' || user.roles.includes('admin') || access.some((r) => user.roles.includes(r))) return user;
    throw new AppError('FORBIDDEN', 'Tài khoản của bạn không có quyền làm việc này.');
  }

  // Roles are read on every call, so an admin's change applies at once.
  function currentUser(session: Session): RequestContext['user'] {
    try {
      const row = getUserRow(store, session.userId);
      if (!row.active) return null;
      return { id: row.id, roles: JSON.parse(row.roles) as Role[] };
    } catch {
      return null;
    }
  }

  async function call(ctx: CallContext, method: string, input: unknown): Promise<CallOutcome> {
    let token: string | null | undefined;
    try {
      if (!isMethodName(method)) throw new AppError('UNKNOWN_METHOD', `Không có chức năng “${String(method).slice(0, 80)}”.`);
      const spec: { access: Access; transports?: readonly Transport[] } = contract[method];
      if (spec.transports && !spec.transports.includes(ctx.transport ?? 'http')) {
        throw new AppError('UNKNOWN_METHOD', `Chức năng “${method}” chỉ có trong chương trình trên máy tính.`);
      }
      const session = sessions.get(ctx.token);
      const user = authorize(spec.access, session);
      const { input: inputSchema, output: outputSchema } = contract[method];
      const parsed = inputSchema.safeParse(input === null ? undefined : input);
      if (!parsed.success) throw validationError(parsed.error);
      const req: RequestContext = {
        session,
        user,
        write: { userId: user?.id ?? null },
        setToken: (t) => (token = t),
      };
      const handler = handlers[method] as (input: unknown, req: RequestContext) => Promise<unknown> | unknown;
      let value = await handler(parsed.data, req);
      if (options.checkOutput) value = outputSchema.parse(value);
      if (user && !method.startsWith('sync.')) sync.nudge();
      return token === undefined ? { result: { ok: true, value } } : { result: { ok: true, value }, token };
    } catch (err) {
      return { result: { ok: false, error: toApiError(err, log) } };
    }
  }

  return {
    call,
    methods: Object.keys(handlers) as MethodName[],
    store,
    attachments: files,
    imports,
    backups,
    sync,
    // Writes are synchronous transactions except these, which span many event-loop turns.
    busy: () => (backups.running ? 'Đang sao lưu' : files.copying > 0 ? 'Đang chép tệp đính kèm' : null),
    close: async () => {
      scheduler.stop();
      await sync.stop();
      await files.texts.close();
    },
    authorize: (token, access) => {
      const user = authorize(access, sessions.get(token));
      if (!user) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết; hãy đăng nhập lại.');
      return user;
    },
  };
}

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

function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? String(issue.path[0]) : undefined;
  return new AppError('VALIDATION', issue?.message ?? 'Dữ liệu không hợp lệ.', field ? { field } : {});
}

export function toApiError(err: unknown, log: (message: string, err: unknown) => void): ApiError {
  if (err instanceof AppError) return err.toJSON();
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'CONFLICT', message: 'Dữ liệu đang bận do một thao tác khác; hãy thử lại sau giây lát.' };
  }
  if (code === 'SQLITE_FULL') return { code: 'INTERNAL', message: 'Ổ đĩa đã đầy; chưa lưu được. Hãy giải phóng dung lượng rồi thử lại.' };
  log('VănThư: unexpected error', err);
  return { code: 'INTERNAL', message: 'Có lỗi ngoài dự kiến; thao tác chưa được lưu. Hãy thử lại hoặc báo người quản trị.' };
}
