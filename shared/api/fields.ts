// Building blocks of the contract's schemas: every message says, in Vietnamese, which field
// is wrong and how to put it right.
import { z } from 'zod';
import { cleanLine, cleanText } from '../text/cleanText.js';
import { isRealDate } from '../text/dates.js';

// zod's own messages (for anything a field below does not word itself) in Vietnamese.
z.config(z.locales.vi());

function stringError(label: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? `Chưa nhập ${label}.` : `${capital(label)} phải là văn bản.`;
}

function capital(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A required one-line text, cleaned (NFC, single spaces), 1..max characters. */
export function line(label: string, max: number) {
  return z
    .string({ error: stringError(label) })
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .min(1, { error: `Chưa nhập ${label}.` })
        .max(max, { error: `${capital(label)} dài quá ${max} ký tự.` }),
    );
}

/** A required multi-line text, cleaned (NFC), 1..max characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: stringError(label) })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, { error: `Chưa nhập ${label}.` })
        .max(max, { error: `${capital(label)} dài quá ${max} ký tự.` }),
    );
}

/** An optional text: empty or missing becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: stringError(label) })
    .transform(cleanText)
    .pipe(z.string().max(max, { error: `${capital(label)} dài quá ${max} ký tự.` }))
    .transform((s) => (s === '' ? null : s))
    .nullish()
    .transform((v) => v ?? null);
}

/** A calendar date 'YYYY-MM-DD' that exists (no 31/02). */
export function isoDate(label: string) {
  return z
    .string({ error: stringError(label) })
    .refine(isRealDate, { error: `${capital(label)} không phải ngày có thật (nhập theo dạng ngày/tháng/năm).` });
}

/** An instant in ISO-8601 with a zone; returned as UTC ('…Z'). */
export function instant(label: string) {
  return z
    .string({ error: stringError(label) })
    .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
      error: `${capital(label)} không hợp lệ.`,
    })
    .transform((s) => new Date(s).toISOString());
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T, labels: Record<T[number], string>) {
  const list = values.map((v) => labels[v as T[number]]).join(', ');
  return z.enum(values, { error: `${capital(label)} phải là một trong: ${list}.` });
}

export const id = z.string({ error: 'Thiếu mã bản ghi.' }).min(1, { error: 'Thiếu mã bản ghi.' }).max(64);

export const empty = z
  .object({})
  .strict()
  .optional()
  .transform(() => ({}));
