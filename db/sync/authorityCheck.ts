// A pulled change to the office's authority tables is applied only with a valid signature of
// someone who may make it (shared/sync/authority.ts), checked against this PC's own users — which
// hold only changes that passed the same check — and the unit's pinned root key.
import { authorityRefusal, rolesOf, type SignerRow } from '../../shared/sync/authority.js';
import type { PulledChange } from '../../shared/sync/protocol.js';
import { stmt } from '../core/statements.js';
import { verifyPayload } from '../core/signing.js';
import { localValue, setLocalValue, type Store } from '../core/store.js';

const ROOT_KEY = 'sync.rootKey';

/** Pinned once: at setup (the first admin's key) or when this PC joins (the server's pin). */
export function pinRootKey(store: Store, publicKey: string): void {
  if (!localValue(store.sqlite, ROOT_KEY)) setLocalValue(store.sqlite, ROOT_KEY, publicKey);
}

function signerRow(store: Store, userId: string): SignerRow | null {
  const r = stmt(store.sqlite, 'SELECT roles, active, public_key FROM users WHERE id = ? AND deleted_at IS NULL').get(userId) as
    { roles: string; active: number; public_key: string | null } | undefined;
  return r ? { roles: rolesOf(r.roles), active: r.active === 1, publicKey: r.public_key } : null;
}

/** Null when the change may be applied here; otherwise why not. */
export function pulledRefusal(store: Store, c: PulledChange): string | null {
  return authorityRefusal(c, {
    rootKey: localValue(store.sqlite, ROOT_KEY),
    signer: (id) => signerRow(store, id),
    verify: verifyPayload,
  });
}
