// The renderer's only way to the backend: Electron's preload bridge when present, else
// POST /api/<method> (browser mode). Both answer the same envelope.
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import type { ApiError, Result } from '../../shared/api/errors.js';

declare global {
  interface Window {
    vanthu?: { invoke(method: string, input: unknown): Promise<Result<unknown>> };
  }
}

export class ApiCallError extends Error implements ApiError {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(e: ApiError) {
    super(e.message);
    this.code = e.code;
    this.field = e.field;
    this.details = e.details;
  }
}

async function overHttp(method: string, input: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`./api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Mất kết nối tới VănThư; hãy kiểm tra chương trình còn chạy rồi thử lại.' } };
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, value: body };
  const e = body as ApiError | null;
  return { ok: false, error: e?.code ? e : { code: 'INTERNAL', message: `Lỗi máy chủ (${res.status}).` } };
}

let onSessionLost: (() => void) | null = null;
export function whenSessionLost(fn: () => void): void {
  onSessionLost = fn;
}

export const api = {
  async call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = window.vanthu ? await window.vanthu.invoke(method, input ?? {}) : await overHttp(method, input);
    if (result.ok) return result.value as MethodOutput<M>;
    if (result.error.code === 'UNAUTHENTICATED' && method !== 'auth.login') onSessionLost?.();
    throw new ApiCallError(result.error);
  },
};
