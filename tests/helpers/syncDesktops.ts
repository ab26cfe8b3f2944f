// Desktops for sync tests: each a backend over its own real SQLite file and files folder.
// The first one is set up like an office; the others join it through the server.
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import type { StoreOptions, Store } from '../../db/core/store.js';
import { SYNCED } from '../../db/sync/tables.js';
import { Caller, PASSWORD, setUpOffice } from './office.js';
import { tempStore, type TempStore } from './tempStore.js';

export interface Desktop {
  name: string;
  t: TempStore;
  backend: Backend;
  admin: Caller;
  clerk: Caller;
  sync(): Promise<Awaited<ReturnType<Backend['sync']['syncNow']>>>;
  cleanup(): Promise<void>;
}

async function login(backend: Backend, username: string): Promise<Caller> {
  const c = new Caller(backend);
  await c.ok('auth.login', { username, password: PASSWORD });
  return c;
}

/** The office's first PC: set up here, then enrolled (its data goes up). */
export async function firstDesktop(serverUrl: string, code: string, options: StoreOptions = {}): Promise<Desktop> {
  const office = await setUpOffice(options);
  await office.admin.ok('sync.connect', { url: serverUrl, code, deviceName: 'Máy văn thư' });
  const d: Desktop = {
    name: 'A',
    t: office.t,
    backend: office.backend,
    admin: office.admin,
    clerk: office.clerk,
    sync: () => office.backend.sync.syncNow(),
    cleanup: async () => {
      await office.backend.close();
      office.cleanup();
    },
  };
  await d.sync();
  return d;
}

/** A new PC of the same office: joins with a code and gets everything from the server. */
export async function joinDesktop(name: string, serverUrl: string, code: string, options: StoreOptions = {}): Promise<Desktop> {
  const t = tempStore(options);
  const backend = createBackend(t.store, {
    checkOutput: true,
    log: process.env.VANTHU_TEST_LOG ? (m, e) => console.error(m, e) : () => {},
    filesDir: join(t.dir, 'files'),
  });
  const anon = new Caller(backend);
  const joined = await anon.ok('setup.join', { url: serverUrl, code, deviceName: `Máy ${name}` });
  if (!joined.initialized) throw new Error('join did not bring the office');
  return {
    name,
    t,
    backend,
    admin: await login(backend, 'quantri'),
    clerk: await login(backend, 'vanthu'),
    sync: () => backend.sync.syncNow(),
    cleanup: async () => {
      await backend.close();
      t.cleanup();
    },
  };
}

/** Every synced row of a store, as sync sees it: equal snapshots mean identical data. */
export function syncedSnapshot(store: Store): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const spec of SYNCED.values()) {
    const cols = [...spec.columns].sort();
    out[spec.name] = store.sqlite
      .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${spec.name}" ORDER BY "${spec.key}"`)
      .all();
  }
  return out;
}
