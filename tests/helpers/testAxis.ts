// A stand-in for an exchange axis on 127.0.0.1 (#18): the HTTP contract of
// electron/exchange/axisTransport.ts, nothing more. The real axes need an office's credentials
// and their network; this stub is what the connector is tested against, and says so.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Held {
  id: string;
  from: string;
  to: string;
  kind: string;
  bytes: Buffer;
  taken: boolean;
}

export interface TestAxis {
  url: string;
  /** Every message the axis holds, taken or not. */
  held: Held[];
  /** While true the axis answers 503 (a maintenance window, a dropped link). */
  down: boolean;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** `tokens` maps each office's access token to its mã định danh. */
export async function startTestAxis(tokens: Record<string, string>): Promise<TestAxis> {
  const held: Held[] = [];
  const axis: TestAxis = { url: '', held, down: false, close: async () => {} };
  const server = createServer((req, res) => {
    void (async () => {
      if (axis.down) return void res.writeHead(503).end();
      const organ = tokens[(req.headers.authorization ?? '').replace(/^Bearer /, '')];
      if (!organ) return void res.writeHead(401).end();
      const path = new URL(req.url ?? '/', 'http://axis').pathname;
      if (req.method === 'POST' && path === '/messages') {
        const to = String(req.headers['x-to-organ'] ?? '');
        held.push({ id: randomUUID(), from: organ, to, kind: String(req.headers['x-kind'] ?? ''), bytes: await body(req), taken: false });
        return void res.writeHead(201).end();
      }
      if (req.method === 'GET' && path === '/messages') {
        const list = held.filter((m) => m.to === organ && !m.taken).map((m) => ({ id: m.id, from: m.from, size: m.bytes.length }));
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
      }
      const one = /^\/messages\/([\w-]+)(\/taken)?$/.exec(path);
      const m = one && held.find((x) => x.id === one[1] && x.to === organ);
      if (!m) return void res.writeHead(404).end();
      if (req.method === 'GET' && !one[2]) return void res.writeHead(200, { 'content-type': 'application/xml' }).end(m.bytes);
      if (req.method === 'POST' && one[2]) {
        m.taken = true;
        return void res.writeHead(204).end();
      }
      res.writeHead(405).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  axis.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  axis.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return axis;
}
