// A real PKCS#11 token for the signing tests: SoftHSM2 (Debian's softhsm2), initialised here with
// a key and a certificate from the test CA, imported with OpenSC's pkcs11-tool — as a CA's tool
// writes them onto a USB token. Absent tools make the tests skip, saying so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Party } from './testCa.js';
import type * as x509 from '@peculiar/x509';

export const SOFTHSM_MODULE = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((m) =>
  existsSync(m),
);

/** Why the token tests cannot run here, or null when they can. */
export function softHsmMissing(): string | null {
  if (!SOFTHSM_MODULE) return 'SoftHSM2 is not installed (apt-get install softhsm2)';
  for (const tool of ['softhsm2-util', 'pkcs11-tool']) {
    try {
      execFileSync(tool, ['--help'], { stdio: 'ignore' });
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return `${tool} is not installed (apt-get install softhsm2 opensc)`;
    }
  }
  try {
    createRequire(import.meta.url)('pkcs11js');
  } catch {
    return 'pkcs11js (optional dependency) did not build on this machine';
  }
  return null;
}

export interface TestToken {
  module: string;
  label: string;
  pin: string;
  cleanup(): void;
}

/** SoftHSM's configuration, one folder of tokens per test file; set before the module is first loaded. */
export function softHsmHome(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  writeFileSync(
    join(dir, 'softhsm2.conf'),
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  process.env.SOFTHSM2_CONF = join(dir, 'softhsm2.conf');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A token labelled `label` holding `party`'s key and certificate (id 01) and the CA certificates above it. */
export async function tokenWith(
  home: string,
  label: string,
  party: Party,
  chain: x509.X509Certificate[],
  pin = '1234',
): Promise<TestToken> {
  const module = SOFTHSM_MODULE!;
  const env = { ...process.env, SOFTHSM2_CONF: join(home, 'softhsm2.conf') };
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '12345678', '--pin', pin], {
    env,
    stdio: 'ignore',
  });
  const files = mkdtempSync(join(home, 'import-'));
  const key = join(files, 'key.der');
  writeFileSync(key, Buffer.from(await crypto.subtle.exportKey('pkcs8', party.keys.privateKey)));
  const write = (file: string, type: string, id: string, more: string[] = []) =>
    execFileSync(
      'pkcs11-tool',
      ['--module', module, '--login', '--pin', pin, '--token-label', label, '--write-object', file, '--type', type, '--id', id, ...more],
      { env, stdio: 'ignore' },
    );
  write(key, 'privkey', '01', ['--usage-sign']);
  [party.cert, ...chain].forEach((c, i) => {
    const file = join(files, `cert${i}.der`);
    writeFileSync(file, Buffer.from(c.rawData));
    write(file, 'cert', `0${i + 1}`.slice(-2));
  });
  rmSync(files, { recursive: true, force: true });
  return { module, label, pin, cleanup: () => {} };
}
