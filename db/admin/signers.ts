// At login, the user's signing key is opened with the password he gave. A user who has none yet
// (an office set up before keys existed) gets one now, introduced by a change he signs himself —
// accepted elsewhere only while his row has no key (shared/sync/authority.ts).
import type { Signer } from '../core/signing.js';
import type { Store } from '../core/store.js';
import { mutate } from '../core/write.js';
import { users } from '../core/schema.js';
import { newUserKey, openUserKey } from './userKeys.js';
import { getUserRow } from './users.js';

/** His key, or undefined when the password no longer opens it (he can work, not sign authority changes). */
export async function openSigner(store: Store, userId: string, password: string): Promise<Signer | undefined> {
  const row = getUserRow(store, userId);
  if (row.sealedKey) {
    const key = await openUserKey(row.sealedKey, password);
    return key ? { userId, key } : undefined;
  }
  if (row.publicKey) return undefined;
  const made = await newUserKey(password);
  const signer: Signer = { userId, key: made.privateKey };
  mutate(store, { userId, signer }, (w) => w.update(users, userId, { publicKey: made.publicKey, sealedKey: made.sealedKey }, 'auth.key'));
  return signer;
}
