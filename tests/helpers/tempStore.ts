import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../db/core/store.js';

export interface TempStore {
  dir: string;
  file: string;
  store: Store;
  reopen(options?: StoreOptions): Store;
  cleanup(): void;
}

/** A real SQLite file in a fresh temp folder. */
export function tempStore(options: StoreOptions = {}): TempStore {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-test-'));
  const file = join(dir, 'vanthu.sqlite');
  const t: TempStore = {
    dir,
    file,
    store: openStore(file, options),
    reopen(o = options) {
      t.store.close();
      t.store = openStore(file, o);
      return t.store;
    },
    cleanup() {
      try {
        t.store.close();
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** A clock the test moves by hand. */
export function manualClock(startIso: string) {
  let now = new Date(startIso).getTime();
  return {
    now: () => new Date(now),
    set: (iso: string) => void (now = new Date(iso).getTime()),
    advance: (ms: number) => void (now += ms),
  };
}
