// A time-stamp authority on 127.0.0.1 for the B-T tests (a stand-in: the real ones are on the
// network): RFC 3161 over HTTP, its token signed by a certificate under the test CA. It can
// grant, refuse, or answer over the wrong hash.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signedAttributes, type Party } from './testCa.js';

export type TsaMode = 'grant' | 'refuse' | 'wrong-hash';

export interface TestTsa {
  url: string;
  mode: TsaMode;
  requests: number;
  close(): Promise<void>;
}

export async function startTsa(party: Party): Promise<TestTsa> {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(party.cert.rawData));
  let serial = 1;
  const tsa: TestTsa = { url: '', mode: 'grant', requests: 0, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      tsa.requests++;
      void answer(new Uint8Array(Buffer.concat(chunks))).then(
        (body) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(body)),
        () => res.writeHead(400).end(),
      );
    });
  });
  async function answer(body: Uint8Array): Promise<Uint8Array> {
    const request = pkijs.TimeStampReq.fromBER(new Uint8Array(body));
    if (tsa.mode === 'refuse')
      return new Uint8Array(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2 }) }).toSchema().toBER());
    const imprint =
      tsa.mode === 'wrong-hash'
        ? new pkijs.MessageImprint({
            hashAlgorithm: request.messageImprint.hashAlgorithm,
            hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(7) }),
          })
        : request.messageImprint;
    const tst = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.55555.1',
      messageImprint: imprint,
      serialNumber: new asn1js.Integer({ value: serial++ }),
      genTime: new Date(),
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    const content = new Uint8Array(tst.toSchema().toBER());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', content));
    const sd = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '1.2.840.113549.1.9.16.1.4',
        eContent: new asn1js.OctetString({ valueHex: content }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
          signedAttrs: signedAttributes('1.2.840.113549.1.9.16.1.4', digest),
        }),
      ],
      certificates: [cert],
    });
    await sd.sign(party.keys.privateKey, 0, 'SHA-256');
    const token = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
    return new Uint8Array(
      new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: token }).toSchema().toBER(),
    );
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  tsa.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  tsa.close = () => new Promise<void>((r) => server.close(() => r()));
  return tsa;
}
