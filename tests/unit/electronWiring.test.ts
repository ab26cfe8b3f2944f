// The Electron glue, with a stand-in 'electron' module: every contract method is bound to IPC,
// the window is locked down, and only the app's own page may call.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { startSyncServer } from '../helpers/syncServer.js';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const windows: {
    options: Record<string, unknown>;
    events: Map<string, (e: { preventDefault(): void }) => void>;
    openHandler?: () => unknown;
    permission?: (...a: unknown[]) => void;
    check?: () => boolean;
    loaded?: string;
  }[] = [];
  const appEvents = new Map<string, () => void>();
  const protocol = { schemes: null as unknown, handlers: new Map<string, (req: { url: string }) => Promise<Response>>() };
  const shown: { title: string; body: string }[] = [];
  return { handlers, windows, appEvents, protocol, shown, quit: { called: 0 }, saveAs: { path: null as string | null, asked: 0 } };
});

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof fake.windows)[number] = { options, events: new Map() };
      fake.windows.push(record);
      this.webContents = {
        id: fake.windows.length,
        on: (name: string, fn: (e: { preventDefault(): void }) => void) => record.events.set(name, fn),
        setWindowOpenHandler: (fn: () => unknown) => (record.openHandler = fn),
        session: {
          setPermissionRequestHandler: (fn: (...a: unknown[]) => void) => (record.permission = fn),
          setPermissionCheckHandler: (fn: () => boolean) => (record.check = fn),
        },
      };
      (this as unknown as { record: typeof record }).record = record;
    }
    once() {}
    loadURL(url: string) {
      (this as unknown as { record: { loaded?: string } }).record.loaded = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
    static fromWebContents() {
      return null;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: () => void) => fake.appEvents.set(name, fn),
      quit: () => void (fake.quit.called += 1),
    },
    ipcMain: { handle: (channel: string, fn: Handler) => fake.handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => void (fake.protocol.schemes = schemes),
      handle: (scheme: string, fn: (req: { url: string }) => Promise<Response>) => void fake.protocol.handlers.set(scheme, fn),
    },
    net: { fetch: (url: string) => Promise.resolve(new Response(readFileSync(new URL(url)))) },
    dialog: {
      showErrorBox: () => {},
      showSaveDialog: () => {
        fake.saveAs.asked += 1;
        return Promise.resolve(fake.saveAs.path ? { canceled: false, filePath: fake.saveAs.path } : { canceled: true });
      },
    },
    // A stand-in keychain: reversible, and visibly not the plain token.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`sealed:${text}`).map((b) => b ^ 0x5a),
      decryptString: (data: Buffer) =>
        Buffer.from(data.map((b) => b ^ 0x5a))
          .toString()
          .replace(/^sealed:/, ''),
    },
    BrowserWindow,
    Notification: class {
      static isSupported = () => true;
      constructor(private readonly o: { title: string; body: string }) {}
      show() {
        fake.shown.push(this.o);
      }
    },
  };
});

const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-electron-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const indexFile = join(dataDir, 'renderer', 'index.html');

async function started() {
  if (fake.windows.length === 0) {
    const { main } = await import('../../electron/main.js');
    await main({
      preload: join(dataDir, 'preload.cjs'),
      indexFile,
      dataDir,
      textWorker: join(dataDir, 'textWorker.mjs'),
      workbookWorker: join(dataDir, 'workbookWorker.mjs'),
    });
  }
  return fake;
}

const fromOurPage = { sender: { id: 1 }, senderFrame: { url: 'app://vanthu/index.html' } };

describe('electron main', () => {
  it('binds every contract method to its own IPC channel', async () => {
    const { handlers } = await started();
    const bound = [...handlers.keys()].sort();
    expect(bound).toEqual(
      Object.keys(contract)
        .map((m) => `vanthu:${m}`)
        .sort(),
    );
  });

  it('opens one window with the secure webPreferences and the preload', async () => {
    const { windows } = await started();
    expect(windows).toHaveLength(1);
    const prefs = windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: join(dataDir, 'preload.cjs'),
    });
    expect(windows[0]!.loaded).toBe('app://vanthu/index.html');
  });

  it('serves the UI from app://vanthu, the renderer folder and nothing outside it', async () => {
    const { protocol } = await started();
    expect(protocol.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const serve = protocol.handlers.get('app')!;
    mkdirSync(join(dataDir, 'renderer'), { recursive: true });
    writeFileSync(indexFile, '<!doctype html><title>VănThư</title>');
    writeFileSync(join(dataDir, 'bi-mat.txt'), 'không được đọc');
    const page = await serve({ url: 'app://vanthu/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*object-src 'none'/);
    expect(await page.text()).toContain('VănThư');
    for (const url of [
      'app://vanthu/../bi-mat.txt',
      'app://vanthu/%2e%2e/bi-mat.txt',
      'app://vanthu/..%5cbi-mat.txt',
      'app://khac/index.html',
      'app://vanthu/khong-co.js',
    ]) {
      expect((await serve({ url })).status, url).toBe(404);
    }
  });

  it('blocks navigation, new windows and permission requests', async () => {
    const w = (await started()).windows[0]!;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      w.events.get(name)!({ preventDefault });
      expect(preventDefault).toHaveBeenCalled();
    }
    expect(w.openHandler!()).toEqual({ action: 'deny' });
    const answer = vi.fn();
    w.permission!(null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(w.check!()).toBe(false);
    // Any other web contents the app makes is locked down the same way.
    const events = new Map<string, (e: { preventDefault(): void }) => void>();
    const other = {
      on: (name: string, fn: (e: { preventDefault(): void }) => void) => events.set(name, fn),
      setWindowOpenHandler: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    };
    (fake.appEvents.get('web-contents-created') as unknown as (e: unknown, c: unknown) => void)({}, other);
    expect([...events.keys()]).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
    expect(other.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('answers the app page through the real backend and keeps its session', async () => {
    const { handlers } = await started();
    const call = (m: string, input?: unknown, event: unknown = fromOurPage) => handlers.get(`vanthu:${m}`)!(event, input);
    expect(await call('setup.status')).toEqual({ ok: true, value: { initialized: false, preset: null, join: null } });
    const setup = (await call('setup.initialize', {
      unitName: 'Trường Tiểu học Kim Đồng',
      unitCode: 'THKD',
      adminUsername: 'admin',
      adminPassword: 'matkhau-12345',
      adminFullName: 'Lê Thị Hoa',
    })) as { ok: boolean };
    expect(setup.ok).toBe(true);
    const me = (await call('auth.me')) as { ok: boolean; value: { fullName: string } };
    expect(me.value.fullName).toBe('Lê Thị Hoa');
  });

  it('shows a thông báo that came for the user as the OS’s notification, once, and none for the past', async () => {
    const { handlers } = await started();
    const as = (id: number) => (m: string, input?: unknown) =>
      handlers.get(`vanthu:${m}`)!({ ...fromOurPage, sender: { id } }, input) as Promise<{ ok: boolean; value: any }>;
    const admin = as(1);
    for (const [username, role] of [
      ['vanthu2', 'clerk'],
      ['lanhdao2', 'leader'],
    ] as const)
      expect((await admin('users.create', { username, fullName: `Người ${username}`, password: 'matkhau-12345', roles: [role] })).ok).toBe(
        true,
      );
    const clerk = as(21);
    const leader = as(22);
    await clerk('auth.login', { username: 'vanthu2', password: 'matkhau-12345' });
    await leader('auth.login', { username: 'lanhdao2', password: 'matkhau-12345' });
    const ldId = (await leader('auth.me')).value.id as string;
    const submitOne = async (code: string) => {
      const doc = await clerk('incoming.register', {
        agency: 'Sở GD-ĐT',
        code,
        type: 'CV',
        issuedDate: '2026-03-02',
        summary: `Công văn ${code}`,
      });
      expect((await clerk('incoming.submit', { id: doc.value.id, leaderId: ldId })).ok).toBe(true);
    };
    await submitOne('7/SGDĐT-VP');
    const first = await leader('notifications.list');
    expect(first.value.unread).toBe(1);
    expect(fake.shown).toEqual([]); // the first look on this PC tells nothing of the past
    await submitOne('8/SGDĐT-VP');
    await leader('notifications.list');
    expect(fake.shown).toHaveLength(1);
    expect(fake.shown[0]!.title).toContain('Văn bản trình xin ý kiến chỉ đạo');
    expect(fake.shown[0]!.body).toContain('8/SGDĐT-VP');
    await leader('notifications.list');
    expect(fake.shown).toHaveLength(1); // told once
    // Nothing for one's own actions: the clerk sees none of this.
    expect((await clerk('notifications.list')).value.items).toEqual([]);
  });

  it('attaches a file by its path and hands its bytes back, through IPC only', async () => {
    const { handlers } = await started();
    const call = (m: string, input?: unknown) =>
      handlers.get(`vanthu:${m}`)!(fromOurPage, input) as Promise<{
        ok: boolean;
        value: Record<string, unknown>;
        error?: { code: string };
      }>;
    const doc = await call('incoming.register', {
      agency: 'Sở GD-ĐT',
      code: '5/SGDĐT-VP',
      type: 'CV',
      issuedDate: '2026-03-02',
      summary: 'Công văn có tệp',
    });
    expect(doc.ok).toBe(true);
    const file = join(dataDir, 'cong-van.pdf');
    const pdf = await samplePdf(1);
    writeFileSync(file, pdf);
    const added = await call('attachments.add', { documentId: doc.value.id, path: file });
    expect(added.value).toMatchObject({ name: 'cong-van.pdf', kind: 'pdf', pages: 1 });
    const got = await call('attachments.get', { id: added.value.id });
    expect(new Uint8Array(got.value.bytes as Uint8Array)).toEqual(new Uint8Array(pdf));
    const missing = await call('attachments.add', { documentId: doc.value.id, path: join(dataDir, 'khong-co.pdf') });
    expect(missing.error?.code).toBe('NOT_FOUND');
  });

  it('saves a handover package where the user chooses, not through IPC, and clears the spool', async () => {
    const { handlers } = await started();
    const call = (m: string, input?: unknown) =>
      handlers.get(`vanthu:${m}`)!(fromOurPage, input) as Promise<{ ok: boolean; value: Record<string, any>; error?: { message: string } }>;
    const year = new Date().getFullYear();
    const cat = await call('catalogue.saveHeading', { year, level: 1, title: 'Văn phòng', abbreviation: 'VP' });
    const entry = await call('catalogue.saveEntry', {
      year,
      headingId: cat.value.headings[0].id,
      title: 'Hồ sơ công văn',
      retention: '10',
    });
    const dossier = await call('dossiers.open', { entryId: entry.value.entries[0].id });
    const spool = join(dataDir, 'spool');
    fake.saveAs.path = join(dataDir, 'Nop-luu.zip');
    const saved = await call('archive.exportPackage', { dossierIds: [dossier.value.id] });
    expect(saved.value).toMatchObject({ mime: 'application/zip', saved: true });
    expect(saved.value.spool).toBeUndefined(); // the spool's path never reaches the page
    expect(readFileSync(fake.saveAs.path).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(spool)).toEqual([]);
    fake.saveAs.path = null; // the user closes the dialog
    const cancelled = await call('archive.exportPackage', { dossierIds: [dossier.value.id] });
    expect(cancelled.value).toMatchObject({ saved: false });
    expect(readdirSync(spool)).toEqual([]);
    expect(fake.saveAs.asked).toBe(2);
  });

  it('keeps the sync token sealed by the OS keychain (safeStorage), and syncs with it', async () => {
    const { handlers } = await started();
    const call = (m: string, input?: unknown) =>
      handlers.get(`vanthu:${m}`)!(fromOurPage, input) as Promise<{
        ok: boolean;
        value: Record<string, unknown>;
        error?: { message: string };
      }>;
    const server = await startSyncServer();
    try {
      const connected = await call('sync.connect', { url: server.url, code: await server.code(), deviceName: 'Máy thử' });
      expect(connected.error).toBeUndefined();
      expect(connected.value).toMatchObject({ enrolled: true, tokenProtection: 'os' });
      const { openStore } = await import('../../db/core/store.js');
      const peek = openStore(join(dataDir, 'vanthu.sqlite'));
      const config = JSON.parse(
        (peek.sqlite.prepare("SELECT value FROM local_meta WHERE key = 'sync.config'").get() as { value: string }).value,
      ) as { sealedToken: string };
      peek.close();
      expect(config.sealedToken).toMatch(/^os:/);
      const synced = await call('sync.now');
      expect(synced.value).toMatchObject({ lastError: null, waiting: 0 });
    } finally {
      await server.close();
    }
  });

  it('refuses a call from any other page', async () => {
    const { handlers } = await started();
    const stranger = { sender: { id: 1 }, senderFrame: { url: 'https://example.com/' } };
    const out = (await handlers.get('vanthu:auth.me')!(stranger, undefined)) as { ok: boolean; error: { code: string } };
    expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('preload', () => {
  it('exposes only invoke(method, input) and pathForFile(file), forwarding well-formed names to their channel', async () => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, '../../electron/preload.cts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'error',
    });
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'x' }) },
      webUtils: { getPathForFile: () => '/home/vanthu/scan.pdf' },
    };
    const module = { exports: {} };
    class File {}
    runInNewContext(result.outputFiles[0]!.text, {
      require: (m: string) => (m === 'electron' ? electron : undefined),
      module,
      exports: module.exports,
      File,
    });
    expect(Object.keys(exposed)).toEqual(['vanthu']);
    const api = exposed.vanthu as { invoke: (m: unknown, i?: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke', 'pathForFile']);
    expect(await api.invoke('incoming.list', { q: 'a' })).toEqual({ ok: true, value: 'x' });
    expect(invoked).toEqual([['vanthu:incoming.list', { q: 'a' }]]);
    expect(await api.invoke('../../evil')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(invoked).toHaveLength(1);
    const pathForFile = (exposed.vanthu as { pathForFile: (f: unknown) => string }).pathForFile;
    expect(pathForFile(new File())).toBe('/home/vanthu/scan.pdf');
    expect(pathForFile('/etc/passwd')).toBe('');
  });
});
