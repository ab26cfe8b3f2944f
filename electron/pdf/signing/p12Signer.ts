// A certificate and its key in a .p12/.pfx file (PKCS#12), as CAs also deliver them: opened with
// its password by pkijs (integrity MAC, PBES2 encryption), the key imported into WebCrypto as not
// extractable, kept only for this signing. The file and the password are never stored.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/api/errors.js';
import type { KeySigner } from './cms.js';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const BASIC_CONSTRAINTS = '2.5.29.19';
/** A .p12 is a few kilobytes; anything near this is not one. */
const MAX_P12_BYTES = 1024 * 1024;

const wrongFile = () => new AppError('FILE_UNREADABLE', 'Tệp không phải tệp chứng thư số .p12/.pfx, hoặc đã hỏng.');

export async function openP12(file: Uint8Array, password: string): Promise<KeySigner> {
  if (file.length > MAX_P12_BYTES) throw wrongFile();
  const pass = new TextEncoder().encode(password).buffer;
  let pfx: pkijs.PFX;
  try {
    const asn = asn1js.fromBER(new Uint8Array(file));
    if (asn.offset === -1) throw wrongFile();
    pfx = new pkijs.PFX({ schema: asn.result });
  } catch {
    throw wrongFile();
  }
  try {
    await pfx.parseInternalValues({ password: pass, checkIntegrity: true });
  } catch (err) {
    throw /integrity|mac|password/i.test(String((err as Error)?.message))
      ? new AppError('SIGN_FAILED', 'Mật khẩu của tệp chứng thư không đúng; hãy nhập lại.')
      : wrongFile();
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw wrongFile();
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pass })) });
  } catch (err) {
    throw /unsupported|unknown|not supported|algorithm/i.test(String((err as Error)?.message))
      ? new AppError(
          'SIGN_FAILED',
          'Tệp chứng thư dùng kiểu mã hóa cũ (RC2/3DES) mà VănThư không mở: hãy xuất lại tệp .p12 với mã hóa AES (phần mềm của tổ chức cấp, hoặc "openssl pkcs12 -export" bản 3 trở lên).',
        )
      : new AppError('SIGN_FAILED', 'Mật khẩu của tệp chứng thư không đúng; hãy nhập lại.');
  }
  const contents = (safe.parsedValue as { safeContents?: { value: pkijs.SafeContents }[] } | undefined)?.safeContents ?? [];
  const bags: pkijs.SafeBag[] = contents.flatMap((c) => c.value.safeBags);
  let keyInfo: pkijs.PrivateKeyInfo | null = null;
  const certs: pkijs.Certificate[] = [];
  for (const bag of bags) {
    if (bag.bagId === SHROUDED_KEY_BAG) {
      const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
      try {
        // Public in pkijs's code, protected only in its type declarations.
        await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({
          password: pass,
        });
      } catch {
        throw new AppError('SIGN_FAILED', 'Mật khẩu của tệp chứng thư không đúng; hãy nhập lại.');
      }
      keyInfo ??= shrouded.parsedValue ?? null;
    } else if (bag.bagId === KEY_BAG) keyInfo ??= bag.bagValue as pkijs.PrivateKeyInfo;
    else if (bag.bagId === CERT_BAG) {
      const c = (bag.bagValue as pkijs.CertBag).parsedValue as unknown;
      if (c instanceof pkijs.Certificate) certs.push(c);
    }
  }
  if (!keyInfo) throw new AppError('SIGN_FAILED', 'Tệp chứng thư không có khóa ký (chỉ có chứng thư).');
  const isCa = (c: pkijs.Certificate) =>
    !!(c.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS)?.parsedValue as { cA?: boolean } | undefined)?.cA;
  const mine = certs.find((c) => !isCa(c));
  if (!mine) throw new AppError('SIGN_FAILED', 'Tệp chứng thư không có chứng thư của người ký.');
  let key: Awaited<ReturnType<typeof crypto.subtle.importKey>>;
  try {
    key = await crypto.subtle.importKey(
      'pkcs8',
      new Uint8Array(keyInfo.toSchema().toBER()),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  } catch {
    throw new AppError('SIGN_FAILED', 'Khóa trong tệp chứng thư không phải khóa RSA mà VănThư ký được.');
  }
  return {
    certificate: new Uint8Array(mine.toSchema().toBER()),
    chain: certs.filter(isCa).map((c) => new Uint8Array(c.toSchema().toBER())),
    async sign(data) {
      return new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new Uint8Array(data)));
    },
  };
}
