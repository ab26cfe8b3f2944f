// The backend over HTTP on 127.0.0.1 (browser mode): POST /api/<method> with a JSON body,
// the session in an HttpOnly SameSite=Strict cookie, the built renderer from '/'.
import { fileTarget, recordAccess } from '../db/access/accessLog.js';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contract } from '../shared/api/contract.js';
import { isSpooled } from '../shared/api/files.js';
import { requireFileReader } from '../db/attachments/attachments.js';
import { requireContent } from '../db/secrets/secretAccess.js';
import { APP_CSP } from './appFiles.js';
import { AppError, type ApiError } from '../shared/api/errors.js';
import { toApiError, type Backend } from './backend/backend.js';

export const SESSION_COOKIE = 'vanthu_session';
export const MAX_BODY_BYTES = 1024 * 1024;

const STATUS: Record<ApiError['code'], number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  DUPLICATE: 409,
  CONFLICT: 409,
  ALREADY_INITIALIZED: 409,
  NOT_INITIALIZED: 409,
  UNAUTHENTICATED: 401,
  LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  TOO_LARGE: 413,
  NEWER_DATABASE: 409,
  PDF_ENCRYPTED: 422,
  PDF_BROKEN: 422,
  FILE_TYPE: 415,
  FILE_DAMAGED: 409,
  SIGN_FAILED: 422,
  FILE_UNREADABLE: 422,
  INTERNAL: 500,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': APP_CSP,
};

export interface HttpOptions {
  backend: Backend;
  /** The built renderer (dist/renderer); without it only /api answers. */
  staticDir?: string | null;
}

export function createHttpServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    handle(options, req, res).catch((err) => {
      console.error('VănThư http:', err);
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL', message: 'Có lỗi ngoài dự kiến.' });
      else res.end();
    });
  });
}

async function handle(options: HttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A name rebound to 127.0.0.1 (DNS rebinding) is not answered at all: only the PC's own names.
  if (!isOwnHost(req)) {
    return sendJson(res, 421, {
      code: 'BAD_REQUEST',
      message: 'Yêu cầu gửi tới một địa chỉ lạ; VănThư chỉ nhận địa chỉ 127.0.0.1 hoặc localhost.',
    });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = safeDecode(url.pathname);
  if (path === null) return sendJson(res, 400, { code: 'BAD_REQUEST', message: 'Địa chỉ yêu cầu không hợp lệ.' });
  if (/^\/(api|upload|files|download)(\/|$)/.test(path) && !fromOurPage(req)) {
    return sendJson(res, 403, { code: 'FORBIDDEN', message: 'Yêu cầu từ trang khác bị từ chối.' });
  }
  if (path.startsWith('/api/')) return handleApi(options.backend, path.slice(5), req, res);
  if (path === '/upload') return handleUpload(options.backend, url, req, res);
  if (path.startsWith('/files/')) return handleFile(options.backend, path.slice(7), req, res);
  if (path.startsWith('/download/')) return handleDownload(options.backend, path.slice(10), url, req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Phương thức không được hỗ trợ.' });
  return serveStatic(options.staticDir ?? null, path, res);
}

async function handleApi(backend: Backend, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Chỉ nhận yêu cầu POST.' });
  // A JSON content type cannot be sent cross-site without a preflight we never answer.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, { code: 'BAD_REQUEST', message: 'Yêu cầu phải gửi dữ liệu JSON.' });
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    return sendJson(res, 413, { code: 'TOO_LARGE', message: `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024} KB).` });
  }
  let input: unknown = undefined;
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { code: 'BAD_REQUEST', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' });
    }
  }
  const outcome = await backend.call({ token: readCookie(req, SESSION_COOKIE) }, method, input);
  if (outcome.token !== undefined) res.setHeader('Set-Cookie', sessionCookie(outcome.token));
  if (outcome.result.ok) return sendJson(res, 200, outcome.result.value);
  return sendJson(res, STATUS[outcome.result.error.code] ?? 400, outcome.result.error);
}

/** Sends an error the way /api does: its status, `{code, message}`. */
function sendError(res: ServerResponse, err: unknown): void {
  const e = err instanceof AppError ? err.toJSON() : toApiError(err, (m, x) => console.error(m, x));
  sendJson(res, STATUS[e.code] ?? 400, e);
}

/** Browser mode's attachment upload: the raw bytes as the body, streamed to the file store. */
async function handleUpload(backend: Backend, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Chỉ nhận yêu cầu POST.' });
  // Not a type a cross-site form can send without a preflight that is never answered.
  if (!/^application\/octet-stream\b/i.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, { code: 'BAD_REQUEST', message: 'Tệp phải gửi dạng application/octet-stream.' });
  }
  const declared = req.headers['content-length'] !== undefined ? Number(req.headers['content-length']) : undefined;
  try {
    // The browser's way to do what the window does with a path: the same methods' access.
    const purpose = url.searchParams.get('purpose');
    const forImport = purpose === 'import';
    const access =
      contract[
        forImport
          ? 'imports.stagePath'
          : purpose === 'read'
            ? 'incoming.readPath'
            : purpose === 'edxml'
              ? 'exchange.receivePath'
              : 'attachments.add'
      ].access;
    const user = backend.authorize(readCookie(req, SESSION_COOKIE), access);
    const documentId = url.searchParams.get('documentId') ?? '';
    const name = url.searchParams.get('name') ?? '';
    // An old register to import: staged, not attached.
    if (forImport) return sendJson(res, 200, await backend.imports.stage(req, name, declared));
    // A dispatch picked in the registration form: read for its suggestions, attached on save.
    if (purpose === 'read')
      return sendJson(res, 200, await backend.attachments.readForRegistration(user.id, { name, source: req, declaredSize: declared }));
    // An edXML package picked or dropped in Liên thông: into the inbox, whatever it turns out to be.
    if (purpose === 'edxml')
      return sendJson(
        res,
        200,
        await backend.exchange.receive({ userId: user.id }, { name, source: req, declaredSize: declared, transport: 'file' }),
      );
    if (!documentId) throw new AppError('VALIDATION', 'Thiếu văn bản cần đính kèm.', { field: 'documentId' });
    requireContent(backend.store, user, documentId, 'upload');
    const attachment = await backend.attachments.add({ userId: user.id }, { documentId, name, source: req, declaredSize: declared });
    sendJson(res, 200, attachment);
  } catch (err) {
    // The rest of a refused body is not read: the connection closes once the answer is out.
    res.setHeader('Connection', 'close');
    sendError(res, err);
  }
}

/** An attachment's bytes, only after they are checked against their sha256. */
async function handleFile(backend: Backend, id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Chỉ nhận yêu cầu GET.' });
  try {
    const user = backend.authorize(readCookie(req, SESSION_COOKIE), 'user');
    const record = requireFileReader(backend.store, user, id, 'files');
    const { attachment, stream, size } = await backend.attachments.open(id);
    if (req.method === 'GET') recordAccess(backend.store, { userId: user.id }, fileTarget(backend.store, record), 'view');
    // The type its bytes have, not the one its record claims (a record may come from another PC).
    const type = await backend.attachments.detectedType(attachment);
    const inline = type?.kind === 'pdf' || type?.kind === 'image';
    res.writeHead(200, {
      'Content-Type': type?.mime ?? 'application/octet-stream',
      'Content-Length': size,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    });
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
    } else stream.pipe(res);
  } catch (err) {
    sendError(res, err);
  }
}

/** A method that answers a file (a printed register, an export): GET /download/<method>?<input>. */
async function handleDownload(backend: Backend, method: string, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'Chỉ nhận yêu cầu GET.' });
  const input: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (v !== '') input[k] = v;
  const outcome = await backend.call({ token: readCookie(req, SESSION_COOKIE), transport: 'download' }, method, input);
  if (!outcome.result.ok) return sendJson(res, STATUS[outcome.result.error.code] ?? 400, outcome.result.error);
  const value = outcome.result.value;
  const disposition = (name: string) =>
    `${url.searchParams.get('save') ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`;
  if (isSpooled(value)) {
    res.writeHead(200, {
      'Content-Type': value.mime,
      'Content-Length': value.spool.size,
      'Content-Disposition': disposition(value.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'private, no-store',
    });
    // Streamed from the spool file, which goes once sent (or once the browser hangs up).
    const source = createReadStream(value.spool.path);
    res.once('close', () => {
      source.destroy();
      void rm(value.spool.path, { force: true });
    });
    source.pipe(res);
    return;
  }
  const file = value as { name: string; mime: string; bytes: Uint8Array };
  res.writeHead(200, {
    'Content-Type': file.mime,
    'Content-Length': file.bytes.byteLength,
    'Content-Disposition': disposition(file.name),
    'X-Content-Type-Options': 'nosniff',
    // A copy of an attachment comes this way too: whatever it holds runs nothing in our origin.
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
  });
  res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** Host is this PC by one of its own names, at the port that answered. */
function isOwnHost(req: IncomingMessage): boolean {
  const port = req.socket.localPort;
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * The browser's own word on who asks (Sec-Fetch-Site): our page, or the user typing the address.
 * Another port of 127.0.0.1 is "same-site" — the session cookie (SameSite=Strict) would go with
 * it — so only "same-origin" passes. A client that sends no such header is not a browser page;
 * it is still held to the Origin check and the session.
 */
function fromOurPage(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && !(site === 'none' && req.method === 'GET')) return false;
  const origin = req.headers.origin;
  return origin === undefined || originHost(origin) === req.headers.host;
}

/** The host an Origin header names; null for "null" and anything unreadable. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function sessionCookie(token: string | null): string {
  const base = `${SESSION_COOKIE}=${token ?? ''}; Path=/; HttpOnly; SameSite=Strict`;
  return token ? base : `${base}; Max-Age=0`;
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

/** The body, or null when it is larger than `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function serveStatic(root: string | null, pathname: string, res: ServerResponse): void {
  if (!root || !existsSync(root)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Giao diện chưa được dựng: hãy chạy "npm run build".');
    return;
  }
  const rel = normalize(pathname).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) file = join(root, 'index.html');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
}
