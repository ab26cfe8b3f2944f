// The desktop's side of the wire (node:http/https, no Electron): JSON calls with a timeout,
// files streamed both ways. Every failure becomes a SyncFailure with a Vietnamese message and
// whether trying again later can help.
import { relayInboxSchema, type RelayInbox, type RelaySend } from '../../shared/sync/exchangeRelay.js';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { unitsReportOutput, type UnitsReport } from '../../shared/api/reports.js';
import {
  enrollResponseSchema,
  healthResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  syncErrorSchema,
  type Change,
  type EnrollRequest,
  type EnrollResponse,
  type HealthResponse,
  type PullResponse,
  type PushResponse,
} from '../../shared/sync/protocol.js';

export class SyncFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Network trouble, a busy or failing server: the timer tries again. */
    readonly retryable: boolean,
    readonly status = 0,
    /** What the server added (CLOCK_SKEW: its own time). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

const TIMEOUT_MS = 60_000;

export class SyncHttp {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null = null,
  ) {}

  /** Sent without the token: it is how a PC checks who answers before showing it. */
  health(): Promise<HealthResponse> {
    return new SyncHttp(this.baseUrl).json('GET', '/v1/health', undefined, healthResponseSchema);
  }

  enroll(req: EnrollRequest): Promise<EnrollResponse> {
    return this.json('POST', '/v1/enroll', req, enrollResponseSchema);
  }

  push(changes: Change[]): Promise<PushResponse> {
    return this.json('POST', '/v1/push', { changes }, pushResponseSchema);
  }

  pull(after: number, limit: number): Promise<PullResponse> {
    return this.json('GET', `/v1/pull?after=${after}&limit=${limit}`, undefined, pullResponseSchema);
  }

  /** true if the server holds the file for this unit. */
  async hasFile(sha: string): Promise<boolean> {
    const res = await this.send('HEAD', `/v1/files/${sha}`);
    res.resume();
    if (res.statusCode === 200) return true;
    if (res.statusCode === 404) return false;
    throw await failureOf(res);
  }

  async putFile(sha: string, size: number, body: Readable): Promise<void> {
    const res = await this.send('PUT', `/v1/files/${sha}`, { body, size, type: 'application/octet-stream' });
    if (res.statusCode === 200 || res.statusCode === 201) return void res.resume();
    throw await failureOf(res);
  }

  /** The file's bytes as a stream, or null if the server does not have it. */
  async getFile(sha: string): Promise<Readable | null> {
    const res = await this.send('GET', `/v1/files/${sha}`);
    if (res.statusCode === 200) return res;
    if (res.statusCode === 404) {
      res.resume();
      return null;
    }
    throw await failureOf(res);
  }

  /** The supervising office's report over its units (GET /v1/reports/summary). */
  unitsReport(q: { from: string; to: string; groupBy: string }): Promise<UnitsReport> {
    const query = new URLSearchParams(q).toString();
    return this.json('GET', `/v1/reports/summary?${query}`, undefined, unitsReportOutput);
  }

  /** Exchange between offices (#18): hand a message already uploaded as a file to the relay. */
  exchangeSend(m: RelaySend): Promise<{ id: string }> {
    return this.json('POST', '/v1/exchange/send', m, z.object({ id: z.string() }));
  }

  exchangeInbox(): Promise<RelayInbox> {
    return this.json('GET', '/v1/exchange/inbox', undefined, relayInboxSchema);
  }

  exchangeTaken(ids: string[]): Promise<{ taken: number }> {
    return this.json('POST', '/v1/exchange/taken', { ids }, z.object({ taken: z.number() }));
  }

  private async json<T>(method: string, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const res = await this.send(method, path, payload ? { body: payload, size: payload.length, type: 'application/json' } : undefined);
    const text = await readAll(res);
    if (res.statusCode !== 200) throw failureFrom(res.statusCode ?? 0, text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SyncFailure('BAD_RESPONSE', 'Máy chủ đồng bộ trả lời không đọc được (có thể đường truyền bị cắt); máy sẽ thử lại.', true);
    }
    const checked = schema.safeParse(parsed);
    if (!checked.success)
      throw new SyncFailure('BAD_RESPONSE', 'Địa chỉ này không phải máy chủ đồng bộ VănThư, hoặc máy chủ là phiên bản khác.', false);
    return checked.data;
  }

  private send(
    method: string,
    path: string,
    body?: { body: Buffer | Readable; size: number; type: string },
  ): Promise<http.IncomingMessage> {
    const url = new URL(this.baseUrl + path);
    const lib = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body) {
      headers['content-type'] = body.type;
      headers['content-length'] = body.size;
    }
    return new Promise((resolve, reject) => {
      const req = lib.request(url, { method, headers, timeout: TIMEOUT_MS }, (res) => {
        res.on('error', () => {});
        resolve(res);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => reject(networkFailure(this.baseUrl, err)));
      if (!body) req.end();
      else if (Buffer.isBuffer(body.body)) req.end(body.body);
      else {
        body.body.on('error', (err) => req.destroy(err));
        body.body.pipe(req);
      }
    });
  }
}

function networkFailure(base: string, err: Error): SyncFailure {
  const host = new URL(base).host;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new SyncFailure(
      'NETWORK',
      `Không tìm thấy máy chủ ${host} (mạng chưa kết nối hoặc sai địa chỉ). Máy vẫn làm việc bình thường và sẽ tự thử lại.`,
      true,
    );
  if (code.startsWith('ERR_TLS') || code.includes('CERT'))
    return new SyncFailure(
      'TLS',
      `Chứng chỉ bảo mật của máy chủ ${host} không hợp lệ; đồng bộ không chạy để tránh lộ dữ liệu. Hãy báo quản trị.`,
      true,
    );
  return new SyncFailure(
    'NETWORK',
    `Không kết nối được máy chủ đồng bộ ${host}${err.message === 'timeout' ? ' (quá thời gian chờ)' : ''}. Máy vẫn làm việc bình thường và sẽ tự thử lại.`,
    true,
  );
}

function readAll(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    res.on('data', (p: Buffer) => parts.push(p));
    res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    res.on('error', () => reject(new SyncFailure('NETWORK', 'Kết nối tới máy chủ đồng bộ bị ngắt giữa chừng; máy sẽ thử lại.', true)));
    res.on('aborted', () => reject(new SyncFailure('NETWORK', 'Kết nối tới máy chủ đồng bộ bị ngắt giữa chừng; máy sẽ thử lại.', true)));
  });
}

async function failureOf(res: http.IncomingMessage): Promise<SyncFailure> {
  return failureFrom(res.statusCode ?? 0, await readAll(res).catch(() => ''));
}

function failureFrom(status: number, text: string): SyncFailure {
  let body: { code: string; message: string; details?: Record<string, unknown> | undefined } | null = null;
  try {
    const parsed = syncErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) body = parsed.data;
  } catch {
    /* not JSON: a proxy's page */
  }
  const retryable = status >= 500 || status === 429 || status === 413 || status === 408 || body?.code === 'CLOCK_SKEW';
  if (body) return new SyncFailure(body.code, body.message, retryable, status, body.details ?? {});
  if (status >= 500) return new SyncFailure('SERVER', `Máy chủ đồng bộ đang lỗi (mã ${status}); máy sẽ thử lại sau.`, true, status);
  return new SyncFailure('BAD_RESPONSE', `Máy chủ trả lời mã ${status}: địa chỉ có đúng là máy chủ đồng bộ VănThư không?`, false, status);
}
