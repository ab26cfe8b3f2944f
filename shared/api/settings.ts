// Office settings the clerk's Danh mục edits: the symbols of outgoing documents.
import { z } from 'zod';

const pattern = z
  .string()
  .trim()
  .max(60, { error: 'Mẫu ký hiệu dài quá 60 ký tự.' })
  .refine((p) => p.includes('{so}'), { error: 'Mẫu ký hiệu phải có {so} (số văn bản).' })
  .refine((p) => !/\{(?!so\}|loai\}|coquan\}|donvi\}|nam\})/.test(p), { error: 'Mẫu chỉ dùng {so}, {loai}, {coquan}, {donvi}, {nam}.' });

export const symbolSettingsInput = z.object({
  organ: z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, { error: 'Chưa nhập chữ viết tắt của cơ quan.' }).max(30, { error: 'Chữ viết tắt dài quá 30 ký tự.' }).regex(/^[\p{L}\p{N}]+$/u, { error: 'Chữ viết tắt chỉ gồm chữ và số, không dấu cách.' })),
  /** Only the types whose pattern differs from the default are kept. */
  patterns: z.record(z.string().max(20), pattern),
  confidentialMark: z.string().trim().max(10).optional(),
});

export const symbolSettingsOutput = z.object({
  organ: z.string(),
  patterns: z.record(z.string(), z.string()),
  confidentialMark: z.string(),
  /** Every type with the pattern in force and an example of the next symbol's shape. */
  types: z.array(z.object({ code: z.string(), name: z.string(), pattern: z.string(), custom: z.boolean(), example: z.string() })),
});
