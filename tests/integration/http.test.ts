// Browser mode over a real HTTP server on 127.0.0.1: cookies, limits and every bad request.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../electron/serve.js';
import { SAMPLE } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';

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
      unitName: 'Sở Giáo dục và Đào tạo Hà Nội',
      unitCode: 'SGDĐT',
      adminUsername: 'admin',
      adminPassword: 'matkhau-12345',
      adminFullName: 'Trần Văn An',
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
    const res = await fetch(`${running.url}api/incoming.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
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

  it('uploads an attachment as a raw stream and serves the same bytes back', async () => {
    const doc = await api('incoming.register', { ...SAMPLE, code: '7/KH-BGDĐT' });
    const pdf = await samplePdf(2);
    const up = await fetch(`${running.url}upload?documentId=${doc.json.id}&name=${encodeURIComponent('Kế hoạch.pdf')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie },
      body: Buffer.from(pdf),
    });
    expect(up.status).toBe(200);
    const a = (await up.json()) as { id: string; name: string; pages: number };
    expect([a.name, a.pages]).toEqual(['Kế hoạch.pdf', 2]);
    const back = await fetch(`${running.url}files/${a.id}`, { headers: { cookie } });
    expect(back.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(new Uint8Array(pdf));
    expect((await fetch(`${running.url}files/${a.id}`)).status).toBe(401);
  });

  it('streams a handover package from the spool and leaves nothing behind', async () => {
    const year = new Date().getFullYear();
    const cat = await api('catalogue.saveHeading', { year, level: 1, title: 'Tổ chức, cán bộ', abbreviation: 'TCCB' });
    const headingId = (cat.json.headings as { id: string }[])[0]!.id;
    const withEntry = await api('catalogue.saveEntry', { year, headingId, title: 'Hồ sơ tuyển dụng', retention: 'vinh_vien' });
    const entryId = (withEntry.json.entries as { id: string }[])[0]!.id;
    const dossier = await api('dossiers.open', { entryId });
    const doc = await api('incoming.register', { ...SAMPLE, code: '9/KH-BGDĐT' });
    const pdf = await samplePdf(1);
    await fetch(`${running.url}upload?documentId=${doc.json.id}&name=scan.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie },
      body: Buffer.from(pdf),
    });
    await api('dossiers.addItems', { dossierId: dossier.json.id, documentIds: [doc.json.id] });
    const res = await fetch(`${running.url}download/archive.exportPackage?dossierIds=${dossier.json.id}&save=1`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength);
    const zip = await JSZip.loadAsync(bytes);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    const listed = manifest.dossiers[0].items[0].files[0];
    expect(await zip.file(listed.path)!.async('uint8array')).toEqual(new Uint8Array(pdf));
    const spool = join(dir, 'data', 'spool');
    await expect.poll(() => (existsSync(spool) ? readdirSync(spool) : [])).toEqual([]);
  });

  it('refuses a 300 MB upload from its Content-Length, before reading it', async () => {
    const doc = await api('incoming.register', { ...SAMPLE, code: '8/KH-BGDĐT' });
    const url = new URL(`${running.url}upload?documentId=${doc.json.id}&name=big.pdf`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'content-length': String(300 * 1024 * 1024), cookie } },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024, 0x25));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toContain('200 MB');
    expect(readdirSync(join(dir, 'data', 'files', 'tmp'))).toEqual([]);
  });

  it('logs out and clears the cookie', async () => {
    const r = await api('auth.logout', {});
    expect(r.res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    cookie = '';
  });
});
