// The CMS of a PAdES baseline signature (ETSI EN 319 142-1, B-B): detached, SHA-256, signed
// attributes content-type, message-digest and signing-certificate-v2 (which certificate signed;
// no signing-time attribute — PAdES puts the time in the signature dictionary's /M); with a
// time-stamp authority, its token over the signature (B-T). The private key never comes here: a
// KeySigner signs the attributes' bytes (a USB token, a .p12 key).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SIGNATURE_TIMESTAMP, timestampFor } from './timestamp.js';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const RSA = '1.2.840.113549.1.1.1';
const SHA256_RSA = '1.2.840.113549.1.1.11';
const ID_DATA = '1.2.840.113549.1.7.1';
const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

/** Who signs: a certificate with its chain, and a private key held somewhere else. */
export interface KeySigner {
  /** The signer's certificate (DER). */
  certificate: Uint8Array;
  /** The CA certificates above it, as far as they are known (DER), for the reader to build the path. */
  chain: Uint8Array[];
  /** RSA PKCS#1 v1.5 over SHA-256 of `data`. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const sha256 = async (b: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(b)));

/** The DigestInfo a token's raw RSA mechanism (CKM_RSA_PKCS) signs for SHA-256. */
export async function digestInfo(data: Uint8Array): Promise<Uint8Array> {
  const info = new asn1js.Sequence({
    value: [
      new pkijs.AlgorithmIdentifier({ algorithmId: SHA256, algorithmParams: new asn1js.Null() }).toSchema(),
      new asn1js.OctetString({ valueHex: await sha256(data) }),
    ],
  });
  return new Uint8Array(info.toBER());
}

/** What became of the timestamp asked for (B-T): none asked, put in, or why not. */
export type TimestampOutcome = { asked: false } | { asked: true; problem: string | null };

export async function buildCms(
  signedBytes: Uint8Array,
  signer: KeySigner,
  tsaUrl: string | null = null,
  outcome: { value: TimestampOutcome } = { value: { asked: false } },
): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(signer.certificate));
  const chain = signer.chain.map((c) => pkijs.Certificate.fromBER(new Uint8Array(c)));
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: await sha256(signer.certificate) })] })],
      }),
    ],
  });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: ID_DATA })] }),
      new pkijs.Attribute({ type: MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: await sha256(signedBytes) })] }),
      new pkijs.Attribute({ type: SIGNING_CERTIFICATE_V2, values: [essCertIdV2] }),
    ],
  });
  // What is signed is the attributes' DER with the SET tag (RFC 5652 §5.4), not the [0] of the SignerInfo.
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER());
  toSign[0] = 0x31;
  const signature = await signer.sign(toSign);
  let unsignedAttrs: pkijs.SignedAndUnsignedAttributes | undefined;
  if (tsaUrl) {
    const stamped = await timestampFor(tsaUrl, signature);
    outcome.value = { asked: true, problem: 'problem' in stamped ? stamped.problem : null };
    if ('token' in stamped)
      unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
        type: 1,
        attributes: [new pkijs.Attribute({ type: SIGNATURE_TIMESTAMP, values: [stamped.token.toSchema()] })],
      });
  }
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: cert.subjectPublicKeyInfo.algorithm.algorithmId === RSA ? SHA256_RSA : RSA,
    }),
    signature: new asn1js.OctetString({ valueHex: signature }),
    ...(unsignedAttrs ? { unsignedAttrs } : {}),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: ID_DATA }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: ID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}
