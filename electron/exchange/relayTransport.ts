// The sync server as a post office between units (server/exchange.ts): the message goes up as a
// file, then is handed to the relay for a mã định danh; what waits for this unit comes down the
// same way and is checked against its hash.
import { Readable } from 'node:stream';
import { AppError } from '../../shared/api/errors.js';
import type { SyncHttp } from '../sync/syncHttp.js';
import { readLimited, sha256Of, type ExchangeTransport, type OutgoingMessage, type WaitingMessage } from './transports.js';

export class RelayTransport implements ExchangeTransport {
  readonly kind = 'server' as const;
  constructor(
    private readonly client: () => SyncHttp | null,
    private readonly maxBytes: number,
  ) {}

  private need(): SyncHttp {
    const c = this.client();
    if (!c) throw new AppError('VALIDATION', 'Máy này chưa nối máy chủ đồng bộ (hoặc đang tạm dừng), nên chưa gửi qua máy chủ được.');
    return c;
  }

  async send(m: OutgoingMessage): Promise<void> {
    const c = this.need();
    const sha = sha256Of(m.bytes);
    if (!(await c.hasFile(sha))) await c.putFile(sha, m.bytes.length, Readable.from([Buffer.from(m.bytes)]));
    await c.exchangeSend({ id: m.id, to: m.to, kind: m.kind, sha256: sha });
  }

  async waiting(): Promise<WaitingMessage[]> {
    const c = this.client();
    if (!c) return [];
    const { messages } = await c.exchangeInbox();
    return messages.map((x) => ({
      id: x.id,
      name: `${x.kind === 'status' ? 'trangthai' : 'vanban'}-${x.from}-${x.id}.edxml`,
      from: x.from,
      size: x.size,
      fetch: async () => {
        if (x.size > this.maxBytes) throw new AppError('TOO_LARGE', 'Gói tin trên máy chủ lớn hơn giới hạn nhận của máy này.');
        const body = await c.getFile(x.sha256);
        if (!body) throw new AppError('NOT_FOUND', 'Máy chủ chưa có tệp của gói tin này; sẽ thử lại.');
        const bytes = await readLimited(
          body,
          this.maxBytes,
          () => new AppError('TOO_LARGE', 'Gói tin trên máy chủ lớn hơn giới hạn nhận của máy này.'),
        );
        if (sha256Of(bytes) !== x.sha256) throw new AppError('FILE_DAMAGED', 'Gói tin tải về không khớp mã SHA-256; sẽ tải lại.');
        return bytes;
      },
    }));
  }

  async taken(ids: string[]): Promise<void> {
    const c = this.client();
    if (c && ids.length) await c.exchangeTaken(ids);
  }
}
