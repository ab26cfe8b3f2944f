// Signing issued documents (#17 part 3): the key (a USB token through PKCS#11, the PIN asked each
// time and never kept), the images the signatures show, and who signs in which capacity.
import { z } from 'zod';

const png = z.string().min(1).max(2_000_000); // base64 of at most ~1.5 MB

export const SIGN_AS = ['leader', 'office'] as const;
export const SIGN_AS_LABELS: Record<(typeof SIGN_AS)[number] | 'arrival', string> = {
  leader: 'ký số của người có thẩm quyền',
  office: 'ký số của cơ quan',
  arrival: 'ký số dấu đến của cơ quan',
};

export const signingSettingsOutput = z.object({
  /** This PC's PKCS#11 module (the token vendor's library); null when not set. */
  pkcs11Module: z.string().nullable(),
  /** The office's seal image is set, and its diameter. */
  seal: z.object({ diameterMm: z.number() }).nullable(),
  /** The caller's own signature image is set. */
  mySignature: z.boolean(),
  /** The office's time-stamp authority (PAdES B-T); null: signatures are B-B. */
  tsaUrl: z.string().nullable(),
});

export const signingTsaInput = z.object({
  tsaUrl: z
    .string()
    .trim()
    .max(500)
    .refine((u) => u === '' || /^https?:\/\/[^\s]+$/i.test(u), 'Địa chỉ máy chủ dấu thời gian phải bắt đầu bằng http:// hoặc https://.'),
});

export const signingModuleInput = z.object({
  pkcs11Module: z
    .string()
    .trim()
    .max(500)
    .refine(
      (p) => p === '' || /^(\/|[A-Za-z]:[\\/])/.test(p),
      'Đường dẫn thư viện ký số phải là đường dẫn đầy đủ (ví dụ C:\\Windows\\System32\\…dll).',
    ),
});

export const signingImageInput = z.discriminatedUnion('kind', [
  /** The leader's handwritten signature: his own, or set for him by the admin. */
  z.object({ kind: z.literal('signature'), userId: z.string().min(1).max(64).optional(), png }),
  z.object({
    kind: z.literal('seal'),
    png,
    diameterMm: z.number({ error: 'Nhập đường kính con dấu (mm).' }).min(20, 'Con dấu nhỏ nhất 20 mm.').max(60, 'Con dấu lớn nhất 60 mm.'),
  }),
]);

export const signingImageQuery = z.object({ kind: z.enum(['signature', 'seal']), userId: z.string().min(1).max(64).optional() });
export const signingImageOutput = z.object({ png: z.string().nullable() });

export const signFileInput = z.object({
  documentId: z.string().min(1).max(64),
  attachmentId: z.string().min(1).max(64),
  as: z.enum(SIGN_AS),
  /** The token's PIN, or the .p12 file's password: used for this signature and forgotten. */
  pin: z.string().min(1, 'Nhập mã PIN của thiết bị ký số (hoặc mật khẩu tệp chứng thư).').max(128),
  /** A .p12/.pfx file (base64) to sign with instead of a token. */
  p12: z.string().min(1).max(1_500_000).optional(),
});

/** The receiving office signs its dấu ĐẾN copy (the stamped file of an incoming document). */
export const signStampInput = signFileInput.omit({ as: true });
