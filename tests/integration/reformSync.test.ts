// The reorganisation on the sync server: `admin reorganise` records that the district's Phòng
// GD&ĐT went to the commune, moves what was under it, stops its PCs from sending; the commune
// takes the records over from the district's backup and syncs them as its own to every PC it has;
// the Sở's report follows the new tree and counts each document once. Bad input is refused in
// words: a unit that does not exist here (another server's), a unit into itself, a second time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../../server/admin.js';
import { runAdmin } from '../../server/adminCommands.js';
import { SyncHttp } from '../../electron/sync/syncHttp.js';
import { Caller, PASSWORD, SAMPLE } from '../helpers/office.js';
import { firstDesktop, joinDesktop, type Desktop } from '../helpers/syncDesktops.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';

describe.each(serverKinds())('a reorganisation through the sync server on %s', (kind) => {
  let server: TestServer;
  let district: Desktop;
  let commune: Desktop;
  let second: Desktop | undefined;
  let so: Desktop | undefined;
  let soToken: string;
  let out: string;

  const report = async () =>
    (await (
      await fetch(`${server.url}/v1/reports/summary?from=2026-01-01&to=2026-12-31`, { headers: { authorization: `Bearer ${soToken}` } })
    ).json()) as { units: { unit: { code: string }; total: { incoming: number } }[]; total: { incoming: number } };
  const byUnit = async () => Object.fromEntries((await report()).units.map((u) => [u.unit.code, u.total.incoming]));

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'vanthu-reform-sync-'));
    server = await startSyncServer(kind);
    await createUnit(server.db, { code: 'SGDĐT-TQ', name: 'Sở Giáo dục và Đào tạo Tuyên Quang' });
    district = await firstDesktop(server.url, await server.code('PGDĐT-HY'));
    commune = await firstDesktop(server.url, await server.code('UBND-HY'));
    await district.admin.ok('units.updateOffice', { name: 'Phòng Giáo dục và Đào tạo huyện Hàm Yên', code: 'PGDĐT' });
    await commune.admin.ok('units.updateOffice', { name: 'Ủy ban nhân dân xã Hàm Yên', code: 'UBND' });
    await commune.sync();
    await server.db.query(`UPDATE units SET parent_id = (SELECT id FROM units WHERE code = 'SGDĐT-TQ') WHERE code = 'PGDĐT-HY'`);
    soToken = (await new SyncHttp(server.url).enroll({ code: await server.code('SGDĐT-TQ'), deviceName: 'Máy của Sở', hasData: false }))
      .token;
    for (const code of ['31/SGDĐT-GDTrH', '32/SGDĐT-GDTrH']) await district.clerk.ok('incoming.register', { ...SAMPLE, code });
    await district.sync();
  }, 120_000);
  afterAll(async () => {
    for (const d of [district, commune, second, so]) await d?.cleanup();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('refuses a unit that is not on this server, a unit into itself, a wrong kind or date', async () => {
    const run = (args: Record<string, string>) => runAdmin(server.db, 'reorganise', { kind: 'giai_the', effective: '2025-07-01', ...args });
    await expect(run({ from: 'PGDĐT-HY', into: 'UBND-KHAC' })).rejects.toThrow('Không có đơn vị UBND-KHAC trên máy chủ này');
    await expect(run({ from: 'PGDĐT-HY', into: 'PGDĐT-HY' })).rejects.toThrow('vào chính nó');
    await expect(run({ from: 'PGDĐT-HY', into: 'UBND-HY', kind: 'gop' })).rejects.toThrow('Hình thức tổ chức lại');
    await expect(run({ from: 'PGDĐT-HY', into: 'UBND-HY', effective: '2025-02-30' })).rejects.toThrow('Ngày hiệu lực');
    await expect(runAdmin(server.db, 'reorganise', { from: 'PGDĐT-HY' })).rejects.toThrow('Thiếu --kind');
    expect(await byUnit()).toEqual({ 'PGDĐT-HY': 2, 'SGDĐT-TQ': 0 });
  });

  it('records it: the commune goes under the Sở, the district’s PCs stop sending, no new one enrols', async () => {
    const said = await runAdmin(server.db, 'reorganise', {
      kind: 'giai_the',
      from: 'PGDĐT-HY',
      into: 'UBND-HY',
      effective: '2025-07-01',
      parent: 'SGDĐT-TQ',
    });
    expect(said).toContain('PGDĐT-HY');
    expect(said).toContain('Tiếp nhận');
    await expect(
      runAdmin(server.db, 'reorganise', { kind: 'giai_the', from: 'PGDĐT-HY', into: 'UBND-HY', effective: '2025-07-01' }),
    ).rejects.toThrow('đã được tổ chức lại');
    await expect(server.code('PGDĐT-HY')).rejects.toThrow('hãy đăng ký máy cho UBND-HY');
    expect(await runAdmin(server.db, 'units', {})).toMatch(/PGDĐT-HY.*→ UBND-HY từ 2025-07-01/);

    await district.clerk.ok('incoming.register', { ...SAMPLE, code: '33/SGDĐT-GDTrH' });
    const status = await district.sync();
    expect(status.lastError ?? '').toContain('đã được tổ chức lại');
    // The Sở sees the commune under it now, and the district's documents until they are taken over.
    expect(await byUnit()).toEqual({ 'SGDĐT-TQ': 0, 'UBND-HY': 0, 'PGDĐT-HY': 2 });
  });

  it('the commune takes the records over and syncs them as its own; the Sở counts each once', async () => {
    const backup = (await district.admin.ok('backup.create', { dir: out })).path;
    const result = await commune.admin.ok('units.takeOver', { path: backup, kind: 'giai_the', effectiveDate: '2025-07-01' });
    expect(result.rows.documents).toBe(3);
    const status = await commune.sync();
    expect(status).toMatchObject({ lastError: null, waiting: 0 });
    expect(await byUnit()).toEqual({ 'SGDĐT-TQ': 0, 'UBND-HY': 3, 'PGDĐT-HY': 0 });
    expect((await report()).total.incoming).toBe(3);

    // Another PC of the commune gets the old unit's register and its people.
    second = await joinDesktop('B', server.url, await server.code('UBND-HY'));
    const old = (await second.clerk.ok('books.list', { kind: 'incoming' })).find((b) => b.unitId)!;
    expect(old.closed).toBe(true);
    const codes = (await second.clerk.ok('incoming.list', { limit: 50, bookId: old.id })).items.map((d) => d.code);
    // The commune's own register lists its own books only.
    expect((await second.clerk.ok('incoming.list', { limit: 50 })).items).toEqual([]);
    expect(codes).toEqual(expect.arrayContaining(['31/SGDĐT-GDTrH', '32/SGDĐT-GDTrH', '33/SGDĐT-GDTrH']));
    const oldClerk = new Caller(second.backend);
    await oldClerk.ok('auth.login', { username: 'vanthu.pgddt', password: PASSWORD });
    // The Sở's own PC shows the same in Báo cáo → Các đơn vị trực thuộc.
    so = await firstDesktop(server.url, await server.code('SGDĐT-TQ'));
    const seen = await so.clerk.ok('reports.units', { from: '2026-01-01', to: '2026-12-31', groupBy: 'type' });
    expect(seen.units.map((u) => [u.unit.name, u.total.incoming])).toEqual([
      ['Sở Giáo dục và Đào tạo Tuyên Quang', 0],
      ['Đơn vị UBND-HY', 3],
      ['Đơn vị PGDĐT-HY (giải thể từ 01/07/2025)', 0],
    ]);
    expect((await second.admin.ok('units.list')).map((u) => u.label)).toEqual([
      'Ủy ban nhân dân xã Hàm Yên',
      'Phòng Giáo dục và Đào tạo huyện Hàm Yên (giải thể từ 01/07/2025)',
    ]);
  });
});
