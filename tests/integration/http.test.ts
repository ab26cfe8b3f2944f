// Browser mode over a real HTTP server on 127.0.0.1: cookies, limits and every bad request.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../electron/serve.js';
import { SAMPLE } from '../helpers/office.js';

let running: Awaited<ReturnType<typeof serve>>;
let dir: string;
let cookie = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanthu-http-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VănThư</title>');
  running = await serve({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') }, staticDir);
});
afterAll(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

async function api(method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${running.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown>, res };
}

describe('POST /api/<method>', () => {
  it('sets up, logs in with an HttpOnly SameSite=Strict cookie, and registers', async () => {
    const setup = await api('setup.initialize', {
      unitName: 'Sở Giáo dục và Đào tạo Hà Nội', unitCode: 'SGDĐT', adminUsername: 'admin', adminPassword: 'matkhau-12345', adminFullName: 'Trần Văn An',
    });
    expect(setup.status).toBe(200);
    const set = setup.res.headers.get('set-cookie')!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    cookie = set.split(';')[0]!;
    const doc = await api('incoming.register', SAMPLE);
    expect(doc.status).toBe(200);
    expect(doc.json.number).toBe(1);
  });

  it('listens on 127.0.0.1 only', () => {
    const address = running.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('answers bad input with 4xx and a Vietnamese {code, message}, never 5xx', async () => {
    const cases: [string, unknown, number, string, Record<string, string>?][] = [
      ['incoming.register', '{"agency": "Bộ GD', 400, 'BAD_REQUEST'],
      ['incoming.register', { ...SAMPLE, issuedDate: '2026-02-31' }, 400, 'VALIDATION'],
      ['incoming.register', SAMPLE, 409, 'DUPLICATE'],
      ['khong.co', {}, 404, 'UNKNOWN_METHOD'],
      ['incoming.list', 'null', 200, ''],
      ['incoming.list', '[1,2,3]', 400, 'VALIDATION'],
      ['incoming.list', { limit: 'nhiều' }, 400, 'VALIDATION'],
      ['incoming.list', { q: '"\u0000 OR 1=1; --' }, 200, ''],
      ['incoming.register', JSON.stringify({ ...SAMPLE, summary: 'x'.repeat(2_000_000) }), 413, 'TOO_LARGE'],
      ['incoming.list', {}, 415, 'BAD_REQUEST', { 'content-type': 'text/plain' }],
      ['incoming.list', {}, 403, 'FORBIDDEN', { origin: 'http://evil.example' }],
      ['incoming.list', {}, 403, 'FORBIDDEN', { origin: 'null' }],
      ['%E0%A4%A', {}, 400, 'BAD_REQUEST'],
    ];
    for (const [method, body, status, code, headers] of cases) {
      const r = await api(method, body, headers);
      expect(r.status, `${method} ${String(body).slice(0, 40)}`).toBe(status);
      if (code) {
        expect(r.json.code).toBe(code);
        expect(String(r.json.message)).toMatch(/[ăâđêôơưáàảãạếềểễệóòỏõọ]/i);
        expect(r.json).not.toHaveProperty('stack');
      }
    }
  });

  it('refuses a stranger without the cookie', async () => {
    const res = await fetch(`${running.url}api/incoming.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Phiên làm việc đã hết; hãy đăng nhập lại.');
  });

  it('refuses GET on the api', async () => {
    const res = await fetch(`${running.url}api/incoming.list`);
    expect(res.status).toBe(405);
  });

  it('serves the renderer from / with a CSP, and never a file outside it', async () => {
    const res = await fetch(running.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('VănThư');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const sneaky = await fetch(`${running.url}..%2F..%2Fdata%2Fvanthu.sqlite`);
    expect(await sneaky.text()).toContain('<title>VănThư</title>');
    expect((await fetch(`${running.url}%E0%A4%A`)).status).toBe(400);
  });

  it('logs out and clears the cookie', async () => {
    const r = await api('auth.logout', {});
    expect(r.res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    cookie = '';
  });
});
