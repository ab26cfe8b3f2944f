// The central endpoint over real HTTP, on PGlite (and PostgreSQL when DATABASE_URL is set):
// enrollment, idempotent push, ordered pull, files by hash, and every refusal a desktop may meet.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollCode, createUnit, revokeDevice } from '../../server/admin.js';
import { SyncFailure, SyncHttp } from '../../electron/sync/syncHttp.js';
import type { Change } from '../../shared/sync/protocol.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';

let n = 0;
const stamp = (at: Date, device = 'aaaa') => `${at.toISOString()}-${(n++ % 65536).toString(16).padStart(4, '0')}-${device}`;
const change = (rowId: string, fields: Change['fields'], at = new Date(), table: Change['table'] = 'documents'): Change => ({
  changeId: `0193${createHash('sha1').update(`${rowId}${n}${Math.random()}`).digest('hex').slice(0, 28)}`,
  hlc: stamp(at),
  table,
  rowId,
  fields,
});

async function raw(server: TestServer, method: string, path: string, body: string | undefined, token?: string, type = 'application/json') {
  const res = await fetch(server.url + path, {
    method,
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as { code?: string; message?: string }) : null };
}

describe.each(serverKinds())('the sync endpoint on %s', (kind) => {
  let server: TestServer;
  let one: SyncHttp;
  let two: SyncHttp;
  let other: SyncHttp;
  let oneToken: string;
  let oneId: string;

  beforeAll(async () => {
    server = await startSyncServer(kind, { maxPushBytes: 256 * 1024 });
    const a = await new SyncHttp(server.url).enroll({ code: await server.code('PGD-A'), deviceName: 'Máy 1', hasData: false });
    oneToken = a.token;
    oneId = a.deviceId;
    one = new SyncHttp(server.url, a.token);
    two = new SyncHttp(
      server.url,
      (await new SyncHttp(server.url).enroll({ code: await server.code('PGD-A'), deviceName: 'Máy 2', hasData: false })).token,
    );
    other = new SyncHttp(
      server.url,
      (await new SyncHttp(server.url).enroll({ code: await server.code('PGD-B'), deviceName: 'Máy đơn vị B', hasData: false })).token,
    );
  }, 60_000);
  afterAll(async () => server?.close());

  it('answers health checks for load balancers', async () => {
    const h = await new SyncHttp(server.url).health();
    expect(h).toMatchObject({ status: 'ok', database: kind });
    expect(h.serverId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes an enrollment code once, and not after 7 days', async () => {
    const code = await server.code('PGD-A');
    await new SyncHttp(server.url).enroll({ code: code.toLowerCase().replace(/-/g, ' '), deviceName: 'Máy 3', hasData: false });
    const again = await new SyncHttp(server.url).enroll({ code, deviceName: 'Máy 4', hasData: false }).catch((e: SyncFailure) => e);
    expect(again).toBeInstanceOf(SyncFailure);
    expect((again as SyncFailure).code).toBe('ENROLL_CODE');
    expect((again as SyncFailure).message).toContain('một mã mới');
    const old = await createEnrollCode(server.db, 'PGD-A', new Date(Date.now() - 8 * 86_400_000));
    const expired = await new SyncHttp(server.url)
      .enroll({ code: old.code, deviceName: 'Máy 5', hasData: false })
      .catch((e: SyncFailure) => e);
    expect((expired as SyncFailure).code).toBe('ENROLL_CODE');
  });

  it("stores a batch sent twice once, numbers changes in order, and pulls others' changes only", async () => {
    const batch = [change('doc-1', { summary: 'Một' }), change('doc-2', { summary: 'Hai' })];
    const first = await one.push(batch);
    const second = await one.push(batch);
    expect(second.held).toEqual(first.held);
    expect(second.maxSeq).toBe(first.maxSeq);
    const [{ n: stored }] = (await server.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM changes WHERE change_id = ANY(ARRAY[$1, $2])`,
      [batch[0]!.changeId, batch[1]!.changeId],
    )) as [{ n: string }];
    expect(Number(stored)).toBe(2);
    const mine = await one.pull(0, 100);
    expect(mine.changes.map((c) => c.rowId)).not.toContain('doc-1');
    expect(mine.next).toBe(first.maxSeq);
    const theirs = await two.pull(0, 1);
    expect(theirs.changes.map((c) => c.rowId)).toEqual(['doc-1']);
    expect(theirs.more).toBe(true);
    const rest = await two.pull(theirs.next, 100);
    expect(rest.changes.map((c) => c.rowId)).toEqual(['doc-2']);
    expect(rest.changes[0]!.deviceId).toBe(oneId);
  });

  it('keeps the newest value of each field (last writer wins by HLC), whatever the arrival order', async () => {
    const t0 = new Date(Date.now() - 60_000);
    const newer = change('doc-lww', { summary: 'Mới hơn', notes: null }, new Date(t0.getTime() + 1000));
    const older = change('doc-lww', { summary: 'Cũ hơn', pages: 3 }, t0);
    await two.push([newer]);
    await one.push([older]);
    const [row] = await server.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM rows WHERE row_id = 'doc-lww'`);
    expect(row!.data).toMatchObject({ summary: 'Mới hơn', pages: 3 });
  });

  it('refuses a clock more than 10 minutes ahead with CLOCK_SKEW and a message about the PC clock', async () => {
    const ahead = await one
      .push([change('doc-future', { summary: 'Tương lai' }, new Date(Date.now() + 2 * 3600_000))])
      .catch((e: SyncFailure) => e);
    expect(ahead).toBeInstanceOf(SyncFailure);
    expect((ahead as SyncFailure).code).toBe('CLOCK_SKEW');
    expect((ahead as SyncFailure).message).toMatch(/nhanh hơn giờ máy chủ khoảng 2 giờ.*chỉnh lại ngày giờ/);
    // Nine minutes is within the allowed drift.
    await one.push([change('doc-soon', { summary: 'Sắp tới' }, new Date(Date.now() + 9 * 60_000))]);
  });

  it("answers 401 to a wrong or revoked token, 403 to another unit's rows", async () => {
    const wrong = await new SyncHttp(server.url, 'x'.repeat(43)).pull(0, 10).catch((e: SyncFailure) => e);
    expect((wrong as SyncFailure).status).toBe(401);
    const code = await server.code('PGD-A');
    const doomed = await new SyncHttp(server.url).enroll({ code, deviceName: 'Máy bị mất', hasData: false });
    await revokeDevice(server.db, doomed.deviceId);
    const revoked = await new SyncHttp(server.url, doomed.token).pull(0, 10).catch((e: SyncFailure) => e);
    expect((revoked as SyncFailure).status).toBe(401);
    expect((revoked as SyncFailure).message).toContain('thu hồi');
    const foreign = await other.push([change('doc-1', { summary: 'Ghi đè của đơn vị khác' })]).catch((e: SyncFailure) => e);
    expect((foreign as SyncFailure).status).toBe(403);
    const [row] = await server.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM rows WHERE row_id = 'doc-1'`);
    expect(row!.data.summary).toBe('Một');
  });

  it('answers 4xx with a Vietnamese message to garbage, truncated, malformed and oversized bodies', async () => {
    const garbage = await raw(server, 'POST', '/v1/push', '\u0000\u0001 not json', oneToken);
    expect(garbage.status).toBe(400);
    expect(garbage.body?.message).toMatch(/không đọc được/);
    const truncated = await raw(server, 'POST', '/v1/push', '{"changes":[{"changeId":"0193', oneToken);
    expect(truncated.status).toBe(400);
    const wrongShape = await raw(
      server,
      'POST',
      '/v1/push',
      JSON.stringify({ changes: [{ changeId: 'x', table: 'passwords' }] }),
      oneToken,
    );
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body?.code).toBe('BAD_REQUEST');
    const big = JSON.stringify({ changes: [change('doc-big', { summary: 'x'.repeat(300 * 1024) })] });
    const oversized = await raw(server, 'POST', '/v1/push', big, oneToken);
    expect(oversized.status).toBe(413);
    expect(oversized.body?.code).toBe('TOO_LARGE');
    const badCursor = await raw(server, 'GET', '/v1/pull?after=-5', undefined, oneToken);
    expect(badCursor.status).toBe(400);
    const adminFromOutside = await raw(server, 'POST', '/v1/admin', JSON.stringify({ command: 'units', args: {} }), oneToken);
    expect(adminFromOutside.status).toBe(403);
  });

  it('keeps files by sha256: verified on upload, HEAD to skip, streamed back, only to its unit', async () => {
    const bytes = Buffer.alloc(2.5 * 1024 * 1024, 7);
    bytes.write('VănThư', 100);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await one.hasFile(sha)).toBe(false);
    await one.putFile(sha, bytes.length, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    expect(await one.hasFile(sha)).toBe(true);
    const back = await two.getFile(sha);
    const parts: Buffer[] = [];
    for await (const p of back!) parts.push(p as Buffer);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
    expect(await other.hasFile(sha)).toBe(false);
    expect(await other.getFile(sha)).toBeNull();
    const lie = await one.putFile('0'.repeat(64), 5, Readable.from([Buffer.from('hello')])).catch((e: SyncFailure) => e);
    expect((lie as SyncFailure).code).toBe('HASH_MISMATCH');
    const [{ n: leftovers }] = (await server.db.query<{ n: string }>(`SELECT count(*) AS n FROM file_chunks WHERE key LIKE 'tmp:%'`)) as [
      { n: string },
    ];
    expect(Number(leftovers)).toBe(0);
  });

  it('flags a second document with the same (book, year, number) and keeps both', async () => {
    const first = await one.push([change('doc-n1', { book_id: 'book-x', year: 2026, number: 5, summary: 'Máy 1' })]);
    expect(first.clashes).toEqual([]);
    const second = await two.push([change('doc-n2', { book_id: 'book-x', year: 2026, number: 5, summary: 'Máy 2' })]);
    expect(second.clashes).toEqual([{ documentId: 'doc-n2', holderId: 'doc-n1', bookId: 'book-x', year: 2026, number: 5 }]);
    const rows = await server.db.query(`SELECT row_id FROM rows WHERE row_id IN ('doc-n1', 'doc-n2')`);
    expect(rows).toHaveLength(2);
    // Renumbered: the flag goes.
    await two.push([change('doc-n2', { number: 6 })]);
    const flags = await server.db.query<{ document_id: string; clash: boolean }>(
      `SELECT document_id, clash FROM doc_numbers WHERE book_id = 'book-x' ORDER BY document_id`,
    );
    expect(flags.map((f) => [f.document_id, f.clash])).toEqual([
      ['doc-n1', false],
      ['doc-n2', false],
    ]);
  });

  it('reports across the units a supervising office oversees, and only those', async () => {
    await createUnit(server.db, { code: 'SGD', name: 'Sở GD&ĐT' });
    await server.db.query(`UPDATE units SET parent_id = (SELECT id FROM units WHERE code = 'SGD') WHERE code IN ('PGD-A', 'PGD-B')`);
    const bossToken = (await new SyncHttp(server.url).enroll({ code: await server.code('SGD'), deviceName: 'Sở', hasData: false })).token;
    const doc = (id: string, kind: string, date: string) =>
      change(id, {
        kind,
        received_date: date,
        type_code: 'CV',
        status: 'moi',
        deleted_at: null,
        book_id: `b-${id}`,
        year: 2026,
        number: 1,
      });
    await one.push([doc('r1', 'incoming', '2026-04-01'), doc('r2', 'outgoing', '2026-04-02'), doc('r3', 'incoming', '2025-04-02')]);
    await other.push([doc('r4', 'incoming', '2026-05-01')]);
    const get = async (token: string, query: string) =>
      (await fetch(`${server.url}/v1/reports/summary?${query}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const all = (await get(bossToken, 'from=2026-01-01&to=2026-12-31')) as {
      units: { unit: { code: string }; total: { incoming: number; outgoing: number } }[];
      total: { incoming: number; outgoing: number };
    };
    expect(all.units.map((u) => u.unit.code)).toEqual(['PGD-A', 'PGD-B', 'SGD']);
    expect(all.units.find((u) => u.unit.code === 'PGD-A')!.total).toMatchObject({ incoming: 1, outgoing: 1 });
    expect(all.total).toMatchObject({ incoming: 2, outgoing: 1 });
    const refused = (await get(oneToken, 'unit=PGD-B&from=2026-01-01&to=2026-12-31')) as { code: string };
    expect(refused.code).toBe('FORBIDDEN');
    // Impossible dates are refused in words, never a 500 (#14 finding 9).
    for (const q of ['from=2026-02-30&to=2026-12-31', 'from=2026-13-01&to=2026-12-31', 'from=2026-12-31&to=2026-01-01', 'from=x&to=y']) {
      const res = await fetch(`${server.url}/v1/reports/summary?${q}`, { headers: { authorization: `Bearer ${bossToken}` } });
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/ngày/i);
    }
  });
});
