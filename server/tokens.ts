// Device tokens and enrollment codes: random, shown once, stored only as sha256 (they carry
// 128+ bits of randomness, so a plain hash is enough and lookups stay one index probe).
import { createHash, randomBytes } from 'node:crypto';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Codes are typed by people: case, spaces and dashes do not matter. */
export function hashEnrollCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

// No 0/O, 1/I/L: a code is read out over the phone and typed by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** "K7QM-2XHD-9TPA-4WNE": 20 characters of a 31-letter alphabet (~99 bits). */
export function newEnrollCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}
