// The server process killed (SIGKILL) in the middle of a push and started again on the same
// data: the PC's next round sends what the server did not commit, nothing twice.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers/office.js';
import { firstDesktop, joinDesktop, syncedSnapshot } from '../helpers/syncDesktops.js';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'dist/server/main.mjs');

// PGlite in the data folder: without DATABASE_URL (CI sets it), the server would use PostgreSQL.
const { DATABASE_URL: _postgres, ...env } = process.env;

/** `npm run server -- --data DIR admin …`, as the administrator types it. */
function admin(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [bundle, '--data', dataDir, 'admin', ...args], { encoding: 'utf8', env });
}

function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bundle, '--data', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /máy chủ đồng bộ: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe.skipIf(!existsSync(bundle))('the server killed mid-push', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing the PC sent and stores nothing twice', async () => {
    admin(dir, 'create-unit', '--code', 'PGD', '--name', 'Phòng GD&ĐT');
    let server = await startServer(dir, 0);
    // While the server holds the folder, the admin's commands are done by it.
    const codes = [1, 2].map(() => /: ([0-9A-Z-]{24})\n/.exec(admin(dir, 'enroll-code', '--unit', 'PGD'))![1]!);
    const port = Number(new URL(server.url).port);
    const a = await firstDesktop(server.url, codes[0]!);
    const b = await joinDesktop('B', server.url, codes[1]!);
    try {
      for (let i = 1; i <= 400; i++)
        await a.clerk.ok('incoming.register', {
          ...SAMPLE,
          code: `${i}/KILL`,
          summary: `Công văn ${i} trước khi máy chủ bị tắt đột ngột`,
          receivedAt: '2026-03-05T02:00:00Z',
        });
      a.backend.sync['options'].pushChunk = 50;
      a.backend.sync['chunk'] = 50;
      const sent = () => (a.t.store.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NOT NULL').get() as { n: number }).n;
      const before = sent();
      const round = a.sync();
      // Killed while chunks are going in: once the first of them is acknowledged.
      await new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (sent() > before) {
            clearInterval(t);
            resolve();
          }
        }, 1);
      });
      server.child.kill('SIGKILL');
      const cut = await round;
      expect(cut.lastError).toMatch(/Không kết nối được|bị ngắt/);
      const waitingAfterKill = cut.waiting;
      expect(waitingAfterKill).toBeGreaterThan(0);
      server = await startServer(dir, port);
      const done = await a.sync();
      expect(done).toMatchObject({ lastError: null, waiting: 0 });
      await b.sync();
      expect(syncedSnapshot(b.t.store)).toEqual(syncedSnapshot(a.t.store));
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
      // Every change the server numbered is one of the PCs' outbox rows, each once.
      const stored = Number(/PGD\t.*\t(\d+) thay đổi/.exec(admin(dir, 'units'))![1]);
      const outboxes = [a, b].map((d) => (d.t.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n);
      expect(stored).toBe(outboxes[0]! + outboxes[1]!);
    } finally {
      server.child.kill('SIGKILL');
      await a.cleanup();
      await b.cleanup();
    }
  }, 120_000);
});
