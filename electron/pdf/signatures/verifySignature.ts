// One PDF signature checked with pkijs and asn1js (no hand-written ASN.1): who signed and which CA
// issued the certificate (names decoded as Vietnamese), when (the signed signing time, the
// timestamp token's), whether the signed bytes are the ones the signer hashed and his key signed,
// and whether his certificate chains to a root the office trusts and was valid then; and, when a
// fetcher is given (the network allowed), whether the CA revoked it (revocation.ts).
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureField } from './pdfSignatures.js';
import { UNCHECKED, checkRevocation, type Fetcher, type RevocationStatus } from './revocation.js';

export interface SignerName {
  name: string | null;
  organisation: string | null;
  unit: string | null;
}

export interface SignatureCheck {
  field: string | null;
  subFilter: string | null;
  signer: SignerName | null;
  issuer: string | null;
  /** From the signed attributes, else the dictionary's /M. */
  signedAt: string | null;
  /** The RFC 3161 timestamp token's time, when one is attached. */
  timestampAt: string | null;
  digest: string | null;
  /** The bytes signed are those the signer hashed, and his key signed that hash. */
  intact: boolean;
  /** Why it is not intact, or could not be read. */
  problem: string | null;
  /** Bytes follow the signed range: the file was changed after this signature. */
  coversWholeFile: boolean;
  /** The certificate chains to one of the office's trusted roots. */
  trusted: boolean;
  trustProblem: string | null;
  /** The signer's certificate was within its validity period when it signed. */
  validAtSigning: boolean | null;
  revocation: RevocationStatus;
  revocationNote: string | null;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
  unit: '2.5.4.11',
};
const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** A name's text; UTF-8 bytes some CAs put in a Latin-1 string type are read as the Vietnamese they are. */
export function decodedName(value: string): string {
  const latin1Only = [...value].every((ch) => ch.charCodeAt(0) <= 0xff);
  if (!latin1Only || !/[\u0080-\u00ff]/.test(value)) return value.normalize('NFC');
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  return (utf8.includes('\uFFFD') ? value : utf8).normalize('NFC');
}

function attribute(names: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const tv = names.typesAndValues.find((t) => t.type === oid);
  const v = (tv?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof v === 'string' ? decodedName(v) : null;
}

export function nameOf(names: pkijs.RelativeDistinguishedNames): SignerName {
  return { name: attribute(names, OID.commonName), organisation: attribute(names, OID.organisation), unit: attribute(names, OID.unit) };
}

export function fingerprint(cert: pkijs.Certificate): string {
  return createHash('sha256').update(Buffer.from(cert.toSchema().toBER())).digest('hex').toUpperCase();
}

function sameIssuerAndSerial(cert: pkijs.Certificate, sid: pkijs.IssuerAndSerialNumber): boolean {
  return cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber);
}

function signerCertificate(sd: pkijs.SignedData, info: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (info.sid instanceof pkijs.IssuerAndSerialNumber)
    return certs.find((c) => sameIssuerAndSerial(c, info.sid as pkijs.IssuerAndSerialNumber)) ?? null;
  return certs[0] ?? null;
}

/** Longer than any real chain (root, one or two CAs, the signer). */
const MAX_PATH = 8;

/**
 * The certificates from the signer up by issuer name, as far as the CMS carries them: only these
 * go to pkijs's chain engine, which does not stop on a loop (two CAs naming each other) or on a
 * CMS stuffed with certificates. A loop is told.
 */
function pathTo(leaf: pkijs.Certificate, certs: pkijs.Certificate[], roots: pkijs.Certificate[]): pkijs.Certificate[] | 'loop' {
  const path = [leaf];
  let current = leaf;
  while (path.length <= MAX_PATH) {
    if (roots.some((r) => r.subject.isEqual(current.issuer)) || current.subject.isEqual(current.issuer)) return path;
    const next = certs.find((c) => c.subject.isEqual(current.issuer));
    if (!next) return path;
    if (path.includes(next)) return 'loop';
    path.push(next);
    current = next;
  }
  return 'loop';
}

/** The timestamp token's time — only when the token is over this very signature (its imprint is the signature's hash). */
async function timestampOf(info: pkijs.SignerInfo): Promise<string | null> {
  const token = info.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken)?.values[0] as asn1js.Sequence | undefined;
  if (!token) return null;
  try {
    const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: token }).content });
    const e = sd.encapContentInfo.eContent;
    if (!e) return null;
    const tst = pkijs.TSTInfo.fromBER(e.getValue());
    const algorithm = DIGESTS[tst.messageImprint.hashAlgorithm.algorithmId];
    if (!algorithm) return null;
    const hashed = await crypto.subtle.digest(algorithm, new Uint8Array(info.signature.valueBlock.valueHexView));
    if (!Buffer.from(hashed).equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) return null;
    return tst.genTime.toISOString();
  } catch {
    return null;
  }
}

const broken = (sig: SignatureField, problem: string): SignatureCheck => ({
  field: sig.field,
  subFilter: sig.subFilter,
  signer: null,
  issuer: null,
  signedAt: sig.claimedTime,
  timestampAt: null,
  digest: null,
  intact: false,
  problem,
  coversWholeFile: false,
  trusted: false,
  trustProblem: null,
  validAtSigning: null,
  revocation: 'unchecked',
  revocationNote: null,
});

export async function verifySignature(
  bytes: Uint8Array,
  sig: SignatureField,
  roots: pkijs.Certificate[],
  fetcher: Fetcher | null = null,
): Promise<SignatureCheck> {
  const [a, b, c, d] = sig.byteRange;
  let sd: pkijs.SignedData;
  try {
    const asn = asn1js.fromBER(sig.contents);
    if (asn.offset === -1) return broken(sig, 'Chữ ký hỏng: không đọc được cấu trúc CMS.');
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) return broken(sig, 'Chữ ký không phải dạng CMS SignedData.');
    sd = new pkijs.SignedData({ schema: info.content });
  } catch {
    return broken(sig, 'Chữ ký hỏng: không đọc được cấu trúc CMS.');
  }
  const info = sd.signerInfos[0];
  if (!info) return broken(sig, 'Chữ ký không có người ký.');
  const cert = signerCertificate(sd, info);
  const digest = DIGESTS[info.digestAlgorithm.algorithmId] ?? null;
  const signingTimeAttr = info.signedAttrs?.attributes.find((x) => x.type === OID.signingTime)?.values[0] as
    { toDate?: () => Date } | undefined;
  const signedAt = signingTimeAttr?.toDate?.().toISOString() ?? sig.claimedTime;
  const timestampAt = await timestampOf(info);
  const issuerName = cert ? nameOf(cert.issuer) : null;
  const who = { signer: cert ? nameOf(cert.subject) : null, issuer: issuerName ? (issuerName.name ?? issuerName.organisation) : null };
  // Who claims to have signed is still told; nothing of it is believed.
  if (sig.rangeProblem) return { ...broken(sig, sig.rangeProblem), ...who, signedAt, digest };
  const data = new Uint8Array(b + d);
  data.set(bytes.subarray(a, a + b), 0);
  data.set(bytes.subarray(c, c + d), b);

  let intact = false;
  let problem: string | null = null;
  if (!cert) problem = 'Chữ ký không kèm chứng thư số của người ký.';
  else if (!digest) problem = 'Thuật toán băm của chữ ký chưa được hỗ trợ.';
  else {
    const wanted = info.signedAttrs?.attributes.find((x) => x.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
    const actual = new Uint8Array(await crypto.subtle.digest(digest, data));
    if (wanted && Buffer.compare(Buffer.from(wanted.valueBlock.valueHexView), Buffer.from(actual)) !== 0) {
      problem = 'Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).';
    } else {
      try {
        const r = await sd.verify({ signer: 0, data: data.buffer, extendedMode: true, checkChain: false });
        intact = r.signatureVerified === true;
        if (!intact) problem = 'Chữ ký không khớp với chứng thư số của người ký.';
      } catch (err) {
        const e = err as { code?: number; message?: string };
        problem =
          e.code === 15 ? 'Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).' : 'Chữ ký không khớp với chứng thư số của người ký.';
      }
    }
  }

  let trusted = false;
  let trustProblem: string | null = null;
  let validAtSigning: boolean | null = null;
  let revocation = UNCHECKED;
  if (cert) {
    const at = signedAt ? new Date(timestampAt ?? signedAt) : new Date();
    if (intact && fetcher) {
      const known = [...(sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate), ...roots];
      revocation = await checkRevocation(cert, known.find((x) => x.subject.isEqual(cert.issuer)) ?? null, at, fetcher);
    }
    validAtSigning = cert.notBefore.value <= at && at <= cert.notAfter.value;
    if (roots.length === 0) trustProblem = 'Chưa có chứng thư gốc nào được tin cậy trên máy này (Quản trị → Chứng thư số gốc).';
    else {
      const path = pathTo(
        cert,
        (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate),
        roots,
      );
      if (path === 'loop') trustProblem = 'Chuỗi chứng thư số lặp vòng (hai tổ chức cấp cho nhau): không tin cậy được.';
      else {
        const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: path, checkDate: at });
        const chain = await engine.verify().catch((e: unknown) => ({ result: false, resultMessage: String(e) }));
        trusted = chain.result && validAtSigning;
        if (!chain.result) trustProblem = 'Chứng thư số không do một tổ chức gốc mà cơ quan tin cậy cấp (hoặc đã hết hạn khi ký).';
        else if (!validAtSigning) trustProblem = 'Chứng thư số của người ký đã hết hạn hoặc chưa có hiệu lực vào lúc ký.';
      }
    }
  }
  return {
    field: sig.field,
    subFilter: sig.subFilter,
    ...who,
    signedAt,
    timestampAt,
    digest,
    intact,
    problem,
    coversWholeFile: c + d === bytes.length || /^\s*$/.test(Buffer.from(bytes.subarray(c + d)).toString('latin1')),
    trusted,
    trustProblem,
    validAtSigning,
    revocation: revocation.status,
    revocationNote: revocation.note,
  };
}
