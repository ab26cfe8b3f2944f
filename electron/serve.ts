// `npm run serve`: the same backend and UI in a browser, on 127.0.0.1 only.
//   node dist/electron/serve.mjs [--port 5180] [--data DIR]
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/api/errors.js';
import { openStore } from '../db/store.js';
import { createBackend } from './backend.js';
import { defaultDataDir, filesPath, storePath } from './dataDir.js';
import { createHttpServer } from './http.js';

export interface ServeArgs {
  port: number;
  dataDir: string;
  host: string;
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

export async function serve(args: ServeArgs, staticDir: string | null) {
  mkdirSync(args.dataDir, { recursive: true });
  const store = openStore(storePath(args.dataDir));
  const textWorker = join(dirname(fileURLToPath(import.meta.url)), 'textWorker.mjs');
  const backend = createBackend(store, { filesDir: filesPath(args.dataDir), textWorker });
  const server = createHttpServer({ backend, staticDir });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : args.port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        void backend.attachments.texts.close().then(() => {
          store.close();
          resolve();
        });
      });
      server.closeAllConnections();
    });
  return { server, store, port, url: `http://${args.host}:${port}/`, close };
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry) {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    const args = parseServeArgs(process.argv.slice(2));
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
