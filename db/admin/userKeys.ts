// Each user's signing key: made when his password is set, its private half sealed by that
// password (scrypt → AES-256-GCM) so it travels with his user row and opens at login on any PC.
import { createCipheriv, createDecipheriv, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { derive } from './password.js';

export interface UserKey {
  /** SPKI DER, base64. */
  publicKey: string;
  /** `v1$salt$iv$tag$ciphertext` (base64 parts) of the PKCS#8 private key. */
  sealedKey: string;
  privateKey: KeyObject;
}

export async function newUserKey(password: string): Promise<UserKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt), iv);
  const sealed = Buffer.concat([cipher.update(privateKey.export({ format: 'der', type: 'pkcs8' })), cipher.final()]);
  const parts = [salt, iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64'));
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    sealedKey: `v1$${parts.join('$')}`,
    privateKey,
  };
}

/** The private key, or null when the password does not open it (or it is damaged). */
export async function openUserKey(sealedKey: string, password: string): Promise<KeyObject | null> {
  const [v, salt, iv, tag, data] = sealedKey.split('$');
  if (v !== 'v1' || !salt || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', await derive(password, Buffer.from(salt, 'base64')), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const der = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}
