// npm run bench:sync [-- --changes 100000 --devices 200 --seconds 20]: our sync against PouchDB.
// 1. One desktop pushes its outbox (≥ N changes) to the endpoint on PostgreSQL (DATABASE_URL;
//    PGlite without it), and a new desktop pulls and applies them all. In the same run the same
//    records are replicated with PouchDB to pouchdb-server (leveldb) and back. Times, the ratio,
//    and peak memory of each client phase and of each server process.
// 2. 200 simulated devices (20 units × 10) push small batches for a while (autocannon):
//    p50/p99 latency and throughput.
// Prints a table and writes bench-results/sync.json. Not run by CI.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { INCOMING_DEFAULTS, registerIncoming } from '../../db/incoming/incoming.js';
import { initialize } from '../../db/admin/setup.js';
import { openStore } from '../../db/core/store.js';
import { createEnrollCode, createUnit } from '../../server/admin.js';
import { openServerDb } from '../../server/db.js';
import { SyncEngine } from '../../electron/sync/syncEngine.js';
import { SyncHttp } from '../../electron/sync/syncHttp.js';
import { BlobStore } from '../../electron/files/blobStore.js';
import { corpusDocument } from './corpus.js';

const require = createRequire(import.meta.url);
type LoadResult = {
  latency: { p50: number; p99: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
};
const autocannon = require('autocannon') as (options: object) => Promise<LoadResult>;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHANGES = arg('changes', 100_000);
const DEVICES = arg('devices', 200);
const SECONDS = arg('seconds', 20);
const work = mkdtempSync(join(tmpdir(), 'vanthu-bench-sync-'));
const rows: { measure: string; value: string; note: string }[] = [];
const json: Record<string, unknown> = { changes: CHANGES };
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;

/** Peak RSS of this process during fn (sampled every 20 ms). */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/** A child's peak resident memory (Linux: VmHWM). */
function childPeak(child: ChildProcess): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

/** A child process, once its output matches `ready`; the match's first group comes back too. */
function startChild(cmd: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd?: string): Promise<ChildProcess & { said: string }> {
  const child = spawn(process.execPath, cmd, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += String(d);
      const m = ready.exec(out);
      if (m) resolve(Object.assign(child, { said: m[1] ?? '' }));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${cmd.join(' ')} exited ${code}: ${out}`)));
  });
}

// --- The endpoint: a child process on PostgreSQL (a fresh database) or PGlite.
let databaseUrl: string | undefined;
let dbName: string | undefined;
if (process.env.DATABASE_URL) {
  dbName = `vanthu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${dbName}`;
  databaseUrl = u.toString();
}
const serverData = join(work, 'server');
const setupDb = await openServerDb(databaseUrl ? { url: databaseUrl } : { dataDir: serverData });
await createUnit(setupDb, { code: 'SGD', name: 'Sở GD&ĐT' });
const codes = [(await createEnrollCode(setupDb, 'SGD')).code, (await createEnrollCode(setupDb, 'SGD')).code];
const loadUnits = Math.max(1, Math.round(DEVICES / 10));
const loadCodes: string[] = [];
for (let u = 0; u < loadUnits; u++) {
  await createUnit(setupDb, { code: `TRUONG-${u}`, name: `Trường ${u}` });
  for (let d = 0; d < Math.ceil(DEVICES / loadUnits) && loadCodes.length < DEVICES; d++)
    loadCodes.push((await createEnrollCode(setupDb, `TRUONG-${u}`)).code);
}
await setupDb.close();
const ours = await startChild(
  [join(root, 'dist/server/main.mjs'), '--data', serverData, '--port', '0'],
  databaseUrl ? { DATABASE_URL: databaseUrl } : {},
  /máy chủ đồng bộ: (http:\/\/127\.0\.0\.1:\d+)/,
);
const ourUrl = ours.said;

// --- A desktop with an outbox of at least CHANGES changes (registrations through mutate()).
const storeA = openStore(join(work, 'a.sqlite'));
const ctx = initialize(storeA, {
  unitName: 'Sở GD&ĐT',
  unitCode: 'SGDĐT',
  adminUsername: 'admin',
  adminFullName: 'Quản trị',
  adminPasswordHash: 'x',
});
const outboxCount = () => (storeA.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
const seedStart = performance.now();
for (let i = 0; outboxCount() < CHANGES; i += 1000) {
  storeA.sqlite.transaction(() => {
    for (let k = i; k < i + 1000; k++)
      registerIncoming(storeA, ctx, {
        ...corpusDocument(k),
        ...INCOMING_DEFAULTS,
        issuedDate: '2026-01-02',
        receivedAt: '2026-01-05T02:00:00Z',
      });
  })();
}
const total = outboxCount();
json.records = total;
rows.push({
  measure: 'outbox to replicate (registrations through mutate)',
  value: `${total.toLocaleString('en')} changes`,
  note: `seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
});

const engineA = new SyncEngine({ store: storeA, blobs: new BlobStore(join(work, 'files-a')) });
await engineA.connect({ url: ourUrl, code: codes[0]!, deviceName: 'Máy A' });
const push = await measured(() => engineA.syncNow());
if (push.value.lastError || push.value.waiting > 0) throw new Error(`push failed: ${push.value.lastError}`);

const storeB = openStore(join(work, 'b.sqlite'));
const engineB = new SyncEngine({ store: storeB, blobs: new BlobStore(join(work, 'files-b')) });
await engineB.connect({ url: ourUrl, code: codes[1]!, deviceName: 'Máy B' });
const pull = await measured(() => engineB.syncNow());
if (pull.value.lastError) throw new Error(`pull failed: ${pull.value.lastError}`);
const pulledDocs = (storeB.sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
const ourServerPeak = childPeak(ours);

// --- PouchDB: the same records, one document each, replicated to pouchdb-server and back.
const pouchPort = 15984 + Math.floor(Math.random() * 1000);
const pouchServer = await startChild(
  [
    require.resolve('pouchdb-server/bin/pouchdb-server'),
    '--port',
    String(pouchPort),
    '--dir',
    join(work, 'pouch-server'),
    '--no-stdout-logs',
  ],
  {},
  /pouchdb-server has started/,
  // It writes log.txt and config.json into its working folder: the bench's temp folder, not the checkout.
  work,
);
const PouchDB = require('pouchdb') as PouchStatic;
const remote = `http://127.0.0.1:${pouchPort}/vanthu`;
await fetch(remote, { method: 'PUT' });
const localA = new PouchDB(join(work, 'pouch-a'));
const outbox = storeA.sqlite.prepare('SELECT change_id, hlc, table_name, row_id, fields FROM outbox ORDER BY seq').all() as {
  change_id: string;
  hlc: string;
  table_name: string;
  row_id: string;
  fields: string;
}[];
for (let i = 0; i < outbox.length; i += 5000) {
  await localA.bulkDocs(
    outbox
      .slice(i, i + 5000)
      .map((o) => ({ _id: o.change_id, hlc: o.hlc, table: o.table_name, rowId: o.row_id, fields: JSON.parse(o.fields) as unknown })),
  );
}
const pouchPush = await measured(() => localA.replicate.to(remote, { batch_size: 500 }));
const localB = new PouchDB(join(work, 'pouch-b'));
const pouchPull = await measured(() => localB.replicate.from(remote, { batch_size: 1000 }));
const pouchInfo = await localB.info();
const pouchServerPeak = childPeak(pouchServer);

const ourTotal = push.ms + pull.ms;
const pouchTotal = pouchPush.ms + pouchPull.ms;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (ms: number) => `${Math.round(total / (ms / 1000)).toLocaleString('en')}/s`;
rows.push(
  {
    measure: `VănThư push → server (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`,
    value: s(push.ms),
    note: `${rate(push.ms)}; client peak RSS ${mb(push.peak)}`,
  },
  {
    measure: 'VănThư pull + apply on a new desktop',
    value: s(pull.ms),
    note: `${rate(pull.ms)}; ${pulledDocs.toLocaleString('en')} documents searchable; client peak RSS ${mb(pull.peak)}`,
  },
  {
    measure: 'PouchDB replicate.to pouchdb-server',
    value: s(pouchPush.ms),
    note: `${rate(pouchPush.ms)}; client peak RSS ${mb(pouchPush.peak)}`,
  },
  {
    measure: 'PouchDB replicate.from to a new local db',
    value: s(pouchPull.ms),
    note: `${rate(pouchPull.ms)}; ${pouchInfo.doc_count.toLocaleString('en')} docs; client peak RSS ${mb(pouchPull.peak)}`,
  },
  {
    measure: 'push + pull, PouchDB ÷ VănThư',
    value: `${(pouchTotal / ourTotal).toFixed(2)}×`,
    note: `target ≥ 2× (${s(ourTotal)} vs ${s(pouchTotal)})`,
  },
  {
    measure: 'server peak RSS',
    value: `VănThư ${mb(ourServerPeak)}`,
    note: `pouchdb-server ${mb(pouchServerPeak)}${databaseUrl ? ' (PostgreSQL’s own processes not counted)' : ''}`,
  },
);
Object.assign(json, {
  pushMs: push.ms,
  pullMs: pull.ms,
  pouchPushMs: pouchPush.ms,
  pouchPullMs: pouchPull.ms,
  ratio: pouchTotal / ourTotal,
  clientPeak: { push: push.peak, pull: pull.peak, pouchPush: pouchPush.peak, pouchPull: pouchPull.peak },
  serverPeak: { ours: ourServerPeak, pouch: pouchServerPeak },
});
pouchServer.kill('SIGTERM');
await localA.close();
await localB.close();

// --- Load: DEVICES devices pushing batches of 5 changes as fast as they are answered.
const tokens: string[] = [];
for (const code of loadCodes)
  tokens.push((await new SyncHttp(ourUrl).enroll({ code, deviceName: `Máy ${tokens.length}`, hasData: false })).token);
let next = 0;
let seq = 0;
const batch = () => {
  const at = new Date().toISOString();
  return JSON.stringify({
    changes: Array.from({ length: 5 }, () => {
      const n = ++seq;
      return {
        changeId: `load-${n.toString(16).padStart(12, '0')}-${randomBytes(4).toString('hex')}`,
        hlc: `${at}-${(n % 65536).toString(16).padStart(4, '0')}-b0b0`,
        table: 'tasks',
        rowId: `t-${n}`,
        fields: { status: 'dang_xu_ly', progress: `Tiến độ ${n}` },
      };
    }),
  });
};
const load = await autocannon({
  url: ourUrl,
  connections: tokens.length,
  duration: SECONDS,
  setupClient: (client: { setHeaders(h: Record<string, string>): void }) =>
    client.setHeaders({ authorization: `Bearer ${tokens[next++ % tokens.length]}`, 'content-type': 'application/json' }),
  requests: [{ method: 'POST', path: '/v1/push', setupRequest: (req: Record<string, unknown>) => ({ ...req, body: batch() }) }],
});
rows.push({
  measure: `load: ${tokens.length} devices (${loadUnits} units) pushing 5 changes a request, ${SECONDS} s`,
  value: `p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms`,
  note: `${Math.round(load.requests.average)} req/s (${Math.round(load.requests.average * 5)} changes/s); ${load['2xx']} ok, ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts; server peak RSS ${mb(childPeak(ours))}`,
});
json.load = {
  devices: tokens.length,
  p50: load.latency.p50,
  p99: load.latency.p99,
  rps: load.requests.average,
  ok: load['2xx'],
  non2xx: load.non2xx,
  errors: load.errors,
};
ours.kill('SIGTERM');
storeA.close();
storeB.close();
if (dbName) {
  await new Promise((r) => setTimeout(r, 500));
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

console.table(rows);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'sync.json'), JSON.stringify({ at: new Date().toISOString(), rows, ...json }, null, 2));
process.exit(0);

interface PouchDb {
  bulkDocs(docs: unknown[]): Promise<unknown>;
  replicate: { to(target: string, o: object): Promise<unknown>; from(source: string, o: object): Promise<unknown> };
  info(): Promise<{ doc_count: number }>;
  close(): Promise<void>;
}
type PouchStatic = new (name: string) => PouchDb;
