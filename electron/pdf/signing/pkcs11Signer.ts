// A USB token (PKCS#11), as Vietnamese CAs ship them: the vendor's module (a .dll/.so whose path is
// a setting), the PIN asked each time and never kept, the key never leaving the token. The
// signer's certificate is the one with a private key beside it (same CKA_ID); the token's CA
// certificates make the chain. Every failure says, in Vietnamese, what to do — and how many PIN
// tries are left before the token locks.
import { createRequire } from 'node:module';
import type * as Pkcs11Module from 'pkcs11js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/api/errors.js';
import { digestInfo, type KeySigner } from './cms.js';

type Pkcs11Js = typeof Pkcs11Module;

const BASIC_CONSTRAINTS = '2.5.29.19';

export interface TokenOptions {
  /** The vendor's PKCS#11 library. */
  module: string;
  pin: string;
  /** The token's label, when several are plugged in. */
  label?: string | undefined;
}

export interface TokenSigner extends KeySigner {
  /** Logs out and lets the token go: call it whatever happened. */
  close(): void;
}

/** pkcs11js is an optional, native dependency: a PC without it can still sign with a .p12 file. */
function binding(): Pkcs11Js {
  try {
    return createRequire(import.meta.url)('pkcs11js') as Pkcs11Js;
  } catch {
    throw new AppError(
      'SIGN_FAILED',
      'Bản VănThư trên máy này không có mô-đun đọc thiết bị ký số (PKCS#11). Hãy cài lại VănThư bằng bộ cài chính thức, hoặc ký bằng tệp chứng thư .p12/.pfx.',
    );
  }
}

export function openToken(options: TokenOptions): TokenSigner {
  const p = binding();
  const lib = new p.PKCS11();
  try {
    lib.load(options.module);
  } catch {
    throw new AppError(
      'SIGN_FAILED',
      `Không nạp được thư viện của thiết bị ký số “${options.module}”. Hãy kiểm tra đường dẫn trong Quản trị → Ký số (thư viện đi kèm phần mềm của tổ chức cấp chứng thư).`,
    );
  }
  let session: Buffer | null = null;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const step of [() => session && lib.C_Logout(session), () => session && lib.C_CloseSession(session), () => lib.C_Finalize()]) {
      try {
        step();
      } catch {
        // the token may be gone already
      }
    }
  };
  try {
    lib.C_Initialize();
    const slot = pickSlot(p, lib, options.label);
    session = lib.C_OpenSession(slot, p.CKF_SERIAL_SESSION);
    login(p, lib, slot, session, options.pin);
    const { certificate, chain, key } = findKey(p, lib, session);
    const s = session;
    return {
      certificate,
      chain,
      close,
      async sign(data: Uint8Array): Promise<Uint8Array> {
        const info = Buffer.from(await digestInfo(data));
        try {
          lib.C_SignInit(s, { mechanism: p.CKM_RSA_PKCS }, key);
          return new Uint8Array(lib.C_Sign(s, info, Buffer.alloc(1024)));
        } catch (err) {
          throw tokenError(p, err);
        }
      },
    };
  } catch (err) {
    close();
    throw err instanceof AppError ? err : tokenError(p, err);
  }
}

function pickSlot(p: Pkcs11Js, lib: InstanceType<Pkcs11Js['PKCS11']>, label: string | undefined): Buffer {
  const slots = lib.C_GetSlotList(true);
  if (slots.length === 0) throw new AppError('SIGN_FAILED', 'Chưa thấy thiết bị ký số (USB token): hãy cắm thiết bị vào máy rồi ký lại.');
  const withLabel = slots.map((slot) => ({ slot, info: lib.C_GetTokenInfo(slot) }));
  const chosen = label ? withLabel.find((t) => t.info.label.trim() === label.trim()) : withLabel[0];
  if (!chosen) throw new AppError('SIGN_FAILED', `Không thấy thiết bị ký số có tên “${label}”; hãy cắm đúng thiết bị.`);
  if (chosen.info.flags & p.CKF_USER_PIN_LOCKED) throw lockedError();
  return chosen.slot;
}

function lockedError(): AppError {
  return new AppError(
    'SIGN_FAILED',
    'Thiết bị ký số đã bị khóa vì nhập sai mã PIN quá số lần cho phép. Hãy liên hệ tổ chức cấp chứng thư để mở khóa; VănThư không thử thêm.',
  );
}

function login(p: Pkcs11Js, lib: InstanceType<Pkcs11Js['PKCS11']>, slot: Buffer, session: Buffer, pin: string): void {
  try {
    lib.C_Login(session, p.CKU_USER, pin);
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (code === p.CKR_PIN_INCORRECT || code === p.CKR_PIN_LEN_RANGE) {
      const flags = safeFlags(lib, slot);
      if (flags & p.CKF_USER_PIN_LOCKED) throw lockedError();
      // Said before the last try, not after it: one more wrong PIN locks the token.
      if (flags & p.CKF_USER_PIN_FINAL_TRY)
        throw new AppError('SIGN_FAILED', 'Mã PIN không đúng. Chỉ còn MỘT lần thử: nhập sai lần nữa, thiết bị ký số sẽ bị khóa.', {
          details: { pinTriesLeft: 1 },
        });
      if (flags & p.CKF_USER_PIN_COUNT_LOW)
        throw new AppError('SIGN_FAILED', 'Mã PIN không đúng. Thiết bị sắp bị khóa nếu tiếp tục nhập sai; hãy kiểm tra lại mã PIN.', {
          details: { pinTriesLeft: 2 },
        });
      throw new AppError('SIGN_FAILED', 'Mã PIN không đúng; hãy nhập lại. Thiết bị ký số sẽ bị khóa nếu nhập sai nhiều lần.');
    }
    if (code === p.CKR_PIN_LOCKED) throw lockedError();
    throw tokenError(p, err);
  }
}

function safeFlags(lib: InstanceType<Pkcs11Js['PKCS11']>, slot: Buffer): number {
  try {
    return lib.C_GetTokenInfo(slot).flags;
  } catch {
    return 0;
  }
}

function findKey(p: Pkcs11Js, lib: InstanceType<Pkcs11Js['PKCS11']>, session: Buffer) {
  const objects = (cls: number) => {
    lib.C_FindObjectsInit(session, [{ type: p.CKA_CLASS, value: cls }]);
    try {
      return lib.C_FindObjects(session, 100);
    } finally {
      lib.C_FindObjectsFinal(session);
    }
  };
  const attr = (h: Buffer, type: number) => lib.C_GetAttributeValue(session, h, [{ type }])[0]?.value;
  const keys = objects(p.CKO_PRIVATE_KEY).map((h) => ({ h, id: attr(h, p.CKA_ID)?.toString('hex') ?? '' }));
  const certs = objects(p.CKO_CERTIFICATE).flatMap((h) => {
    const der = attr(h, p.CKA_VALUE);
    if (!der) return [];
    try {
      const parsed = pkijs.Certificate.fromBER(new Uint8Array(der));
      const ca = parsed.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS)?.parsedValue as { cA?: boolean } | undefined;
      return [{ der: new Uint8Array(der), id: attr(h, p.CKA_ID)?.toString('hex') ?? '', ca: !!ca?.cA }];
    } catch {
      return [];
    }
  });
  const mine = certs.find((c) => !c.ca && keys.some((k) => k.id === c.id));
  const key = mine && keys.find((k) => k.id === mine.id);
  if (!mine || !key)
    throw new AppError('SIGN_FAILED', 'Thiết bị ký số không có chứng thư kèm khóa ký; hãy kiểm tra lại thiết bị với tổ chức cấp.');
  return { certificate: mine.der, chain: certs.filter((c) => c.ca).map((c) => c.der), key: key.h };
}

function tokenError(p: Pkcs11Js, err: unknown): AppError {
  const code = (err as { code?: number }).code;
  if (
    code === p.CKR_DEVICE_REMOVED ||
    code === p.CKR_TOKEN_NOT_PRESENT ||
    code === p.CKR_SESSION_HANDLE_INVALID ||
    code === p.CKR_DEVICE_ERROR
  ) {
    return new AppError(
      'SIGN_FAILED',
      'Thiết bị ký số bị rút ra hoặc mất kết nối trong khi ký. Văn bản chưa được ký; hãy cắm lại thiết bị và ký lại.',
    );
  }
  return new AppError('SIGN_FAILED', `Thiết bị ký số báo lỗi (${(err as Error)?.message ?? 'không rõ'}). Văn bản chưa được ký.`);
}
