// Electron's main process: one instance, one store, the backend bound to IPC, one window.
import { mkdirSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, Notification, protocol, safeStorage, type IpcMainInvokeEvent } from 'electron';
import { isSpooled, type SpooledFile } from '../shared/api/files.js';
import type { Result } from '../shared/api/errors.js';
import { openStore } from '../db/core/store.js';
import { createBackend, type Backend } from './backend/backend.js';
import { applyPendingRestore } from './backup/restoreOnStart.js';
import { currentPreseed, preseedLocations, readPreseed } from './config/preseed.js';
import { defaultDataDir, filesPath, storePath } from './dataDir.js';
import { channelOf } from './ipcChannels.js';
import { cipherVault } from './sync/syncConfig.js';
import { createMainWindow, lockDown } from './window.js';
import { APP_CSP, APP_INDEX_URL, APP_SCHEME, appFile } from './appFiles.js';

export interface MainPaths {
  preload: string;
  indexFile: string;
  /** The text-layer worker (unpacked from the asar: worker threads cannot start from inside it). */
  textWorker: string;
  /** The workbook reader for imports, unpacked likewise. */
  workbookWorker: string;
  dataDir: string;
}

export function defaultPaths(): MainPaths {
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    preload: join(here, 'preload.cjs'),
    indexFile: join(here, '..', 'renderer', 'index.html'),
    textWorker: join(here, 'textWorker.mjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'),
    workbookWorker: join(here, 'workbookWorker.mjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1'),
    dataDir: process.env.VANTHU_DATA_DIR || defaultDataDir(),
  };
}

/** Binds every contract method to `vanthu:<method>`; each window keeps its own session. */
export function bindIpc(backend: Backend): void {
  const tokens = new Map<number, string | null>();
  const appUrl = APP_INDEX_URL;
  for (const method of backend.methods) {
    ipcMain.handle(channelOf(method), async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isOurPage(event, appUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ VănThư.' } };
      }
      const id = event.sender.id;
      const outcome = await backend.call({ token: tokens.get(id) ?? null, transport: 'ipc' }, method, input);
      if (outcome.token !== undefined) tokens.set(id, outcome.token);
      if (outcome.result.ok && isSpooled(outcome.result.value)) return saveSpooled(event, outcome.result.value);
      if (method === 'notifications.list' && outcome.result.ok)
        tellOs(outcome.result.value as { fresh?: { title: string; body: string }[] });
      return outcome.result;
    });
  }
}

/** Thông báo not yet told on this PC, as the OS's own notifications (a few; the list has the rest). */
function tellOs(answer: { fresh?: { title: string; body: string }[] }): void {
  if (!Notification.isSupported()) return;
  const fresh = answer.fresh ?? [];
  for (const n of fresh.slice(0, 3)) new Notification({ title: n.title, body: n.body.slice(0, 200) }).show();
  if (fresh.length > 3) new Notification({ title: 'VănThư', body: `Và ${fresh.length - 3} thông báo khác.` }).show();
}

/** A large file answer goes to where the user saves it, copied from the spool (never through IPC). */
async function saveSpooled(event: IpcMainInvokeEvent, file: SpooledFile): Promise<Result<unknown>> {
  try {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: file.name, title: 'Lưu tệp' };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { name: file.name, mime: file.mime, saved: false } };
    await copyFile(file.spool.path, choice.filePath);
    return { ok: true, value: { name: file.name, mime: file.mime, saved: true } };
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'EACCES' ? 'không có quyền ghi vào thư mục đó' : 'ổ đĩa không ghi được';
    return { ok: false, error: { code: 'FILE_UNREADABLE', message: `Chưa lưu được “${file.name}”: ${why}. Hãy chọn thư mục khác.` } };
  } finally {
    await rm(file.spool.path, { force: true });
  }
}

/** The IPC sender check: only the app's own page, served from app://vanthu, may call. */
function isOurPage(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.split('#')[0]!.split('?')[0] === appUrl;
}

export async function main(paths: MainPaths = defaultPaths()): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before ready: app:// is a standard, secure origin of its own (CSP 'self', fetch).
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  // Every web contents the app ever makes (not only the main window) is locked down the same way.
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  await app.whenReady();
  const rendererDir = dirname(paths.indexFile);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFile(rendererDir, request.url);
    if (!file) return new Response('Không có tệp này.', { status: 404 });
    try {
      const body = await net.fetch(pathToFileURL(file.path).href);
      return new Response(body.body, {
        status: body.status,
        headers: { 'Content-Type': file.mime, 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': APP_CSP },
      });
    } catch {
      return new Response('Không có tệp này.', { status: 404 });
    }
  });
  let backend: Backend;
  // vanthu.config.json beside VănThư.exe, in %ProgramData%\VanThu or /etc/vanthu (README).
  const preseed = readPreseed(preseedLocations(process.execPath));
  try {
    mkdirSync(paths.dataDir, { recursive: true });
    await applyPendingRestore(paths.dataDir, storePath(paths.dataDir), filesPath(paths.dataDir));
    backend = createBackend(openStore(storePath(paths.dataDir), { nativeBinding: process.env.VANTHU_SQLITE_BINDING }), {
      filesDir: filesPath(paths.dataDir),
      nativeBinding: process.env.VANTHU_SQLITE_BINDING,
      textWorker: paths.textWorker,
      workbookWorker: paths.workbookWorker,
      scheduleBackups: true,
      preseed,
      // The sync token is sealed by the OS keychain where there is one (DPAPI, Keychain, libsecret).
      sync: { background: true, ...(safeStorage?.isEncryptionAvailable?.() ? { vault: cipherVault(safeStorage) } : {}) },
      // A verified restore applies before the store opens: the app starts again.
      onRestoreStaged: () => {
        setTimeout(() => {
          app.relaunch();
          app.exit(0);
        }, 300);
      },
    });
  } catch (err) {
    dialog.showErrorBox('VănThư không mở được dữ liệu', err instanceof Error ? err.message : String(err));
    app.quit();
    return;
  }
  bindIpc(backend);
  let win = createMainWindow(paths);
  const updateUrl = currentPreseed(backend.store)?.updates?.url;
  if (updateUrl) {
    const { startUpdater } = await import('./updater.js');
    startUpdater(
      updateUrl,
      () => backend.busy(),
      () => (win.isDestroyed() ? null : win),
    );
  }
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    backend.store.close();
    app.quit();
  });
  app.on('activate', () => {
    if (win.isDestroyed()) win = createMainWindow(paths);
  });
}

if (process.versions.electron && !process.env.VITEST) void main();
