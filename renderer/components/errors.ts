import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';

/** Puts a backend error under its field when the form has that field; returns whether it did. */
export function showFieldError(form: FormInstance, err: unknown, fieldMap: Record<string, string> = {}): boolean {
  if (!(err instanceof ApiCallError) || !err.field) return false;
  const name = fieldMap[err.field] ?? err.field;
  if (!form.getFieldInstance(name) && form.getFieldValue(name) === undefined) return false;
  form.setFields([{ name, errors: [err.message] }]);
  return true;
}

/**
 * The form's values when every field passes its rules; otherwise null, the errors shown under
 * their fields and the first wrong field focused (never an unhandled rejection in the console).
 */
export async function filledIn<T>(form: FormInstance<T>, fields?: string[]): Promise<T | null> {
  try {
    return await (fields ? form.validateFields(fields as never) : form.validateFields());
  } catch (err) {
    const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
    if (!first) throw err;
    form.scrollToField(first.name, { focus: true, block: 'nearest' });
    return null;
  }
}
