// Browser mode against the pages of the same PC (SECURITY.md): a page at another port of
// 127.0.0.1, or a DNS name rebound to it, must cause no effect and read nothing; files are
// served as what their bytes are, never as active content.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachment } from '../../db/attachments/attachments.js';
import { serve } from '../../electron/serve.js';
import { SAMPLE } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';

let running: Awaited<ReturnType<typeof serve>>;
let dir: string;
let cookie = '';
let port = 0;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, with whatever Host, Origin and Sec-Fetch-* headers a browser or an attacker sends. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const ourPage = () => ({ origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin', cookie });
const api = (method: string, input: unknown, headers: Record<string, string> = ourPage()) =>
  send('POST', `/api/${method}`, { 'content-type': 'application/json', ...headers }, JSON.stringify(input));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanthu-browser-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VănThư</title>');
  running = await serve({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') }, staticDir, () => {});
  port = Number(new URL(running.url).port);
});
afterAll(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a foreign Host (DNS rebinding)', () => {
  it('is not answered at all — not even the first-run setup', async () => {
    const evil = { host: `evil.example:${port}` };
    const setup = await send(
      'POST',
      '/api/setup.initialize',
      { ...evil, 'content-type': 'application/json' },
      JSON.stringify({
        unitName: 'Kẻ lạ',
        unitCode: 'KL',
        adminUsername: 'attacker',
        adminPassword: 'matkhau-12345',
        adminFullName: 'Kẻ lạ',
      }),
    );
    expect(setup.status).toBe(421);
    expect(JSON.parse(setup.body).message).toMatch(/địa chỉ/);
    expect((await send('GET', '/', evil)).status).toBe(421);
    expect((await send('GET', '/download/registers.print?kind=incoming', evil)).status).toBe(421);
    // The real page may still set the office up: nothing was written by the stranger.
    const status = JSON.parse((await api('setup.status', {})).body) as { initialized: boolean };
    expect(status.initialized).toBe(false);
  });

  it('accepts the PC’s own names for itself', async () => {
    expect((await send('GET', '/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await send('GET', '/', { host: `127.0.0.1:${port}` })).status).toBe(200);
  });
});

describe('a page at another port of 127.0.0.1', () => {
  beforeAll(async () => {
    const setup = await api('setup.initialize', {
      unitName: 'Sở Giáo dục và Đào tạo Hà Tĩnh',
      unitCode: 'SGDĐT',
      adminUsername: 'quantri',
      adminPassword: 'matkhau-12345',
      adminFullName: 'Trần Quản Trị',
    });
    expect(setup.status).toBe(200);
    cookie = String(setup.headers['set-cookie']).split(';')[0]!;
  });

  it('cannot run a write through GET /download (an <img> tag): only file methods answer there', async () => {
    const img = { cookie, 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'image' };
    const r = await send('GET', `/download/departments.create?name=${encodeURIComponent('Phòng lạ')}`, img);
    expect(r.status).toBe(404);
    const deps = JSON.parse((await api('departments.list', {})).body) as { name: string }[];
    expect(deps.map((d) => d.name)).not.toContain('Phòng lạ');
  });

  it('is refused when the browser says the request is not from our page (Sec-Fetch-Site)', async () => {
    const fromOtherPort = { cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'image' };
    const [book] = JSON.parse((await api('books.list', { kind: 'incoming' })).body) as { id: string }[];
    const printed = await send('GET', `/download/registers.print?kind=incoming&bookId=${book!.id}`, fromOtherPort);
    expect(printed.status).toBe(403);
    expect(JSON.parse(printed.body).message).toMatch(/trang khác/);
    const write = await api('departments.create', { name: 'Phòng lạ 2' }, { cookie, 'sec-fetch-site': 'same-site' });
    expect(write.status).toBe(403);
    const upload = await send(
      'POST',
      '/upload?documentId=x&name=a.pdf',
      { cookie, 'content-type': 'application/octet-stream', 'sec-fetch-site': 'cross-site' },
      '%PDF-1.4',
    );
    expect(upload.status).toBe(403);
    const deps = JSON.parse((await api('departments.list', {})).body) as { name: string }[];
    expect(deps.map((d) => d.name)).not.toContain('Phòng lạ 2');
  });

  it('is refused when its Origin is another port', async () => {
    const r = await api('departments.create', { name: 'Phòng lạ 3' }, { cookie, origin: `http://127.0.0.1:${port + 1}` });
    expect(r.status).toBe(403);
  });

  it('still lets our own page print the register', async () => {
    const [book] = JSON.parse((await api('books.list', { kind: 'incoming' })).body) as { id: string }[];
    const r = await send('GET', `/download/registers.print?kind=incoming&bookId=${book!.id}`, { cookie, 'sec-fetch-site': 'same-origin' });
    expect(r.status, r.body.slice(0, 200)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
  });
});

describe('files served as what their bytes are', () => {
  it('never serves a synced record that claims text/html as a page with script', async () => {
    const doc = JSON.parse((await api('incoming.register', { ...SAMPLE, code: '77/SGDĐT-VP' })).body) as { id: string };
    // A record another device pushed: its mime says HTML, its bytes are a script.
    const html = Buffer.from('<html><script>fetch("/api/users.list")</script></html>');
    const sha = await running.backend.attachments.blobs.put([html], 1e6);
    const record = addAttachment(
      running.store,
      { userId: null },
      {
        documentId: doc.id,
        name: 'thong-bao.html',
        mime: 'text/html',
        kind: 'pdf',
        size: html.length,
        pages: null,
        sha256: sha.sha256,
        role: 'original',
        parentId: null,
        signed: false,
      },
    );
    const r = await send('GET', `/files/${record.id}`, { cookie, 'sec-fetch-site': 'same-origin' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toMatch(/sandbox/);
  });

  it('serves a real PDF inline as a PDF, still sandboxed', async () => {
    const doc = JSON.parse((await api('incoming.register', { ...SAMPLE, code: '78/SGDĐT-VP' })).body) as { id: string };
    const a = await running.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'ke-hoach.pdf', source: Readable.from([Buffer.from(await samplePdf(1))]) },
    );
    const r = await send('GET', `/files/${a.id}`, { cookie, 'sec-fetch-site': 'same-origin' });
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toMatch(/^inline;/);
    expect(String(r.headers['content-security-policy'])).toMatch(/sandbox/);
  });
});
