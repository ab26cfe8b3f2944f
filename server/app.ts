// The HTTP face of the endpoint (Fastify). Every answer that is not a success is
// { code, message } with a Vietnamese message the desktop shows as it is.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REPORT_GROUPS } from '../shared/api/reports.js';
import { isRealDate } from '../shared/text/dates.js';
import { enrollRequestSchema, pushRequestSchema, SHA256_PATTERN, type HealthResponse } from '../shared/sync/protocol.js';
import { APP_VERSION } from '../shared/version.js';
import type { ServerDb } from './db.js';
import { authenticate, enroll, touchDevice, type Device } from './devices.js';
import { SyncError } from './errors.js';
import { fileSize, readFile, storeFile } from './files.js';
import { MAX_PULL_LIMIT, pull } from './pull.js';
import { push } from './push.js';
import { summary } from './reports.js';
import { runAdmin } from './adminCommands.js';
import { relayInbox, relaySend, relayTaken } from './exchange.js';
import { relaySendSchema, relayTakenSchema } from '../shared/sync/exchangeRelay.js';
import { timingSafeEqual } from 'node:crypto';

export interface AppOptions {
  /** The largest push body accepted (413 above); the desktop's chunks stay well below. */
  maxPushBytes?: number;
  maxFileBytes?: number;
  /** The server's clock (tests move it). */
  now?: () => Date;
  log?: boolean;
  /** Admin commands over 127.0.0.1 with this secret (a server on PGlite: see main.ts). */
  adminSecret?: string;
}

export const DEFAULT_MAX_PUSH_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;

const pullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
});
const reportDate = (label: string) => z.string().refine(isRealDate, { error: `${label} không phải ngày có thật (YYYY-MM-DD).` });
const reportQuery = z
  .object({
    unit: z.string().max(100).optional(),
    from: reportDate('Từ ngày'),
    to: reportDate('Đến ngày'),
    groupBy: z.enum(REPORT_GROUPS).default('type'),
  })
  .refine((q) => q.from <= q.to, { error: 'Từ ngày phải trước hoặc bằng đến ngày.' });

export function buildApp(db: ServerDb, options: AppOptions = {}): FastifyInstance {
  const now = options.now ?? (() => new Date());
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // Warnings and errors only (a line per request would drown a busy server's log).
  const app = Fastify({
    bodyLimit: options.maxPushBytes ?? DEFAULT_MAX_PUSH_BYTES,
    logger: options.log ? { level: 'warn' } : false,
    // A whole request (a 2 GB attachment on a slow line included) within 30 minutes, and no
    // connection left idle for more than 2: a client that trickles bytes cannot hold sockets.
    requestTimeout: 30 * 60_000,
    connectionTimeout: 2 * 60_000,
  });

  // File bodies are streamed by the handler, never buffered.
  app.addContentTypeParser('application/octet-stream', (_req, _payload, done) => done(null));

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof SyncError) return reply.status(err.status).send(err.toJSON());
    if (err instanceof z.ZodError)
      return reply.status(400).send({
        code: 'BAD_REQUEST',
        message: `Dữ liệu gửi lên không đúng mẫu: ${err.issues[0]?.path.join('.') || ''} ${err.issues[0]?.message ?? ''}`.trim(),
      });
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply
        .status(413)
        .send({ code: 'TOO_LARGE', message: 'Gói dữ liệu gửi lên vượt giới hạn của máy chủ; máy sẽ chia nhỏ và gửi lại.' });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply
        .status(e.statusCode)
        .send({ code: 'BAD_REQUEST', message: 'Dữ liệu gửi lên không đọc được (hỏng hoặc bị cắt giữa chừng).' });
    app.log.error(err);
    return reply
      .status(500)
      .send({ code: 'INTERNAL', message: 'Máy chủ đồng bộ gặp lỗi; dữ liệu trên máy vẫn được giữ nguyên, máy sẽ thử lại sau.' });
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send({ code: 'NOT_FOUND', message: 'Không có địa chỉ này trên máy chủ đồng bộ.' }),
  );

  const device = (req: FastifyRequest): Promise<Device> => authenticate(db, req.headers.authorization);

  app.get('/v1/health', async (): Promise<HealthResponse> => {
    await db.query('SELECT 1');
    return { status: 'ok', serverId: db.serverId, version: APP_VERSION, database: db.kind };
  });

  app.post('/v1/enroll', async (req) => enroll(db, enrollRequestSchema.parse(req.body), now()));

  app.post('/v1/push', async (req) => {
    const d = await device(req);
    const parsed = pushRequestSchema.safeParse(req.body);
    if (!parsed.success) throw refusedChange(req.body, parsed.error);
    return push(db, d, parsed.data.changes, now());
  });

  app.get('/v1/pull', async (req, reply) => {
    const d = await device(req);
    const q = pullQuery.parse(req.query);
    await touchDevice(db, d);
    return reply.header('content-type', 'application/json; charset=utf-8').send(await pull(db, d, q.after, q.limit));
  });

  const sha = (req: FastifyRequest) => {
    const value = (req.params as { sha: string }).sha;
    if (!SHA256_PATTERN.test(value)) throw new SyncError('BAD_REQUEST', 'Tên tệp phải là mã SHA-256 (64 ký tự thập lục phân).');
    return value;
  };

  app.head('/v1/files/:sha', async (req, reply) => {
    const size = await fileSize(db, await device(req), sha(req));
    if (size === null) return reply.status(404).send();
    return reply.header('content-length', size).status(200).send();
  });

  app.get('/v1/files/:sha', async (req, reply) => {
    const d = await device(req);
    const name = sha(req);
    const size = await fileSize(db, d, name);
    if (size === null) throw new SyncError('NOT_FOUND', 'Máy chủ chưa có tệp này (máy đính kèm chưa gửi lên).');
    return reply.header('content-type', 'application/octet-stream').header('content-length', size).send(readFile(db, name));
  });

  app.put('/v1/files/:sha', async (req, reply) => {
    const d = await device(req);
    const name = sha(req);
    if (req.headers['content-type'] !== 'application/octet-stream')
      throw new SyncError('BAD_REQUEST', 'Tệp phải gửi dạng application/octet-stream.');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxFileBytes)
      throw new SyncError('TOO_LARGE', `Tệp lớn hơn giới hạn ${Math.round(maxFileBytes / 1024 / 1024)} MB của máy chủ.`);
    const result = await storeFile(db, d, name, req.raw, maxFileBytes);
    return reply.status(result.stored ? 201 : 200).send({ sha256: name, size: result.size });
  });

  app.post('/v1/exchange/send', async (req) => relaySend(db, await device(req), relaySendSchema.parse(req.body)));
  app.get('/v1/exchange/inbox', async (req) => relayInbox(db, await device(req)));
  app.post('/v1/exchange/taken', async (req) => relayTaken(db, await device(req), relayTakenSchema.parse(req.body).ids, now()));

  app.post('/v1/admin', async (req) => {
    const given = Buffer.from(String(req.headers['x-admin-secret'] ?? ''));
    const secret = Buffer.from(options.adminSecret ?? '');
    const local =
      req.socket.remoteAddress === '127.0.0.1' || req.socket.remoteAddress === '::1' || req.socket.remoteAddress === '::ffff:127.0.0.1';
    if (!options.adminSecret || !local || given.length !== secret.length || !timingSafeEqual(given, secret)) {
      throw new SyncError('FORBIDDEN', 'Lệnh quản trị chỉ chạy trên chính máy chủ (npm run server -- admin …).');
    }
    const body = z.object({ command: z.string().max(40).optional(), args: z.record(z.string(), z.string().max(500)) }).parse(req.body);
    return { output: await runAdmin(db, body.command, body.args) };
  });

  app.get('/v1/reports/summary', async (req) => {
    const d = await device(req);
    const q = reportQuery.parse(req.query);
    if (q.from > q.to) throw new SyncError('BAD_REQUEST', 'Từ ngày phải trước đến ngày.');
    return summary(
      db,
      d,
      q.unit ? { unit: q.unit, from: q.from, to: q.to, groupBy: q.groupBy } : { from: q.from, to: q.to, groupBy: q.groupBy },
      now(),
    );
  });

  return app;
}

/** A push the schema refused, naming the change at fault so the PC can set it aside. */
function refusedChange(body: unknown, error: z.ZodError): SyncError {
  const issue = error.issues[0];
  const index = issue?.path[0] === 'changes' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
  const changes = (body as { changes?: unknown } | null)?.changes;
  const raw = index !== null && Array.isArray(changes) ? (changes[index] as { changeId?: unknown } | undefined) : undefined;
  const changeId = typeof raw?.changeId === 'string' ? raw.changeId.slice(0, 64) : null;
  const which = changeId ? `Thay đổi ${changeId}` : index !== null ? `Thay đổi thứ ${index + 1}` : 'Gói dữ liệu';
  return new SyncError(
    'BAD_REQUEST',
    `${which} không đúng mẫu: ${issue?.message ?? 'dữ liệu không hợp lệ'}`,
    changeId ? { changeId } : undefined,
  );
}
