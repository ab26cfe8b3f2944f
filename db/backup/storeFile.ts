// Looking at a store file that is not the open one (a backup): SQLite's own integrity check,
// its schema version and how many documents it holds — read-only, with the live store's driver.
import type Database from 'better-sqlite3';
import type { Store } from '../core/store.js';

export interface StoreFileFacts {
  ok: boolean;
  problem: string | null;
  schemaVersion: number;
  documents: number;
}

/** `integrity: false` skips SQLite's integrity check (seconds on a large store, and it blocks). */
export function inspectStoreFile(live: Store, path: string, { integrity = true } = {}): StoreFileFacts {
  const Driver = live.sqlite.constructor as unknown as new (file: string, options: Database.Options) => Database.Database;
  let db: Database.Database;
  try {
    db = new Driver(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, problem: `không mở được tệp dữ liệu (${(err as Error).message})`, schemaVersion: 0, documents: 0 };
  }
  try {
    const check = integrity ? (db.pragma('integrity_check') as { integrity_check: string }[]) : [{ integrity_check: 'ok' }];
    if (check[0]?.integrity_check !== 'ok')
      return {
        ok: false,
        problem: `SQLite báo tệp dữ liệu bị hỏng (${check
          .slice(0, 3)
          .map((c) => c.integrity_check)
          .join('; ')})`,
        schemaVersion: 0,
        documents: 0,
      };
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const documents = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    return { ok: true, problem: null, schemaVersion, documents };
  } catch (err) {
    return { ok: false, problem: `tệp dữ liệu không đọc được (${(err as Error).message})`, schemaVersion: 0, documents: 0 };
  } finally {
    db.close();
  }
}

/** Every file the store refers to, stamped copies and detached files too (history keeps them). */
export function referencedFiles(store: Store): string[] {
  return (store.sqlite.prepare('SELECT DISTINCT sha256 FROM attachments').all() as { sha256: string }[]).map((r) => r.sha256);
}
