// An RFC 3161 timestamp on a signature (PAdES B-T): the signature value's SHA-256 sent to the
// office's time-stamp authority, the token that comes back checked — granted, over that very
// hash, answering our nonce — before it is put in the signature as an unsigned attribute.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SHA256 = '2.16.840.1.101.3.4.2.1';
export const SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
const TIMEOUT_MS = 10_000;
const MAX_REPLY = 256 * 1024;

/** A token over `signature`, or why there is none (the signing goes on at B-B and says so). */
export async function timestampFor(url: string, signature: Uint8Array): Promise<{ token: pkijs.ContentInfo } | { problem: string }> {
  const hashed = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(signature)));
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  nonce[0]! &= 0x7f; // a positive INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: hashed }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  let reply: Uint8Array;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(request.toSchema().toBER()),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) return { problem: `máy chủ dấu thời gian trả lời lỗi ${res.status}` };
    reply = new Uint8Array(await res.arrayBuffer());
    if (reply.length > MAX_REPLY) return { problem: 'máy chủ dấu thời gian trả lời quá lớn' };
  } catch {
    return { problem: 'không kết nối được máy chủ dấu thời gian' };
  }
  try {
    const resp = pkijs.TimeStampResp.fromBER(new Uint8Array(reply));
    const granted = [pkijs.PKIStatus.granted, pkijs.PKIStatus.grantedWithMods].includes(resp.status.status);
    if (!granted || !resp.timeStampToken) return { problem: 'máy chủ dấu thời gian từ chối cấp' };
    const sd = new pkijs.SignedData({ schema: resp.timeStampToken.content });
    const info = pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent!.getValue());
    const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView);
    const echoed = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : null;
    if (!imprint.equals(Buffer.from(hashed)) || !echoed?.equals(Buffer.from(nonce).subarray(nonce[0] === 0 ? 1 : 0)))
      return { problem: 'dấu thời gian nhận về không khớp với chữ ký' };
    return { token: resp.timeStampToken };
  } catch {
    return { problem: 'không đọc được dấu thời gian nhận về' };
  }
}
