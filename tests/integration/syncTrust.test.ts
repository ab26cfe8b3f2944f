// Sync against a hostile device (SECURITY.md): a raw client holding a real device token sends
// what no desktop would. The server refuses it naming the change; a desktop that syncs after it
// keeps working. (#14 finding 1: a stamp that only looks like an HLC.)
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../db/sync/apply.js';
import { SyncHttp } from '../../electron/sync/syncHttp.js';
import type { Change, PulledChange } from '../../shared/sync/protocol.js';
import { firstDesktop, type Desktop } from '../helpers/syncDesktops.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';
import { SAMPLE } from '../helpers/office.js';
import { samplePdf } from '../helpers/pdfFixtures.js';

const changeId = (seed: string) => `0193${createHash('sha1').update(seed).digest('hex').slice(0, 28)}`;

describe.each(serverKinds())('a hostile device on %s', (kind) => {
  let server: TestServer;
  let raw: SyncHttp;
  let pc: Desktop;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    pc = await firstDesktop(server.url, await server.code('SGD-HT'));
    expect((await pc.sync()).lastError).toBeNull();
    const enrolled = await new SyncHttp(server.url).enroll({ code: await server.code('SGD-HT'), deviceName: 'Máy lạ', hasData: false });
    raw = new SyncHttp(server.url, enrolled.token);
  }, 60_000);
  afterAll(async () => {
    await pc?.cleanup();
    await server?.close();
  });

  it('cannot push a stamp that is no real instant: 400, naming the change', async () => {
    const doc = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '1/SGDĐT-VP' });
    expect((await pc.sync()).lastError).toBeNull();
    const forged: Change = {
      changeId: changeId('forged'),
      hlc: '9999-99-99T99:99:99.999Z-ffff-abcd',
      table: 'documents',
      rowId: doc.id,
      fields: { summary: 'Đã bị sửa' },
    };
    const refused = await raw.push([forged]).then(
      () => null,
      (e: { code?: string; message: string }) => e,
    );
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(refused?.message).toContain(forged.changeId);
    // Nothing of it reached the office: the PC syncs, its document is unchanged and it keeps writing.
    expect((await pc.sync()).lastError).toBeNull();
    expect((await pc.clerk.ok('incoming.get', { id: doc.id })).summary).toBe(SAMPLE.summary);
    await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '2/SGDĐT-VP' });
  });

  it('a desktop never applies such a stamp, and its clock and writes go on', async () => {
    const doc = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '3/SGDĐT-VP' });
    // As if a server (or a proxy) passed one on: the page is applied, the change set aside.
    const bad: PulledChange = {
      seq: 999_999,
      changeId: changeId('pulled'),
      deviceId: 'khac',
      hlc: '2026-02-31T10:00:00.000Z-0000-beef',
      table: 'documents',
      rowId: doc.id,
      fields: { summary: 'Đã bị sửa' },
    };
    const result = applyPulledPage(pc.backend.store, [bad], 0);
    expect(result).toMatchObject({ applied: 0, skipped: 1 });
    expect((await pc.clerk.ok('incoming.get', { id: doc.id })).summary).toBe(SAMPLE.summary);
    // The clock still stamps real instants: the next write goes through and sorts as now.
    const after = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '4/SGDĐT-VP' });
    expect(after.number).toBeGreaterThan(doc.number);
    expect(pc.backend.store.clock.current().slice(0, 4)).toBe(String(new Date().getUTCFullYear()));
  });
});

describe.each(serverKinds())('text no store can hold, on %s (#14 finding 8)', (kind) => {
  let server: TestServer;
  let raw: SyncHttp;
  let pc: Desktop;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    pc = await firstDesktop(server.url, await server.code('SGD-HT'));
    const enrolled = await new SyncHttp(server.url).enroll({ code: await server.code('SGD-HT'), deviceName: 'Máy lạ', hasData: false });
    raw = new SyncHttp(server.url, enrolled.token);
  }, 60_000);
  afterAll(async () => {
    await pc?.cleanup();
    await server?.close();
  });

  it('a NUL or half an emoji in a change is refused by name, never a 500; the rest of the batch is kept', async () => {
    const doc = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '9/SGDĐT-VP' });
    expect((await pc.sync()).lastError).toBeNull();
    const stamp = (n: number) => `${new Date(Date.now() + n).toISOString()}-0000-abcdabcdabcdabcd`;
    const nul: Change = { changeId: changeId('nul'), hlc: stamp(0), table: 'documents', rowId: doc.id, fields: { notes: 'a\u0000b' } };
    const half: Change = {
      changeId: changeId('half'),
      hlc: stamp(1),
      table: 'documents',
      rowId: doc.id,
      fields: { notes: 'Tệp 😀'.slice(0, -1) },
    };
    const fine: Change = {
      changeId: changeId('fine'),
      hlc: stamp(2),
      table: 'documents',
      rowId: doc.id,
      fields: { notes: 'Ghi chú hợp lệ 😀' },
    };
    const answer = await raw.push([nul, half, fine]);
    expect(answer.refused.map((r) => r.changeId).sort()).toEqual([nul.changeId, half.changeId].sort());
    expect(answer.refused[0]!.reason).toMatch(/notes/);
    expect(answer.held).toEqual([fine.changeId]);
    expect((await pc.sync()).lastError).toBeNull();
    expect((await pc.clerk.ok('incoming.get', { id: doc.id })).notes).toBe('Ghi chú hợp lệ 😀');
  });

  it('a PC cuts a long file name on a character, and a bad change left in its outbox is set aside, not retried forever', async () => {
    const doc = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '10/SGDĐT-VP' });
    const name = `${'a'.repeat(254)}😀.pdf`;
    const file = await pc.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name, source: Readable.from([Buffer.from(await samplePdf())]) },
    );
    expect(file.name).toBe('a'.repeat(254));
    // As an older version might have written it: raw, around the Writer that now cleans.
    pc.t.store.sqlite
      .prepare('INSERT INTO outbox (change_id, hlc, table_name, row_id, fields) VALUES (?, ?, ?, ?, ?)')
      .run(changeId('old'), pc.t.store.clock.tick(), 'documents', doc.id, JSON.stringify({ notes: 'x\u0000y' }));
    const status = await pc.sync();
    expect(status.lastError).toBeNull();
    expect(status.setAside).toBe(1);
    expect(status.waiting).toBe(0);
    expect((await pc.sync()).setAside).toBe(1);
  });
});

describe.each(serverKinds())('a device stamping with another device’s clock, on %s (#14 finding 1)', (kind) => {
  let server: TestServer;
  let pc: Desktop;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    pc = await firstDesktop(server.url, await server.code('SGD-HT'));
  }, 60_000);
  afterAll(async () => {
    await pc?.cleanup();
    await server?.close();
  });

  it('is refused by name: a change must carry the clock its device enrolled with', async () => {
    const doc = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '11/SGDĐT-VP' });
    expect((await pc.sync()).lastError).toBeNull();
    const enrolled = await new SyncHttp(server.url).enroll({
      code: await server.code('SGD-HT'),
      deviceName: 'Máy lạ',
      hasData: false,
      clockId: 'abcdabcdabcdabcd',
    });
    const raw = new SyncHttp(server.url, enrolled.token);
    const at = new Date().toISOString();
    // The office PC's own clock, to win in its name.
    const stolen: Change = {
      changeId: changeId(`stolen-${kind}`),
      hlc: `${at}-0fff-${pc.backend.store.deviceId}`,
      table: 'documents',
      rowId: doc.id,
      fields: { notes: 'Mạo danh máy văn thư' },
    };
    const refused = await raw.push([stolen]).then(
      () => null,
      (e: { code?: string; message: string }) => e,
    );
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(refused?.message).toContain(stolen.changeId);
    const own: Change = {
      ...stolen,
      changeId: changeId(`own-${kind}`),
      hlc: `${at}-0000-abcdabcdabcdabcd`,
      fields: { notes: 'Ghi chú của máy lạ' },
    };
    expect((await raw.push([own])).held).toEqual([own.changeId]);
    // The office's PC keeps syncing.
    expect((await pc.sync()).lastError).toBeNull();
    expect((await pc.clerk.ok('incoming.get', { id: doc.id })).notes).toBe('Ghi chú của máy lạ');
  });
});
