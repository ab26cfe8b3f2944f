// A date typed as dd/mm/yyyy: digits only, the slashes come by themselves. The value held by
// the form is the typed text; `toIsoDate` turns it into 'YYYY-MM-DD' (or null) on save.
import { Input, type InputProps } from 'antd';
import { forwardRef, type ChangeEvent } from 'react';
import { parseTypedDate } from '../../shared/text/dates.js';
import type { InputRef } from 'antd';

/** Digits typed straight through get their slashes; "5/3/2026" typed with slashes is kept. */
export function autoSlash(text: string): string {
  const cleaned = text.replace(/[.-]/g, '/').replace(/[^\d/]/g, '');
  if (!/^\d*$|^\d{2}\/\d*$|^\d{2}\/\d{2}\/\d*$/.test(cleaned)) return cleaned.slice(0, 10);
  const d = cleaned.replace(/\//g, '').slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

export function toIsoDate(text: string | undefined | null): string | null {
  return text ? parseTypedDate(text) : null;
}

type Props = Omit<InputProps, 'onChange' | 'value'> & { value?: string; onChange?: (v: string) => void };

export const DateInput = forwardRef<InputRef, Props>(function DateInput({ value, onChange, ...rest }, ref) {
  return (
    <Input
      ref={ref}
      {...rest}
      value={value}
      placeholder={rest.placeholder ?? 'ngày/tháng/năm'}
      inputMode="numeric"
      maxLength={10}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange?.(autoSlash(e.target.value))}
    />
  );
});

/** A form rule: empty is allowed unless required; otherwise a real date. */
export function dateRule(label: string, required: boolean) {
  return {
    validator: (_: unknown, v: string | undefined) => {
      if (!v) return required ? Promise.reject(new Error(`Chưa nhập ${label}.`)) : Promise.resolve();
      return parseTypedDate(v)
        ? Promise.resolve()
        : Promise.reject(new Error(`${label[0]!.toUpperCase()}${label.slice(1)} không phải ngày có thật (ngày/tháng/năm).`));
    },
  };
}
