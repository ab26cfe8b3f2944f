// The endpoint's database: PGlite in a data folder by default, or the PostgreSQL named by
// DATABASE_URL (how it scales: stateless processes, one PostgreSQL). Queries are plain SQL
// that PostgreSQL 15 runs; the schema and its migrations are drizzle's (server/schema.ts).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Sql {
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface ServerDb extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** This server's identity: a desktop that finds another one stops instead of mixing data. */
  readonly serverId: string;
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PGlite's folder (under the data folder); ignored when url is given. */
  dataDir?: string;
  /** A PostgreSQL connection string. */
  url?: string;
  /** Pool size per server process (PostgreSQL only). */
  poolSize?: number;
}

export function migrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, 'migrations'), join(here, '..', 'server-migrations'), join(here, '..', '..', 'server', 'migrations')].find(
    (d) => existsSync(join(d, 'meta', '_journal.json')),
  );
  if (!found) throw new Error(`server migrations not found near ${here}`);
  return found;
}

export async function openServerDb(options: OpenOptions): Promise<ServerDb> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  if (!options.dataDir) throw new Error('a data folder or DATABASE_URL is needed');
  return openPglite(join(options.dataDir, 'pglite'));
}

async function openPglite(dir: string): Promise<ServerDb> {
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  await migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() });
  const query = async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows;
  const serverId = await ensureServerId({ query });
  return {
    kind: 'pglite',
    serverId,
    query,
    tx: (fn) =>
      client.transaction((t) => fn({ query: async <T>(text: string, params: unknown[] = []) => (await t.query<T>(text, params)).rows })),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, max: number): Promise<ServerDb> {
  // JIT compiles a query for tens of ms when its estimate is large: never worth it for these small batches.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off' });
  // A dropped connection in the pool must not take the process down.
  pool.on('error', () => {});
  await migratePg(drizzlePg(pool), { migrationsFolder: migrationsFolder() });
  const query = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
  const serverId = await ensureServerId({ query });
  return {
    kind: 'postgres',
    serverId,
    query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function ensureServerId(sql: Sql): Promise<string> {
  await sql.query(`INSERT INTO server_meta (key, value) VALUES ('server_id', $1) ON CONFLICT (key) DO NOTHING`, [randomUUID()]);
  const [row] = await sql.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = 'server_id'`);
  return row!.value;
}
