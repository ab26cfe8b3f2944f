// The roots this PC trusts for digital signatures: a folder of certificates in the data folder,
// added by the admin (Quản trị), each named by its SHA-256 fingerprint. Nothing is shipped: the
// national roots could not be obtained here with fingerprints to check them against.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/api/errors.js';
import { fingerprint, nameOf } from './verifySignature.js';

export interface TrustedRoot {
  fingerprint: string;
  name: string | null;
  organisation: string | null;
  notAfter: string;
}

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/;
const BASIC_CONSTRAINTS = '2.5.29.19';

/** A certificate from a .cer/.crt/.pem/.der file's bytes (PEM or DER), or null. */
export function parseCertificate(bytes: Uint8Array): pkijs.Certificate | null {
  const pem = PEM.exec(Buffer.from(bytes).toString('latin1'));
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : Buffer.from(bytes);
  try {
    return pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch {
    return null;
  }
}

function describe(cert: pkijs.Certificate): TrustedRoot {
  const n = nameOf(cert.subject);
  return { fingerprint: fingerprint(cert), name: n.name, organisation: n.organisation, notAfter: cert.notAfter.value.toISOString() };
}

export class TrustStore {
  constructor(private readonly dir: string) {}

  private files(): string[] {
    try {
      return readdirSync(this.dir).filter((f) => /^[0-9A-F]{64}\.der$/.test(f));
    } catch {
      return [];
    }
  }

  private certs(): pkijs.Certificate[] {
    return this.files().flatMap((f) => {
      const c = parseCertificate(new Uint8Array(readFileSync(join(this.dir, f))));
      return c ? [c] : [];
    });
  }

  list(): TrustedRoot[] {
    return this.certs().map(describe);
  }

  /** The roots as DER (as add() wrote them), for the worker that checks signatures. */
  roots(): Uint8Array[] {
    return this.files().map((f) => new Uint8Array(readFileSync(join(this.dir, f))));
  }

  /** Adds a root: a self-signed CA certificate, nothing else. */
  async add(bytes: Uint8Array): Promise<TrustedRoot> {
    const cert = parseCertificate(bytes);
    if (!cert) throw new AppError('VALIDATION', 'Tệp không phải chứng thư số (cần tệp .cer, .crt hoặc .pem).');
    const ca = cert.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS)?.parsedValue as { cA?: boolean } | undefined;
    const selfIssued = cert.subject.isEqual(cert.issuer);
    if (!ca?.cA || !selfIssued || !(await cert.verify().catch(() => false))) {
      throw new AppError('VALIDATION', 'Chỉ thêm được chứng thư gốc: tự ký và là của một tổ chức chứng thực (CA).');
    }
    const root = describe(cert);
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `${root.fingerprint}.der`);
    writeFileSync(`${file}.tmp`, new Uint8Array(cert.toSchema().toBER()));
    renameSync(`${file}.tmp`, file);
    return root;
  }

  remove(fp: string): void {
    if (!/^[0-9A-F]{64}$/.test(fp)) throw new AppError('VALIDATION', 'Dấu vân tay chứng thư không hợp lệ.');
    rmSync(join(this.dir, `${fp}.der`), { force: true });
  }
}
