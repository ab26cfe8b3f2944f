// Opening the local store: one SQLite file, migrated inside one transaction, refused when a
// newer VănThư wrote it. WAL, foreign keys and a busy timeout are set on every connection.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { AppError } from '../../shared/api/errors.js';
import { HybridClock } from './hlc.js';
import { newDeviceId } from './ids.js';
import * as schema from './schema.js';
import { stmt } from './statements.js';

export type Db = BetterSQLite3Database<typeof schema>;

export interface StoreOptions {
  /** The wall clock; tests move it to year ends. */
  now?: () => Date;
  migrationsFolder?: string;
  /** better-sqlite3's compiled addon for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string | undefined;
}

export interface Store {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly deviceId: string;
  readonly clock: HybridClock;
  readonly schemaVersion: number;
  now(): Date;
  close(): void;
}

/** The migrations shipped with this build: beside the sources, or beside the bundle in dist/. */
export function defaultMigrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'migrations'), join(here, '..', 'migrations'), join(here, '..', 'db', 'migrations')];
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`migrations folder not found near ${here}`);
  return found;
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const migrations = readMigrationFiles({ migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder() });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('user_version', { simple: true });
  } catch (err) {
    throw new AppError('BAD_REQUEST', `Không mở được tệp dữ liệu ${file}: tệp bị hỏng hoặc không phải dữ liệu của VănThư.`, {
      details: { cause: String(err) },
    });
  }
  try {
    const version = Number(sqlite.pragma('user_version', { simple: true }));
    if (version > migrations.length) {
      throw new AppError(
        'NEWER_DATABASE',
        `Tệp dữ liệu này do một phiên bản VănThư mới hơn tạo ra (lược đồ ${version}, phiên bản này hiểu đến ${migrations.length}). ` +
          'Hãy cập nhật VănThư; dữ liệu chưa bị thay đổi.',
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // 64 MiB of page cache (default 2 MB): a store of a million documents has indexes of
    // hundreds of MB, and registration touches several of them at random places.
    sqlite.pragma('cache_size = -65536');
    migrate(sqlite, migrations, version);
    sqlite.pragma('optimize = 0x10002');
  } catch (err) {
    sqlite.close();
    throw err;
  }

  const db = drizzle(sqlite, { schema });
  const deviceId = localValue(sqlite, 'device_id') ?? setLocalValue(sqlite, 'device_id', newDeviceId());
  const clock = new HybridClock(deviceId, localValue(sqlite, 'hlc'), () => now().getTime());
  return {
    file,
    sqlite,
    db,
    deviceId,
    clock,
    schemaVersion: migrations.length,
    now,
    close: () => sqlite.close(),
  };
}

/** Every pending migration and the new user_version in one transaction: all or nothing. */
function migrate(sqlite: Database.Database, migrations: MigrationMeta[], from: number): void {
  if (from === migrations.length) return;
  sqlite
    .transaction(() => {
      for (const m of migrations.slice(from)) {
        for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
      }
      sqlite.pragma(`user_version = ${migrations.length}`);
    })
    .immediate();
}

export function localValue(sqlite: Database.Database, key: string): string | null {
  const row = stmt(sqlite, 'SELECT value FROM local_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setLocalValue(sqlite: Database.Database, key: string, value: string): string {
  stmt(sqlite, 'INSERT INTO local_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  return value;
}
