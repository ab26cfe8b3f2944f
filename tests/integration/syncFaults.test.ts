// What goes wrong between an office PC and its server: connections cut mid-push and mid-pull,
// an answer lost after the server committed, the server restarted, a fast clock, a revoked PC,
// another server at the same address, one restored from an old backup. No loss, no duplicate,
// and a Vietnamese message for the person at the PC.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../server/admin.js';
import { SAMPLE } from '../helpers/office.js';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy.js';
import { firstDesktop, joinDesktop, syncedSnapshot, type Desktop } from '../helpers/syncDesktops.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';

const register = (d: Desktop, i: number) =>
  d.clerk.ok('incoming.register', {
    ...SAMPLE,
    code: `${i}/SGD`,
    summary: `Công văn số ${i} gửi các trường về việc tổ chức hoạt động`,
    receivedAt: '2026-03-05T02:00:00Z',
  });
const outboxCount = (d: Desktop) => (d.t.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
const serverChanges = async (server: TestServer) =>
  Number((await server.db.query<{ n: string }>('SELECT count(*) AS n FROM changes'))[0]!.n);

describe.each(serverKinds())('sync faults on %s', (kind) => {
  let server: TestServer;
  let proxy: FaultProxy;
  let a: Desktop;
  let b: Desktop;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    proxy = await startFaultProxy(server.port);
    a = await firstDesktop(proxy.url, await server.code());
    b = await joinDesktop('B', proxy.url, await server.code());
  }, 120_000);
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await proxy?.close();
    await server?.close();
  });

  it('a push cut in the middle leaves everything waiting, and the next round sends it once', async () => {
    for (let i = 1; i <= 40; i++) await register(a, i);
    const waiting = (await a.clerk.ok('sync.status')).waiting;
    expect(waiting).toBeGreaterThan(40);
    proxy.arm({ request: 'POST /v1/push', direction: 'up', afterBytes: 3000 });
    const failed = await a.sync();
    expect(proxy.cuts).toBe(1);
    expect(failed.lastError).toMatch(/Không kết nối được máy chủ đồng bộ|bị ngắt/);
    expect(failed.waiting).toBe(waiting);
    const ok = await a.sync();
    expect(ok).toMatchObject({ waiting: 0, lastError: null });
    expect(await serverChanges(server)).toBe(outboxCount(a));
  });

  it('an answer lost after the server committed: sent again, stored once', async () => {
    await register(a, 41);
    proxy.arm({ request: 'POST /v1/push', direction: 'down', afterBytes: 20 });
    const lost = await a.sync();
    expect(lost.lastError).not.toBeNull();
    expect(lost.waiting).toBeGreaterThan(0);
    const before = await serverChanges(server);
    expect(before).toBe(outboxCount(a)); // the server did commit
    await a.sync();
    expect(await serverChanges(server)).toBe(before);
    expect((await a.clerk.ok('sync.status')).waiting).toBe(0);
  });

  it('a pull cut in the middle applies nothing half: the next round ends identical', async () => {
    b.backend.sync['options'].pullLimit = 30;
    proxy.arm({ request: 'GET /v1/pull?after=', direction: 'down', afterBytes: 5000 });
    const cut = await b.sync();
    expect(cut.lastError).not.toBeNull();
    await b.sync();
    expect(syncedSnapshot(b.t.store)).toEqual(syncedSnapshot(a.t.store));
  });

  it('the server killed and restarted: the PC waits, backs off with jitter, then catches up', async () => {
    b.backend.sync.start();
    await server.stop();
    await register(a, 42);
    const down = await b.sync();
    expect(down.lastError).toMatch(/Không kết nối được máy chủ đồng bộ/);
    const wait = Date.parse(down.nextAttemptAt!) - Date.now();
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThanOrEqual(5000);
    await server.restart();
    await a.sync();
    const back = await b.sync();
    expect(back.lastError).toBeNull();
    expect((await b.clerk.ok('incoming.list', { limit: 500 })).items.some((d) => d.code === '42/SGD')).toBe(true);
    await b.backend.sync.stop();
  });

  it('a clock two hours fast: CLOCK_SKEW shown with what to do; once fixed, its changes go up', async () => {
    let fastBy = 2 * 3600_000;
    const d = await firstDesktop(server.url, await server.code('TRUONG-FAST'), { now: () => new Date(Date.now() + fastBy) });
    try {
      // Enrolled, but its first round is refused: the status says why, nothing is lost.
      const status = await d.admin.ok('sync.status');
      expect(status.lastError).toMatch(/nhanh hơn giờ máy chủ khoảng 2 giờ/);
      expect(status.stopped).toBe(false);
      expect(status.waiting).toBeGreaterThan(0);
      await d.clerk.ok('incoming.register', {
        ...SAMPLE,
        code: '1/FAST',
        summary: 'Vào sổ khi đồng hồ chạy nhanh',
        receivedAt: new Date(Date.now() + fastBy).toISOString(),
      });
      // Someone sets the clock right: the waiting changes are stamped anew and go up.
      fastBy = 0;
      const fixed = await d.sync();
      expect(fixed).toMatchObject({ lastError: null, waiting: 0 });
      const stamps = await server.db.query<{ hlc: string }>(
        `SELECT c.hlc FROM changes c JOIN units u ON u.id = c.unit_id WHERE u.code = 'TRUONG-FAST'`,
      );
      expect(stamps.length).toBe(outboxCount(d));
      expect(stamps.every((c) => Date.parse(c.hlc.slice(0, 24)) < Date.now() + 60_000)).toBe(true);
      const audit = d.t.store.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.restamp'").get() as { n: number };
      expect(audit.n).toBe(1);
    } finally {
      await d.cleanup();
    }
  });

  it('a revoked PC stops syncing with the reason; its data stays', async () => {
    const config = b.backend.sync.config!;
    await revokeDevice(server.db, config.deviceId);
    const before = syncedSnapshot(b.t.store);
    const status = await b.sync();
    expect(status.stopped).toBe(true);
    expect(status.lastError).toContain('thu hồi');
    expect(syncedSnapshot(b.t.store)).toEqual(before);
  });

  it('another server at the same address stops sync instead of mixing offices; nothing local is wiped', async () => {
    const impostor = await startSyncServer(kind);
    const other = await startFaultProxy(impostor.port);
    const config = a.backend.sync.config!;
    // The address now leads to another server.
    a.backend.sync['store'].sqlite
      .prepare("UPDATE local_meta SET value = ? WHERE key = 'sync.config'")
      .run(JSON.stringify({ ...config, url: other.url }));
    const docs = (await a.clerk.ok('incoming.list', { limit: 500 })).items.length;
    const status = await a.sync();
    expect(status.stopped).toBe(true);
    expect(status.lastError).toMatch(/máy chủ khác/);
    expect((await a.clerk.ok('incoming.list', { limit: 500 })).items.length).toBe(docs);
    a.backend.sync['store'].sqlite.prepare("UPDATE local_meta SET value = ? WHERE key = 'sync.config'").run(JSON.stringify(config));
    await other.close();
    await impostor.close();
  });

  it('a server restored from an old backup (fewer changes than this PC has seen) stops sync with a message', async () => {
    const unit = (await server.db.query<{ unit_id: string }>('SELECT unit_id FROM devices LIMIT 1'))[0]!.unit_id;
    await server.db.query('DELETE FROM changes WHERE unit_id = $1 AND seq > 5', [unit]);
    await server.db.query('UPDATE units SET seq = 5 WHERE id = $1', [unit]);
    const before = syncedSnapshot(a.t.store);
    const status = await a.sync();
    expect(status.stopped).toBe(true);
    expect(status.lastError).toMatch(/mất dữ liệu.*vẫn nguyên/);
    expect(syncedSnapshot(a.t.store)).toEqual(before);
  });

  it('refuses http:// to anything but 127.0.0.1', async () => {
    const err = await a.admin.fail('sync.connect', { url: 'http://dongbo.pgd.edu.vn', code: 'ABCD-EFGH' });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/https:\/\//);
  });
});

describe('a server with a small body limit', () => {
  it('answers 413 to a big chunk; the PC sends smaller chunks and everything arrives once', async () => {
    const server = await startSyncServer('pglite', { maxPushBytes: 48 * 1024 });
    const a = await firstDesktop(server.url, await server.code());
    try {
      for (let i = 1; i <= 120; i++) await register(a, i);
      const status = await a.sync();
      expect(status).toMatchObject({ lastError: null, waiting: 0 });
      expect(await serverChanges(server)).toBe(outboxCount(a));
    } finally {
      await a.cleanup();
      await server.close();
    }
  }, 60_000);
});
