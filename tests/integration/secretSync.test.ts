// A secret document and a second PC of the office (Luật 29/2018, Điều 5): the register entry
// syncs, the content never leaves the registering PC — not to the server, not to the other PC's
// disk — and a document made secret later is blanked where it had already gone.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncHttp } from '../../electron/sync/syncHttp.js';
import { SAMPLE } from '../helpers/office.js';
import { firstDesktop, joinDesktop, type Desktop } from '../helpers/syncDesktops.js';
import { startSyncServer, type TestServer } from '../helpers/syncServer.js';

const WORDS = 'Phương án Pterodactyl';

let server: TestServer;
let a: Desktop;
let b: Desktop;
let secretId = '';
let laterId = '';

/** What is on a PC's disk: its store file and write-ahead log, as bytes. */
function onDisk(d: Desktop): string {
  d.t.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return [d.t.file, `${d.t.file}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('utf8'))
    .join('');
}

beforeAll(async () => {
  server = await startSyncServer();
  a = await firstDesktop(server.url, await server.code('SGD-HT'));
  secretId = (
    await a.clerk.ok('incoming.register', {
      ...SAMPLE,
      code: '5/KH-BGDĐT',
      summary: `${WORDS} tuyệt mật`,
      confidentiality: 'tuyet_mat',
      notes: 'Ghi chú Brontosaurus',
    })
  ).id;
  laterId = (await a.clerk.ok('incoming.register', { ...SAMPLE, code: '6/KH-BGDĐT', summary: 'Kế hoạch Stegosaurus' })).id;
  expect((await a.sync()).lastError).toBeNull();
  b = await joinDesktop('B', server.url, await server.code('SGD-HT'));
  expect((await b.sync()).lastError).toBeNull();
}, 90_000);
afterAll(async () => {
  await b?.cleanup();
  await a?.cleanup();
  await server?.close();
});

describe('a secret document and a second PC', () => {
  it('reaches the other PC as its register entry only, shown masked even to its văn thư', async () => {
    const there = await b.clerk.ok('incoming.get', { id: secretId });
    expect(there).toMatchObject({ masked: true, summary: 'Văn bản mật', code: '5/KH-BGDĐT', confidentiality: 'tuyet_mat', notes: null });
    const e = await b.clerk.fail('incoming.history', { id: secretId });
    expect(e.message).toMatch(/chỉ lưu trên máy tính đã đăng ký/);
    expect((await b.clerk.ok('search.query', { q: 'Pterodactyl' })).items).toEqual([]);
    // Still the registering PC's văn thư reads it.
    expect((await a.clerk.ok('incoming.get', { id: secretId })).summary).toBe(`${WORDS} tuyệt mật`);
  });

  it('its content is on neither the server nor the other PC’s disk', async () => {
    const disk = onDisk(b);
    expect(disk).toContain('Stegosaurus');
    expect(disk).not.toContain('Pterodactyl');
    expect(disk).not.toContain('Brontosaurus');
    const enrolled = await new SyncHttp(server.url).enroll({
      code: await server.code('SGD-HT'),
      deviceName: 'Máy kiểm tra',
      hasData: false,
    });
    const raw = new SyncHttp(server.url, enrolled.token);
    let everything = '';
    for (let after = 0; ;) {
      const page = await raw.pull(after, 1000);
      everything += JSON.stringify(page.changes);
      if (!page.more) break;
      after = page.next;
    }
    expect(everything).toContain('5/KH-BGDĐT');
    expect(everything).not.toContain('Pterodactyl');
    expect(everything).not.toContain('Brontosaurus');
  });

  it('made secret later on its PC, it is blanked on the other PC and no longer found there by its words', async () => {
    expect((await b.clerk.ok('incoming.get', { id: laterId })).summary).toBe('Kế hoạch Stegosaurus');
    await a.clerk.ok('incoming.update', { id: laterId, confidentiality: 'mat' });
    expect((await a.sync()).lastError).toBeNull();
    expect((await b.sync()).lastError).toBeNull();
    expect(await b.clerk.ok('incoming.get', { id: laterId })).toMatchObject({ masked: true, summary: 'Văn bản mật' });
    expect((await b.clerk.ok('search.query', { q: 'Stegosaurus' })).items).toEqual([]);
    expect(b.t.store.sqlite.prepare('SELECT summary FROM documents WHERE id = ?').get(laterId)).toEqual({ summary: '' });
    // The other PC cannot write content it does not hold, nor keep files of it.
    await b.clerk.ok('incoming.update', { id: laterId, summary: 'Viết đè từ máy B', urgency: 'khan' });
    expect((await a.sync()).lastError).toBeNull();
    expect((await b.sync()).lastError).toBeNull();
    expect((await a.sync()).lastError).toBeNull();
    expect(await a.clerk.ok('incoming.get', { id: laterId })).toMatchObject({ summary: 'Kế hoạch Stegosaurus', urgency: 'khan' });
  });
});
