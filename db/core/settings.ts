// Office settings (synced): size limits, stamp placement, holidays… read with a default.
import { eq } from 'drizzle-orm';
import { settings } from './schema.js';
import type { Store } from './store.js';
import { mutate, type WriteContext } from './write.js';

export function readSetting<T>(store: Store, key: string, fallback: T): T {
  const row = store.db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function writeSetting(store: Store, ctx: WriteContext, key: string, value: unknown): void {
  mutate(store, ctx, (w) => w.setSetting(key, value));
}
