// Ed25519 signatures over changes to the authority tables (shared/sync/authority.ts): the key a
// session signs with, and the check every applied change passes.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The logged-in user's private key, opened from his sealed key at login. */
export interface Signer {
  userId: string;
  key: KeyObject;
}

export function signPayload(signer: Signer, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), signer.key).toString('base64');
}

/** Never throws: a malformed key or signature is simply not a valid one. */
export function verifyPayload(publicKey: string, payload: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
