// An exchange axis (trục liên thông văn bản quốc gia / tỉnh) behind the one transport interface.
// The real axes need the office's credentials and their network; what a connector must do is
// this contract, which the tests' stub axis on 127.0.0.1 answers (tests/helpers/testAxis.ts):
//   POST {base}/messages            body: the edXML bytes; headers X-Message-Id, X-To-Organ, X-Kind
//   GET  {base}/messages            → JSON [{ id, from, size }] waiting for this office
//   GET  {base}/messages/{id}       → the edXML bytes
//   POST {base}/messages/{id}/taken → the axis stops offering it
// every call with `Authorization: Bearer <token>`, within 30 s; a connector for a real axis maps
// these four onto its SDK (the SDKs' sendEdoc / getPendingEdocs / getEdoc / updateStatus).
import { z } from 'zod';
import { AppError } from '../../shared/api/errors.js';
import type { ExchangeTransport, OutgoingMessage, WaitingMessage } from './transports.js';

const TIMEOUT_MS = 30_000;
const listSchema = z
  .array(
    z.object({
      id: z.string().regex(/^(?!\.+$)[\w.-]{1,128}$/),
      from: z.string().max(40).nullable(),
      size: z.number().int().nonnegative(),
    }),
  )
  .max(1000);

export class AxisTransport implements ExchangeTransport {
  readonly kind = 'axis' as const;
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly maxBytes: number,
  ) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.token}`, ...(init.headers as Record<string, string> | undefined) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch {
      throw new AppError('BAD_REQUEST', 'Không kết nối được trục liên thông (mạng hoặc địa chỉ trục); gói tin vẫn chờ và sẽ gửi lại.');
    }
    if (res.status === 401 || res.status === 403)
      throw new AppError('FORBIDDEN', 'Trục liên thông từ chối thông tin đăng nhập của cơ quan; quản trị cần xem lại mã truy cập.');
    if (!res.ok) throw new AppError('BAD_REQUEST', `Trục liên thông trả lời lỗi ${res.status}; gói tin vẫn chờ và sẽ gửi lại.`);
    return res;
  }

  async send(m: OutgoingMessage): Promise<void> {
    await this.call('/messages', {
      method: 'POST',
      body: Buffer.from(m.bytes),
      headers: { 'content-type': 'application/xml', 'x-message-id': m.id, 'x-to-organ': m.to, 'x-kind': m.kind },
    });
  }

  async waiting(): Promise<WaitingMessage[]> {
    const res = await this.call('/messages');
    const list = listSchema.safeParse(await res.json().catch(() => null));
    if (!list.success) throw new AppError('BAD_REQUEST', 'Trục liên thông trả lời danh sách không đúng mẫu.');
    return list.data.map((x) => ({
      id: x.id,
      name: `${x.id}.edxml`,
      from: x.from,
      size: x.size,
      fetch: async () => {
        if (x.size > this.maxBytes) throw new AppError('TOO_LARGE', 'Gói tin trên trục lớn hơn giới hạn nhận của máy này.');
        const r = await this.call(`/messages/${encodeURIComponent(x.id)}`);
        const bytes = new Uint8Array(await r.arrayBuffer());
        if (bytes.length > this.maxBytes) throw new AppError('TOO_LARGE', 'Gói tin trên trục lớn hơn giới hạn nhận của máy này.');
        return bytes;
      },
    }));
  }

  async taken(ids: string[]): Promise<void> {
    for (const id of ids) await this.call(`/messages/${encodeURIComponent(id)}/taken`, { method: 'POST' });
  }
}
