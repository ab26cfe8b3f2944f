// Which transports this PC has (#18): the sync server when it syncs, the axis and the folders
// when the admin set them here (local values — another PC has its own paths and its own axis).
import { localValue, setLocalValue, type Store } from '../../db/core/store.js';
import type { TokenVault } from '../sync/syncConfig.js';
import type { SyncEngine } from '../sync/syncEngine.js';
import { AxisTransport } from './axisTransport.js';
import type { ExchangeTransports } from './exchangeService.js';
import { RelayTransport } from './relayTransport.js';
import { FolderTransport, type ExchangeTransport } from './transports.js';

export const ROUTE_KEYS = {
  outFolder: 'exchange.outFolder',
  inFolder: 'exchange.inFolder',
  axisUrl: 'exchange.axisUrl',
  axisToken: 'exchange.axisToken',
} as const;

/** This PC's routes; the axis token stays sealed (the OS keychain, like the sync token) until a call needs it. */
export function readRoutes(store: Store) {
  return {
    outFolder: localValue(store.sqlite, ROUTE_KEYS.outFolder) || null,
    inFolder: localValue(store.sqlite, ROUTE_KEYS.inFolder) || null,
    axisUrl: localValue(store.sqlite, ROUTE_KEYS.axisUrl) || null,
    sealedAxisToken: localValue(store.sqlite, ROUTE_KEYS.axisToken) || null,
  };
}

export function writeRoutes(
  store: Store,
  vault: TokenVault,
  r: { outFolder: string | null; inFolder: string | null; axisUrl: string | null; axisToken?: string | undefined },
): void {
  setLocalValue(store.sqlite, ROUTE_KEYS.outFolder, r.outFolder ?? '');
  setLocalValue(store.sqlite, ROUTE_KEYS.inFolder, r.inFolder ?? '');
  setLocalValue(store.sqlite, ROUTE_KEYS.axisUrl, r.axisUrl ?? '');
  if (r.axisToken !== undefined) setLocalValue(store.sqlite, ROUTE_KEYS.axisToken, r.axisToken ? vault.seal(r.axisToken) : '');
}

export function exchangeTransports(store: Store, sync: SyncEngine, vault: TokenVault, maxBytes: () => number): ExchangeTransports {
  const all = (): ExchangeTransport[] => {
    const r = readRoutes(store);
    const out: ExchangeTransport[] = [];
    if (sync.client()) out.push(new RelayTransport(() => sync.client(), maxBytes()));
    if (r.axisUrl) out.push(new AxisTransport(r.axisUrl, r.sealedAxisToken ? vault.open(r.sealedAxisToken) : '', maxBytes()));
    if (r.outFolder || r.inFolder) out.push(new FolderTransport(r.outFolder, r.inFolder, maxBytes()));
    return out;
  };
  return {
    senders: () => all().filter((t) => t.kind !== 'file' || readRoutes(store).outFolder),
    receivers: () => all(),
  };
}
