// `npm run server -- --data DIR --port N` runs the endpoint on PGlite in DIR (or on the
// PostgreSQL of DATABASE_URL); `npm run server -- admin <command>` administers it.
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_USAGE, runAdmin, type AdminArgs } from './adminCommands.js';
import { buildApp, DEFAULT_MAX_PUSH_BYTES } from './app.js';
import { openServerDb } from './db.js';
import { SyncError } from './errors.js';

/** Beside PGlite's data while a server runs on it: where and how its admin commands are asked. */
const ADMIN_FILE = 'admin.json';

interface AdminDoor {
  pid: number;
  port: number;
  secret: string;
}

const USAGE = `VănThư — máy chủ đồng bộ
  npm run server -- --data THƯ_MỤC [--port 8787] [--host 127.0.0.1] [--max-push-mb 8]
${ADMIN_USAGE}
Với DATABASE_URL=postgres://… máy chủ dùng PostgreSQL đó thay cho PGlite trong --data.`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'max-push-mb': { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      parent: { type: 'string' },
      unit: { type: 'string' },
      device: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const url = process.env.DATABASE_URL;
  if (!url && !values.data) throw new SyncError('BAD_REQUEST', `Cần --data THƯ_MỤC (hoặc DATABASE_URL).\n${USAGE}`);
  const adminArgs: AdminArgs = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as AdminArgs;
  const doorFile = values.data ? join(values.data, ADMIN_FILE) : null;
  if (positionals[0] === 'admin') {
    // PGlite's folder opens in one process only: a running server is asked to do it.
    const door = !url && doorFile ? runningDoor(doorFile) : null;
    if (door) return void console.log(await askServer(door, positionals[1], adminArgs));
    const db = await openServerDb(url ? { url } : { dataDir: values.data! });
    try {
      console.log(await runAdmin(db, positionals[1], adminArgs));
    } finally {
      await db.close();
    }
    return;
  }
  const db = await openServerDb(url ? { url } : { dataDir: values.data! });
  const secret = randomBytes(24).toString('base64url');
  const maxPushBytes = values['max-push-mb'] ? Number(values['max-push-mb']) * 1024 * 1024 : DEFAULT_MAX_PUSH_BYTES;
  const app = buildApp(db, { maxPushBytes, log: true, adminSecret: secret });
  const address = await app.listen({ port: Number(values.port), host: values.host });
  if (!url && doorFile)
    writeFileSync(
      doorFile,
      JSON.stringify({ pid: process.pid, port: (app.server.address() as { port: number }).port, secret } satisfies AdminDoor),
      { mode: 0o600 },
    );
  console.log(
    `VănThư máy chủ đồng bộ: ${address} (${db.kind === 'pglite' ? `PGlite trong ${values.data}` : 'PostgreSQL'}, máy chủ ${db.serverId})`,
  );
  const stop = async () => {
    if (doorFile) rmSync(doorFile, { force: true });
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function runningDoor(file: string): AdminDoor | null {
  if (!existsSync(file)) return null;
  try {
    const door = JSON.parse(readFileSync(file, 'utf8')) as AdminDoor;
    process.kill(door.pid, 0);
    return door;
  } catch {
    return null; // a server that is gone (killed): the folder is free
  }
}

async function askServer(door: AdminDoor, command: string | undefined, args: AdminArgs): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${door.port}/v1/admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-admin-secret': door.secret },
    body: JSON.stringify({ command, args }),
  });
  const body = (await res.json()) as { output?: string; message?: string };
  if (!res.ok) throw new SyncError('BAD_REQUEST', body.message ?? `Máy chủ trả lời mã ${res.status}.`);
  return body.output ?? '';
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof SyncError ? err.message : err);
  process.exit(1);
});
