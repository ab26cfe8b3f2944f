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
    .pipe(
      z
        .string()
        .min(1, { error: 'Chưa nhập chữ viết tắt của cơ quan.' })
        .max(30, { error: 'Chữ viết tắt dài quá 30 ký tự.' })
        .regex(/^[\p{L}\p{N}]+$/u, { error: 'Chữ viết tắt chỉ gồm chữ và số, không dấu cách.' }),
    ),
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

/** The office's working settings (Quản trị): attachment size limit, where dấu ĐẾN goes, days off. */
export const officeSettingsOutput = z.object({
  attachmentsMaxMb: z.number().int(),
  stampCorner: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']),
  /** decree: under the số/ký hiệu, the trích yếu or the date line; corner: the blank nearest the corner. */
  stampRule: z.enum(['decree', 'corner']),
  holidays: z.array(z.string()),
  /** Copies marked "Bản in/tải từ VănThư — họ tên — thời gian" (PDFs): printed ones, downloaded ones. */
  copyMarks: z.object({ print: z.boolean(), download: z.boolean() }),
});

export const officeSettingsInput = z.object({
  attachmentsMaxMb: z
    .number({ error: 'Giới hạn dung lượng phải là một số.' })
    .int()
    .min(1, { error: 'Giới hạn ít nhất 1 MB.' })
    .max(2048, { error: 'Giới hạn tối đa 2048 MB.' }),
  stampCorner: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right'], { error: 'Vị trí dấu ĐẾN không hợp lệ.' }),
  /** Left out: the rule in force stays. */
  stampRule: z.enum(['decree', 'corner'], { error: 'Cách đặt dấu ĐẾN không hợp lệ.' }).optional(),
  holidays: z
    .array(
      z
        .string()
        .refine(
          (d) =>
            /^\d{4}-\d{2}-\d{2}$/.test(d) &&
            !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
            new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
          { error: 'Có ngày nghỉ không phải ngày có thật.' },
        ),
    )
    .max(400),
  /** Left out: as it is. */
  copyMarks: z.object({ print: z.boolean(), download: z.boolean() }).optional(),
});
