// A real sync endpoint for tests: Fastify listening on 127.0.0.1, on PGlite in a temp folder or
// on a fresh database of the PostgreSQL named by DATABASE_URL (created here, dropped after).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createEnrollCode, createUnit } from '../../server/admin.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { openServerDb, type ServerDb } from '../../server/db.js';

export type ServerKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function serverKinds(): ServerKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestServer {
  kind: ServerKind;
  db: ServerDb;
  app: FastifyInstance;
  url: string;
  port: number;
  /** A unit (created on first use) and a fresh one-time code for it. */
  code(unit?: string): Promise<string>;
  /** Stops the process's server and starts it again on the same data and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncServer(kind: ServerKind = 'pglite', appOptions: AppOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-server-'));
  let url: string | undefined;
  let dbName: string | undefined;
  if (kind === 'postgres') {
    dbName = `vanthu_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const open = () => openServerDb(url ? { url, poolSize: 5 } : { dataDir: dir });
  const units = new Set<string>();
  const server: TestServer = {
    kind,
    db: await open(),
    app: null as unknown as FastifyInstance,
    url: '',
    port: 0,
    async code(unit = 'TRUONG-A') {
      if (!units.has(unit)) {
        await createUnit(server.db, { code: unit, name: `Đơn vị ${unit}` }).catch(() => {});
        units.add(unit);
      }
      return (await createEnrollCode(server.db, unit)).code;
    },
    async stop() {
      await server.app.close();
      await server.db.close();
    },
    async restart() {
      server.db = await open();
      server.app = buildApp(server.db, appOptions);
      await server.app.listen({ port: server.port, host: '127.0.0.1' });
    },
    async close() {
      await server.app.close().catch(() => {});
      await server.db.close().catch(() => {});
      if (dbName) {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  server.app = buildApp(server.db, appOptions);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  server.port = (server.app.server.address() as { port: number }).port;
  server.url = `http://127.0.0.1:${server.port}`;
  return server;
}
