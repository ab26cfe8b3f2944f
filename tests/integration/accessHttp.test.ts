// The role matrix through the other transport (#14): every method of the contract, called over
// browser mode's real HTTP server by nobody and by each role, is let in exactly where `mayCall`
// says — and a method that is not the JSON api's is not answered there at all. Then a fuzz of
// every method's input through HTTP as the admin: never a 5xx, never a stack trace, nothing
// written on a refusal, and the audit chain still verifies.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayCall } from '../../shared/api/access.js';
import { contract, type MethodName } from '../../shared/api/contract.js';
import { ROLES, type Role } from '../../shared/domain/enums.js';
import { serve } from '../../electron/serve.js';
import { PASSWORD } from '../helpers/office.js';

let running: Awaited<ReturnType<typeof serve>>;
let dir: string;
let port = 0;
const cookies = new Map<Role | 'nobody', string>();

interface Answer {
  status: number;
  body: string;
  cookie: string | null;
}

function post(path: string, body: unknown, cookie = ''): Promise<Answer> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: {
          host: `127.0.0.1:${port}`,
          origin: `http://127.0.0.1:${port}`,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          cookie,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          const set = res.headers['set-cookie']?.[0]?.split(';')[0] ?? null;
          resolve({ status: res.statusCode ?? 0, body: text, cookie: set });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const api = (method: string, input: unknown, who: Role | 'nobody' = 'admin') => post(`/api/${method}`, input, cookies.get(who) ?? '');

async function login(username: string): Promise<string> {
  const a = await post('/api/auth.login', { username, password: PASSWORD });
  if (a.status !== 200 || !a.cookie) throw new Error(`login ${username}: ${a.body}`);
  return a.cookie;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanthu-access-http-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VănThư</title>');
  running = await serve({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') }, staticDir, () => {});
  port = Number(new URL(running.url).port);
  const setup = await post('/api/setup.initialize', {
    unitName: 'Sở Giáo dục và Đào tạo',
    unitCode: 'SGDĐT',
    adminUsername: 'quantri',
    adminPassword: PASSWORD,
    adminFullName: 'Quản trị',
  });
  cookies.set('admin', setup.cookie!);
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const made = await api('users.create', { username: `vt-${role}`, fullName: `Người ${role}`, password: PASSWORD, roles: [role] });
    expect(made.status).toBe(200);
    cookies.set(role, await login(`vt-${role}`));
  }
}, 60_000);
afterAll(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

// Methods that end the caller's session, the office's sync or its data are not called here.
const ENDING = new Set<string>(['auth.logout', 'sync.disconnect', 'backup.restore', 'setup.join', 'pc.setAirGapped']);
const methods = (Object.keys(contract) as MethodName[]).filter((m) => !ENDING.has(m));
const onHttp = (m: MethodName) => (contract[m] as { transports?: readonly string[] }).transports?.includes('http') ?? true;
const refused = (code: string) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';

describe('the contract’s access, over HTTP', () => {
  for (const who of ['nobody', ...ROLES] as const) {
    it(`lets ${who} in exactly where mayCall says, and answers no method that is not the JSON api’s`, async () => {
      for (const method of methods) {
        const a = await api(method, {}, who);
        expect(a.status, `${method} for ${who}`).toBeLessThan(500);
        const body = JSON.parse(a.body) as { code?: string };
        if (!onHttp(method)) {
          expect(body.code, `${method} over HTTP`).toBe('UNKNOWN_METHOD');
          continue;
        }
        const letIn = a.status === 200 || !refused(body.code ?? '');
        expect(letIn, `${method} for ${who}: ${a.status} ${body.code}`).toBe(mayCall(who === 'nobody' ? null : { roles: [who] }, method));
      }
    }, 60_000);
  }
});

describe('every method’s input, fuzzed over HTTP', () => {
  it('never answers a 5xx or a stack trace, writes nothing when it refuses, and keeps the audit chain whole', async () => {
    const store = running.backend.store;
    const outbox = () => (store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const anyInput = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(
        fc.constantFrom('id', 'q', 'kind', 'year', 'dir', 'documentId', 'summary', 'code', 'username', 'from', 'to', 'limit'),
        fc.jsonValue(),
      ),
      fc.record({ id: fc.oneof(fc.uuid(), fc.string()), q: fc.string({ unit: 'binary' }), limit: fc.integer() }, { requiredKeys: [] }),
    );
    for (const method of methods.filter(onHttp)) {
      await fc.assert(
        fc.asyncProperty(anyInput, async (input) => {
          const before = outbox();
          const a = await api(method, input);
          if (a.status >= 500) return false;
          if (/\bat .+:\d+:\d+|node_modules|Error:/.test(a.body)) return false;
          if (a.status !== 200 && outbox() !== before) return false;
          return true;
        }),
        { numRuns: 40, seed: 1412 },
      );
    }
    const verified = await api('audit.verify', {});
    expect(JSON.parse(verified.body)).toMatchObject({ ok: true });
  }, 240_000);
});
