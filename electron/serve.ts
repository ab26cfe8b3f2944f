// `npm run serve`: the same backend and UI in a browser, on 127.0.0.1 only.
//   node dist/electron/serve.mjs [--port 5180] [--data DIR]
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/api/errors.js';
import { openStore, type Store } from '../db/core/store.js';
import type { Server } from 'node:http';
import { createBackend, type Backend } from './backend/backend.js';
import { applyPendingRestore } from './backup/restoreOnStart.js';
import { preseedLocations, readPreseed, type PreseedRead } from './config/preseed.js';
import { defaultDataDir, filesPath, storePath } from './dataDir.js';
import { createHttpServer } from './http.js';

export interface ServeArgs {
  port: number;
  dataDir: string;
  host: string;
  /** vanthu.config.json, when the entry point found one. */
  preseed?: PreseedRead;
}

export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeArgs {
  const args: ServeArgs = { port: 5180, dataDir: defaultDataDir(env), host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} cần một giá trị`);
      return v;
    };
    if (a === '--port') args.port = Number(value());
    else if (a?.startsWith('--port=')) args.port = Number(a.slice(7));
    else if (a === '--data') args.dataDir = value();
    else if (a?.startsWith('--data=')) args.dataDir = a.slice(7);
    else throw new Error(`Tham số không hiểu: ${a}. Dùng: --port N --data THƯ_MỤC`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('Cổng (--port) phải là số từ 0 đến 65535');
  return args;
}

export interface Running {
  readonly store: Store;
  readonly backend: Backend;
  readonly server: Server;
  readonly port: number;
  readonly url: string;
  /** Resolves after a staged restore has been applied and the server is back. */
  restarted: Promise<void> | null;
  close(): Promise<void>;
}

export async function serve(args: ServeArgs, staticDir: string | null, log: (m: string) => void = console.log): Promise<Running> {
  mkdirSync(args.dataDir, { recursive: true });
  const textWorker = join(dirname(fileURLToPath(import.meta.url)), 'textWorker.mjs');
  const workbookWorker = join(dirname(fileURLToPath(import.meta.url)), 'workbookWorker.mjs');
  let current: { store: Store; server: Server; backend: Backend; port: number };

  const start = async (port: number) => {
    const restored = await applyPendingRestore(args.dataDir, storePath(args.dataDir), filesPath(args.dataDir));
    if (restored) log(restored);
    const store = openStore(storePath(args.dataDir));
    const backend = createBackend(store, {
      filesDir: filesPath(args.dataDir),
      textWorker,
      workbookWorker,
      scheduleBackups: true,
      sync: { background: true },
      preseed: args.preseed ?? null,
      onRestoreStaged: () => {
        const port = current.port;
        // A moment for the answer to leave before the server closes.
        running.restarted = new Promise((r) => setTimeout(r, 200)).then(stop).then(() => start(port));
      },
    });
    const server = createHttpServer({ backend, staticDir });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, args.host, () => resolve());
    });
    const address = server.address();
    current = { store, server, backend, port: typeof address === 'object' && address ? address.port : port };
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const { server, backend, store } = current;
      server.close(() => {
        void backend.close().then(() => {
          store.close();
          resolve();
        });
      });
      server.closeAllConnections();
    });

  await start(args.port);
  const running: Running = {
    get store() {
      return current.store;
    },
    get backend() {
      return current.backend;
    },
    get server() {
      return current.server;
    },
    get port() {
      return current.port;
    },
    get url() {
      return `http://${args.host}:${current.port}/`;
    },
    restarted: null,
    close: async () => {
      if (running.restarted) await running.restarted;
      await stop();
    },
  };
  return running;
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry) {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    const args = { ...parseServeArgs(process.argv.slice(2)), preseed: readPreseed(preseedLocations(process.execPath).slice(1)) };
    const running = await serve(args, join(here, '..', 'renderer'));
    console.log(`VănThư (chế độ trình duyệt) đang chạy tại ${running.url}`);
    console.log(`Dữ liệu: ${storePath(args.dataDir)}`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(err instanceof AppError || err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
