// The renderer's only way to the backend: Electron's preload bridge when present, else
// POST /api/<method> (browser mode). Both answer the same envelope.
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.js';
import type { ApiError, Result } from '../../shared/api/errors.js';
import type { AttachmentRecord, ReadForRegistration } from '../../shared/api/attachments.js';
import type { ExchangeMessage } from '../../shared/api/exchange.js';

declare global {
  interface Window {
    vanthu?: { invoke(method: string, input: unknown): Promise<Result<unknown>>; pathForFile(file: File): string };
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

/**
 * Attaches a picked or dropped file. In the desktop window the main process reads it from its
 * path; in a browser it is streamed as the raw body of POST /upload, with progress.
 */
export function uploadFile(documentId: string, file: File, onProgress?: (fraction: number) => void): Promise<AttachmentRecord> {
  if (window.vanthu) {
    const path = window.vanthu.pathForFile(file);
    return api.call('attachments.add', { documentId, path });
  }
  return postFile<AttachmentRecord>(`documentId=${encodeURIComponent(documentId)}`, file, onProgress);
}

/** A dispatch picked in the registration form: read for suggestions, attached when registered. */
export function readForRegistration(file: File, onProgress?: (fraction: number) => void): Promise<ReadForRegistration> {
  if (window.vanthu) return api.call('incoming.readPath', { path: window.vanthu.pathForFile(file) });
  return postFile<ReadForRegistration>('purpose=read', file, onProgress);
}

/** An old register picked for import, staged on the backend until it is previewed and run. */
export function stageImport(
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<{ uploadId: string; name: string; size: number }> {
  if (window.vanthu) return api.call('imports.stagePath', { path: window.vanthu.pathForFile(file) });
  return postFile('purpose=import', file, onProgress);
}

/** An edXML package opened or dropped in Liên thông: into the inbox, whatever it turns out to be. */
export function receivePackage(file: File, onProgress?: (fraction: number) => void): Promise<ExchangeMessage> {
  if (window.vanthu) return api.call('exchange.receivePath', { path: window.vanthu.pathForFile(file) });
  return postFile<ExchangeMessage>('purpose=edxml', file, onProgress);
}

/** Browser mode: the raw bytes to POST /upload, with progress. */
function postFile<T>(query: string, file: File, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `./upload?${query}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200) resolve(body as T);
      else
        reject(
          new ApiCallError(
            (body as ApiError | null)?.code ? (body as ApiError) : { code: 'INTERNAL', message: `Lỗi khi tải tệp lên (${xhr.status}).` },
          ),
        );
    };
    xhr.onerror = () => reject(new ApiCallError({ code: 'INTERNAL', message: 'Mất kết nối khi tải tệp lên; chưa có gì được lưu.' }));
    xhr.send(file);
  });
}

/** A URL the page can show or fetch for an attachment's bytes (checked against their hash). */
export async function attachmentUrl(id: string): Promise<{ url: string; revoke: () => void }> {
  if (window.vanthu) {
    const { bytes, mime } = await api.call('attachments.get', { id });
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
    return { url, revoke: () => URL.revokeObjectURL(url) };
  }
  return { url: `./files/${encodeURIComponent(id)}`, revoke: () => undefined };
}

type FileMethod =
  | 'registers.print'
  | 'registers.export'
  | 'catalogue.print'
  | 'dossiers.print'
  | 'archive.handoverList'
  | 'archive.exportPackage'
  | 'reports.export'
  | 'exchange.print'
  | 'attachments.copy'
  | 'access.print'
  | 'dossiers.printRetentionEnded'
  | 'search.export'
  | 'dossiers.exportPdf'
  | 'dossiers.exportXml';

/**
 * A file the backend makes (a printed register, an export): opened in a new tab, or saved.
 * The desktop window gets the bytes over IPC (a large one is saved by the main process); a
 * browser fetches GET /download/<method>, which streams a large one from the backend's spool.
 */
export async function openFile(method: FileMethod, input: MethodInput<FileMethod>, save: boolean): Promise<void> {
  if (window.vanthu) {
    const file = await api.call(method, input);
    // A large file (a handover package) was saved by the main process where the user chose.
    if (!('bytes' in file)) return;
    const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
    if (save) {
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
    } else window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 120_000);
    return;
  }
  const qs = new URLSearchParams(
    Object.entries(input ?? {})
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
  if (save) qs.set('save', '1');
  // Check first, so an error is shown here instead of as a JSON page.
  const url = `./download/${method}?${qs.toString()}`;
  const res = await fetch(url, { method: 'GET', credentials: 'same-origin' });
  if (!res.ok) {
    const e = (await res.json().catch(() => null)) as ApiError | null;
    throw new ApiCallError(e?.code ? e : { code: 'INTERNAL', message: `Không tạo được tệp (${res.status}).` });
  }
  const blob = await res.blob();
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'tep');
  const blobUrl = URL.createObjectURL(blob);
  if (save) {
    const a = document.createElement('a');
    a.href = blobUrl;
    a.download = name;
    a.click();
  } else window.open(blobUrl, '_blank');
  setTimeout(() => URL.revokeObjectURL(blobUrl), 120_000);
}
