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
