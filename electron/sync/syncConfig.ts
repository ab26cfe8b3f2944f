// What this PC keeps about its sync: the server, its device id and token (sealed by the OS
// keychain where there is one), and the last outcome — in local_meta, never synced.
import { localValue, setLocalValue, type Store } from '../../db/core/store.js';
import { writeDerived } from '../../db/core/write.js';

export interface TokenVault {
  readonly protection: 'os' | 'plain';
  seal(token: string): string;
  open(sealed: string): string;
}

/** Browser mode and tests: no keychain, the token stays as it is in the data folder. */
export const plainVault: TokenVault = {
  protection: 'plain',
  seal: (token) => `plain:${token}`,
  open: (sealed) => sealed.replace(/^plain:/, ''),
};

/** The OS keychain's cipher (Electron's safeStorage); a plain token sealed earlier still opens. */
export function cipherVault(cipher: { encryptString(text: string): Buffer; decryptString(data: Buffer): string }): TokenVault {
  return {
    protection: 'os',
    seal: (token) => `os:${cipher.encryptString(token).toString('base64')}`,
    open: (sealed) => (sealed.startsWith('os:') ? cipher.decryptString(Buffer.from(sealed.slice(3), 'base64')) : plainVault.open(sealed)),
  };
}

export interface SyncConfig {
  url: string;
  serverId: string;
  deviceId: string;
  deviceName: string;
  unitCode: string;
  unitName: string;
  sealedToken: string;
  eagerFiles: boolean;
  /** Why sync stopped and waits for a person (another server, a server that lost data, revoked). */
  stopped: string | null;
}

export interface SyncState {
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
}

const CONFIG = 'sync.config';
const STATE = 'sync.state';

export function readConfig(store: Store): SyncConfig | null {
  const text = localValue(store.sqlite, CONFIG);
  return text ? (JSON.parse(text) as SyncConfig) : null;
}

export function writeConfig(store: Store, config: SyncConfig | null): void {
  writeDerived(store, () => {
    if (config) setLocalValue(store.sqlite, CONFIG, JSON.stringify(config));
    else store.sqlite.prepare('DELETE FROM local_meta WHERE key = ?').run(CONFIG);
  });
}

export function readState(store: Store): SyncState {
  const text = localValue(store.sqlite, STATE);
  return text ? (JSON.parse(text) as SyncState) : { lastSuccessAt: null, lastAttemptAt: null, lastError: null };
}

export function writeState(store: Store, state: SyncState): void {
  writeDerived(store, () => setLocalValue(store.sqlite, STATE, JSON.stringify(state)));
}
