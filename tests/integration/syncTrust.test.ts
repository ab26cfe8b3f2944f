// Sync against a hostile device (SECURITY.md): a raw client holding a real device token sends
// what no desktop would. The server refuses it naming the change; a desktop that syncs after it
// keeps working. (#14 finding 1: a stamp that only looks like an HLC.)
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../electron/http.js';
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

describe.each(serverKinds())('a stored script in a synced attachment, on %s (#14 finding 7)', (kind) => {
  let server: TestServer;
  let pc: Desktop;
  let web: Server;
  let port = 0;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    pc = await firstDesktop(server.url, await server.code('SGD-HT'));
    web = createHttpServer({ backend: pc.backend });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    port = (web.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => web?.close(resolve));
    await pc?.cleanup();
    await server?.close();
  });

  it('reaches the desktop as bytes, served as a download under a sandbox — never as a page of the app', async () => {
    const doc = await pc.clerk.ok('incoming.register', { ...SAMPLE, code: '12/SGDĐT-VP' });
    expect((await pc.sync()).lastError).toBeNull();
    const enrolled = await new SyncHttp(server.url).enroll({ code: await server.code('SGD-HT'), deviceName: 'Máy lạ', hasData: false });
    const raw = new SyncHttp(server.url, enrolled.token);
    const html = Buffer.from('<!doctype html><script>fetch("/api/users.list",{method:"POST"}).then(r=>r.text()).then(alert)</script>');
    const sha = createHash('sha256').update(html).digest('hex');
    await raw.putFile(sha, html.length, Readable.from([html]));
    const attachmentId = changeId(`html-${kind}`).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');
    const record: Change = {
      changeId: changeId(`html-change-${kind}`),
      hlc: `${new Date().toISOString()}-0000-abcdabcdabcdabcd`,
      table: 'attachments',
      rowId: attachmentId,
      fields: {
        document_id: doc.id,
        name: 'thu-moi.html',
        mime: 'text/html',
        kind: 'pdf',
        size: html.length,
        sha256: sha,
        role: 'original',
        signed: false,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      },
    };
    expect((await raw.push([record])).held).toEqual([record.changeId]);
    // And records no store could hold: no required columns, a document that does not exist.
    const broken: Change[] = [
      {
        changeId: changeId(`bare-${kind}`),
        hlc: record.hlc.replace('-0000-', '-0001-'),
        table: 'attachments',
        rowId: `${attachmentId.slice(0, -4)}aaaa`,
        fields: { name: 'x' },
      },
      {
        // A whole document row, in a register book that does not exist.
        changeId: changeId(`orphan-${kind}`),
        hlc: record.hlc.replace('-0000-', '-0002-'),
        table: 'documents',
        rowId: '01930000-0000-7000-8000-00000000beef',
        fields: {
          kind: 'incoming',
          book_id: '01930000-0000-7000-8000-0000000b00c0',
          year: 2026,
          number: 999,
          received_at: new Date().toISOString(),
          received_date: '2026-12-01',
          agency_id: doc.agencyId,
          agency_name: 'Kẻ lạ',
          agency_key: 'ke la',
          code: '1/KL',
          code_key: '1/KL',
          type_code: 'CV',
          issued_date: '2026-12-01',
          summary: 'Văn bản ma',
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        },
      },
    ];
    expect((await raw.push(broken)).held).toHaveLength(2);
    // The desktop applies what it can and sets the rest aside; its sync goes on.
    expect((await pc.sync()).lastError).toBeNull();
    expect((await pc.sync()).lastError).toBeNull();
    expect(pc.t.store.sqlite.prepare('SELECT id FROM attachments WHERE id = ?').get(broken[0]!.rowId)).toBeUndefined();
    expect(pc.t.store.sqlite.prepare('SELECT id FROM documents WHERE id = ?').get(broken[1]!.rowId)).toBeUndefined();
    expect((await pc.clerk.ok('search.query', { q: 'Văn bản ma' })).items).toEqual([]);
    // The admin opens it in browser mode.
    const login = await fetch(`http://127.0.0.1:${port}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ username: 'quantri', password: 'matkhau-12345' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`http://127.0.0.1:${port}/files/${attachmentId}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${port}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
  });
});
