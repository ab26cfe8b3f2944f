// Whether a signer's certificate was revoked, asked of its CA when the network allows: the CRL at
// the certificate's distribution point (http/https), fetched with a time and size limit, its
// signature checked against the issuing CA's certificate, the serial looked up. A revocation
// before the signing (or its timestamp) makes the signature invalid; one after it is told. No
// network, no CRL, a CRL that does not verify: "unchecked", with why — never a guess.
import * as pkijs from 'pkijs';

export type RevocationStatus = 'unchecked' | 'good' | 'revoked';

export interface Revocation {
  status: RevocationStatus;
  /** What was found, in Vietnamese; null when there was nothing to ask. */
  note: string | null;
}

/** Bytes at a URL, or null (offline, refused, too slow, too big). */
export type Fetcher = (url: string) => Promise<Uint8Array | null>;

const CRL_DISTRIBUTION_POINTS = '2.5.29.31';
const URI = 6;
const FETCH_MS = 5_000;
const MAX_CRL_BYTES = 10 * 1024 * 1024;

const day = (d: Date) => {
  const local = new Date(d.getTime() + 7 * 3_600_000);
  return `${String(local.getUTCDate()).padStart(2, '0')}/${String(local.getUTCMonth() + 1).padStart(2, '0')}/${local.getUTCFullYear()}`;
};

export const UNCHECKED: Revocation = { status: 'unchecked', note: null };

/** The certificate's CRL addresses (http, https only: no ldap, no file). */
export function crlUrls(cert: pkijs.Certificate): string[] {
  const ext = cert.extensions?.find((e) => e.extnID === CRL_DISTRIBUTION_POINTS)?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  const urls: string[] = [];
  for (const point of ext?.distributionPoints ?? []) {
    const names = Array.isArray(point.distributionPoint) ? point.distributionPoint : [];
    for (const n of names) if (n.type === URI && typeof n.value === 'string' && /^https?:\/\//i.test(n.value)) urls.push(n.value);
  }
  return urls.slice(0, 3);
}

/** Node's fetch with a time limit and a size cap: a slow or huge answer is no answer. */
export const fetchLimited: Fetcher = async (url) => {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_MS), redirect: 'follow' });
    if (!res.ok || !res.body) return null;
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_CRL_BYTES) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_CRL_BYTES) return null;
      chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
  } catch {
    return null;
  }
};

export async function checkRevocation(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate | null,
  at: Date,
  fetcher: Fetcher,
): Promise<Revocation> {
  const urls = crlUrls(cert);
  if (urls.length === 0)
    return {
      status: 'unchecked',
      note: 'Chưa kiểm tra được tình trạng thu hồi: chứng thư số không ghi nơi tra cứu danh sách thu hồi (CRL).',
    };
  if (!issuer)
    return {
      status: 'unchecked',
      note: 'Chưa kiểm tra được tình trạng thu hồi: thiếu chứng thư của tổ chức cấp để xác thực danh sách thu hồi.',
    };
  for (const url of urls) {
    const bytes = await fetcher(url);
    if (!bytes) continue;
    let crl: pkijs.CertificateRevocationList;
    try {
      crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(bytes));
      if (!crl.issuer.isEqual(cert.issuer) || !(await crl.verify({ issuerCertificate: issuer }))) continue;
    } catch {
      continue;
    }
    const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
    const published = day(crl.thisUpdate.value);
    if (!entry) {
      return { status: 'good', note: `Đã tra danh sách thu hồi (CRL ngày ${published}) của tổ chức cấp: chứng thư số chưa bị thu hồi.` };
    }
    const when = entry.revocationDate.value;
    if (when <= at) return { status: 'revoked', note: `Chứng thư số đã bị tổ chức cấp thu hồi từ ngày ${day(when)}, trước lúc ký.` };
    return { status: 'good', note: `Chứng thư số bị thu hồi ngày ${day(when)}, sau lúc ký; chữ ký đã có trước đó.` };
  }
  return {
    status: 'unchecked',
    note: 'Chưa kiểm tra được tình trạng thu hồi: không tải được danh sách thu hồi (CRL) hợp lệ của tổ chức cấp (máy không có mạng, hoặc máy chủ của tổ chức cấp không trả lời).',
  };
}
