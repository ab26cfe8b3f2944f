// Whether the office has declared this PC not connected to any network: only then may it keep
// the files of secret documents (Luật 29/2018, Điều 5), and then it does not sync.
import { localValue, setLocalValue, type Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';

const KEY = 'pc.airGapped';

export function isAirGapped(store: Store): boolean {
  return localValue(store.sqlite, KEY) === '1';
}

/** This PC's own declaration (not synced: it is a fact about this machine), audited. */
export function setAirGapped(store: Store, ctx: WriteContext, airGapped: boolean): void {
  mutate(store, ctx, (w) => {
    if (isAirGapped(store) === airGapped) return;
    setLocalValue(store.sqlite, KEY, airGapped ? '1' : '0');
    w.event('pc.airGapped', { airGapped });
  });
}
