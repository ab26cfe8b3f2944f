// A PC whose clock ran fast made changes stamped in the future, which the server refuses
// (CLOCK_SKEW) and would keep refusing for as long as the clock was ahead, even after someone
// fixes it. Once the wall clock agrees with the server again, the changes not yet sent are
// stamped anew, in their order, as made now: nobody else has seen those stamps.
import { MAX_CLOCK_AHEAD_MS } from '../../shared/sync/protocol.js';
import { parseHlc } from '../core/hlc.js';
import { stmt } from '../core/statements.js';
import { SYNCED } from './tables.js';
import type { Store } from '../core/store.js';
import { mutate } from '../core/write.js';

/** How far apart this PC's clock and the server's may be for the restamp to happen. */
export const CLOCK_AGREES_MS = 2 * 60 * 1000;

/** Restamps the unsent changes once the clock is right again; answers how many, or 0. */
export function restampFutureChanges(store: Store, serverTime: Date): number {
  const wall = store.now().getTime();
  if (Math.abs(wall - serverTime.getTime()) > CLOCK_AGREES_MS) return 0;
  const limit = serverTime.getTime() + MAX_CLOCK_AHEAD_MS;
  return mutate(store, { userId: null }, (w) => {
    const unsent = stmt(store.sqlite, 'SELECT seq, hlc, table_name, row_id FROM outbox WHERE sent_at IS NULL ORDER BY seq').all() as {
      seq: number;
      hlc: string;
      table_name: string;
      row_id: string;
    }[];
    if (!unsent.some((c) => parseHlc(c.hlc).millis > limit)) return 0;
    store.clock.rewind(Math.max(wall, serverTime.getTime()));
    for (const c of unsent) {
      const stamp = store.clock.tick();
      stmt(store.sqlite, 'UPDATE outbox SET hlc = ? WHERE seq = ?').run(stamp, c.seq);
      const spec = SYNCED.get(c.table_name);
      if (spec) stmt(store.sqlite, `UPDATE "${spec.name}" SET hlc = ? WHERE "${spec.key}" = ? AND hlc = ?`).run(stamp, c.row_id, c.hlc);
    }
    w.event('sync.restamp', { changes: unsent.length, serverTime: serverTime.toISOString() });
    return unsent.length;
  });
}
