// A .p12/.pfx file as a CA delivers one, made with openssl from a test party's key and
// certificate (3.x: AES and PBKDF2; `legacy`: RC2/3DES, which VănThư refuses with a way out).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as x509 from '@peculiar/x509';
import type { Party } from './testCa.js';

/** The file's bytes, or null without openssl. */
export async function p12Of(party: Party, chain: x509.X509Certificate[], password: string, legacy = false): Promise<Uint8Array | null> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-p12-'));
  try {
    writeFileSync(join(dir, 'k.der'), Buffer.from(await crypto.subtle.exportKey('pkcs8', party.keys.privateKey)));
    writeFileSync(join(dir, 'c.pem'), party.cert.toString('pem'));
    writeFileSync(join(dir, 'i.pem'), chain.map((c) => c.toString('pem')).join('\n'));
    const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
    run(['pkey', '-inform', 'DER', '-in', join(dir, 'k.der'), '-out', join(dir, 'k.pem')]);
    run([
      'pkcs12',
      '-export',
      ...(legacy ? ['-legacy'] : []),
      '-inkey',
      join(dir, 'k.pem'),
      '-in',
      join(dir, 'c.pem'),
      ...(chain.length ? ['-certfile', join(dir, 'i.pem')] : []),
      '-passout',
      `pass:${password}`,
      '-out',
      join(dir, 'a.p12'),
    ]);
    return new Uint8Array(readFileSync(join(dir, 'a.p12')));
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
