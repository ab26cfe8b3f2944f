import { createHash, randomBytes } from 'node:crypto';

/** UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Sorts by creation time. */
export function uuidv7(now: number = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A device's id: 16 hex digits, the tie-breaker of the hybrid logical clock. */
export function newDeviceId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * A UUIDv8 (RFC 9562) named by `seed`: every PC of an office derives the same id for the same
 * thing it did not make itself — a message a relay or an axis handed over — so a second PC
 * taking it finds it known, and the id never collides with the sender's own row.
 */
export function namedId(seed: string): string {
  const b = createHash('sha256').update(seed).digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
