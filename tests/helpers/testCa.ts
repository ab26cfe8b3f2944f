// A certification authority made in the test (root → intermediate → signer, RSA, SHA-256, with
// Vietnamese names), and PDFs signed by it the way Vietnamese signing tools do (PAdES, CAdES
// detached, through @signpdf with a pkijs-built CMS).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const DAY = 86_400_000;

export interface Party {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
}

async function issue(subject: string, issuer: Party | null, opts: { ca: boolean; from: Date; to: Date; crl?: string }): Promise<Party> {
  const keys = await crypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Buffer.from(crypto.getRandomValues(new Uint8Array(8)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    subject,
    issuer: issuer ? issuer.cert.subject : subject,
    notBefore: opts.from,
    notAfter: opts.to,
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.keys.privateKey : keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(opts.ca, undefined, true),
      new x509.KeyUsagesExtension(
        opts.ca
          ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
          : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      ...(opts.crl ? [new x509.CRLDistributionPointsExtension([opts.crl])] : []),
    ],
  });
  return { cert, keys };
}

export interface TestCa {
  root: Party;
  intermediate: Party;
  signer: Party;
  /** A signer whose certificate ran out before the signing. */
  expired: Party;
  /** A signer whose certificate starts after the signing. */
  notYet: Party;
  /** A root nobody trusts, and a signer under it. */
  strangerRoot: Party;
  stranger: Party;
}

export async function testCa(now = new Date()): Promise<TestCa> {
  const long = { from: new Date(now.getTime() - 365 * DAY), to: new Date(now.getTime() + 3650 * DAY) };
  const root = await issue('CN=VănThư Test Root CA, O=Tổ chức chứng thực thử nghiệm, C=VN', null, { ca: true, ...long });
  const intermediate = await issue('CN=VănThư Test CA cấp 2, O=Tổ chức chứng thực thử nghiệm, C=VN', root, { ca: true, ...long });
  const signer = await issue('CN=Nguyễn Văn An, OU=Văn phòng, O=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN', intermediate, {
    ca: false,
    ...long,
  });
  const expired = await issue('CN=Trần Thị Hết Hạn, O=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN', intermediate, {
    ca: false,
    from: new Date(now.getTime() - 400 * DAY),
    to: new Date(now.getTime() - 30 * DAY),
  });
  const notYet = await issue('CN=Lê Văn Chưa Đến, O=Sở Giáo dục và Đào tạo Hà Tĩnh, C=VN', intermediate, {
    ca: false,
    from: new Date(now.getTime() + 30 * DAY),
    to: new Date(now.getTime() + 400 * DAY),
  });
  const strangerRoot = await issue('CN=Unknown Root, C=XX', null, { ca: true, ...long });
  const stranger = await issue('CN=Người lạ', strangerRoot, { ca: false, ...long });
  return { root, intermediate, signer, expired, notYet, strangerRoot, stranger };
}

/** Another certificate under the test CA's intermediate (the office's own, a second leader's). */
export function signerUnder(ca: TestCa, subject: string, opts: { crl?: string } = {}): Promise<Party> {
  const now = Date.now();
  return issue(subject, ca.intermediate, { ca: false, from: new Date(now - 30 * DAY), to: new Date(now + 365 * DAY), ...opts });
}

export const asPkijs = (c: x509.X509Certificate) => pkijs.Certificate.fromBER(c.rawData);

/** A CMS signer's signed attributes: content type, signing time (when given), message digest. */
export function signedAttributes(contentType: string, digest: Uint8Array, at?: Date): pkijs.SignedAndUnsignedAttributes {
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
      ...(at ? [new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: at })] })] : []),
      new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
    ],
  });
}

/** The CMS a signing tool makes: detached, signed attributes (content type, digest, signing time). */
class TestSigner extends Signer {
  constructor(
    private readonly party: Party,
    private readonly chain: x509.X509Certificate[],
    private readonly at: Date,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const cert = asPkijs(this.party.cert);
    const data = new Uint8Array(pdfBuffer);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    const sd = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
          signedAttrs: signedAttributes('1.2.840.113549.1.7.1', digest, this.at),
        }),
      ],
      certificates: [cert, ...this.chain.map(asPkijs)],
    });
    await sd.sign(this.party.keys.privateKey, 0, 'SHA-256', data);
    const content = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
    return Buffer.from(content.toSchema().toBER());
  }
}

/** The PDF signed by `party` (its chain up to, not including, the root attached), at `at`. */
export async function signPdf(pdf: Uint8Array, party: Party, chain: x509.X509Certificate[], at = new Date()): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  // ASCII only: the placeholder writes its strings as raw bytes, and "Hà Tĩnh"'s ĩ becomes an
  // unescaped ")" that breaks the dictionary (what a signer's name is, the certificate says).
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Phat hanh van ban',
    contactInfo: '',
    name: 'VanThu test signer',
    location: 'Ha Tinh',
    signingTime: at,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new Uint8Array(await new SignPdf().sign(withPlaceholder, new TestSigner(party, chain, at)));
}
