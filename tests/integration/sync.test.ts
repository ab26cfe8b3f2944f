// Desktops and a real sync server over HTTP on 127.0.0.1: offline work on every PC, synced in
// every order, ends with the same registers everywhere; nothing typed is lost.
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/pdfFixtures.js';
import { SAMPLE } from '../helpers/office.js';
import { firstDesktop, joinDesktop, syncedSnapshot, type Desktop } from '../helpers/syncDesktops.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';

const register = (d: Desktop, code: string, summary: string) =>
  d.clerk.ok('incoming.register', { ...SAMPLE, code, summary, receivedAt: '2026-03-05T02:00:00Z' });
const registerOf = async (d: Desktop) =>
  (await d.clerk.ok('incoming.list', { limit: 500 })).items.map((i) => `${i.number}|${i.code}|${i.summary}`).sort();

describe.each(serverKinds())('sync through the server on %s', (kind) => {
  let server: TestServer;
  let a: Desktop;
  let b: Desktop;
  let c: Desktop;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    a = await firstDesktop(server.url, await server.code());
    await register(a, '1/UBND', 'Văn bản trước khi nối mạng');
    await a.sync();
    b = await joinDesktop('B', server.url, await server.code());
    c = await joinDesktop('C', server.url, await server.code());
  }, 120_000);
  afterAll(async () => {
    for (const d of [a, b, c]) await d?.cleanup();
    await server?.close();
  });

  it('a PC that joins gets the office: its users log in and its register is there', async () => {
    expect(await registerOf(b)).toEqual(await registerOf(a));
    expect(await registerOf(c)).toContain('1|1/UBND|Văn bản trước khi nối mạng');
    const status = await b.admin.ok('sync.status');
    expect(status).toMatchObject({ enrolled: true, waiting: 0, lastError: null, stopped: false });
    expect(status.lastSuccessAt).not.toBeNull();
  });

  it('offline edits on three PCs, synced in every order, end identical; concurrent edits keep the loser', async () => {
    const doc = (await a.clerk.ok('incoming.list', { limit: 10 })).items[0]!;
    const orders = [
      [a, b, c],
      [a, c, b],
      [b, a, c],
      [b, c, a],
      [c, a, b],
      [c, b, a],
    ];
    for (const [round, order] of orders.entries()) {
      // Offline: the keeper of the book registers; the others edit the same document.
      await register(a, `${round + 2}/UBND`, `Đăng ký trên máy A, vòng ${round + 1}`);
      await b.clerk.ok('incoming.update', { id: doc.id, notes: `Ghi chú của máy B, vòng ${round + 1}` });
      await c.clerk.ok('incoming.update', { id: doc.id, notes: `Ghi chú của máy C, vòng ${round + 1}` });
      await c.clerk.ok('incoming.update', { id: doc.id, pages: round + 5 });
      for (const d of order) await d.sync();
      for (const d of order) await d.sync();
      const snapshots = [a, b, c].map((d) => syncedSnapshot(d.t.store));
      expect(snapshots[1], `order ${order.map((d) => d.name).join('')}`).toEqual(snapshots[0]);
      expect(snapshots[2], `order ${order.map((d) => d.name).join('')}`).toEqual(snapshots[0]);
      const after = await a.clerk.ok('incoming.get', { id: doc.id });
      expect(after.notes).toBe(`Ghi chú của máy C, vòng ${round + 1}`); // the later edit
      expect(after.pages).toBe(round + 5); // another field of the same row is not lost
    }
    const lost = (await b.clerk.ok('sync.conflicts')).concat(await c.clerk.ok('sync.conflicts')).concat(await a.clerk.ok('sync.conflicts'));
    for (let round = 1; round <= orders.length; round++) {
      expect(
        lost.some(
          (x) =>
            x.lostValue === `Ghi chú của máy B, vòng ${round}` &&
            x.keptValue === `Ghi chú của máy C, vòng ${round}` &&
            x.fieldLabel === 'Ghi chú',
        ),
      ).toBe(true);
    }
    expect(await registerOf(b)).toEqual(await registerOf(a));
  });

  it('the conflicts list restores the losing value on every PC', async () => {
    const owner = (await b.clerk.ok('sync.conflicts')).some((x) => x.lostValue === 'Ghi chú của máy B, vòng 6')
      ? b
      : (await c.clerk.ok('sync.conflicts')).some((x) => x.lostValue === 'Ghi chú của máy B, vòng 6')
        ? c
        : a;
    const conflict = (await owner.clerk.ok('sync.conflicts')).find((x) => x.lostValue === 'Ghi chú của máy B, vòng 6')!;
    await owner.clerk.ok('sync.restoreConflict', { id: conflict.id });
    expect((await owner.clerk.ok('sync.conflicts')).find((x) => x.id === conflict.id)).toBeUndefined();
    await owner.sync();
    await a.sync();
    expect((await a.clerk.ok('incoming.get', { id: conflict.rowId })).notes).toBe('Ghi chú của máy B, vòng 6');
  });

  it('two PCs numbering one book offline: both documents kept, the clash shown on both, renumbered by the admin', async () => {
    await register(a, '10/SGD', 'Số trên máy A');
    await register(b, '11/SGD', 'Số trên máy B');
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = await a.admin.ok('sync.clashes');
    const onB = await b.admin.ok('sync.clashes');
    expect(onA).toHaveLength(1);
    expect(onB).toHaveLength(1);
    expect(onA[0]!.documents.map((d) => d.code).sort()).toEqual(['10/SGD', '11/SGD']);
    expect((await a.admin.ok('sync.status')).clashes).toBe(1);
    const fromB = onA[0]!.documents.find((d) => d.code === '11/SGD')!;
    const renumbered = await a.admin.ok('sync.renumber', { id: fromB.id });
    expect(renumbered.number).toBe(onA[0]!.number + 1);
    await a.sync();
    await b.sync();
    expect(await a.admin.ok('sync.clashes')).toEqual([]);
    expect(await b.admin.ok('sync.clashes')).toEqual([]);
    expect((await b.clerk.ok('incoming.get', { id: fromB.id })).number).toBe(renumbered.number);
    const history = await b.clerk.ok('incoming.history', { id: fromB.id });
    expect(JSON.stringify(history)).toContain('renumber');
  });

  it('pulled documents are searchable, and applying them writes nothing to the outbox', async () => {
    await register(a, '30/SGD', 'Hướng dẫn đánh giá học sinh tiểu học theo Thông tư mới');
    await a.sync();
    const outbox = () => (c.t.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const before = outbox();
    await c.sync();
    expect(outbox()).toBe(before);
    const found = await c.clerk.ok('search.query', { q: 'danh gia hoc sinh tieu hoc' });
    expect(found.items.some((h) => h.code === '30/SGD')).toBe(true);
  });

  it('an attachment goes up after its row, comes down when first opened (or at once, if set), checked by hash', async () => {
    const doc = await register(a, '40/SGD', 'Văn bản có tệp đính kèm');
    const pdf = await samplePdf(2, 'Kế hoạch có đính kèm');
    const added = await a.backend.attachments.add(
      { userId: null },
      { documentId: doc.id, name: 'ke-hoach.pdf', source: Readable.from([Buffer.from(pdf)]) },
    );
    expect((await a.clerk.ok('sync.status')).filesWaiting).toBe(1);
    const after = await a.sync();
    expect(after).toMatchObject({ filesWaiting: 0, waiting: 0 });
    await c.admin.ok('sync.settings', { eagerFiles: true });
    await b.sync();
    await c.sync();
    expect(b.backend.attachments.blobs.has(added.sha256)).toBe(false);
    expect(existsSync(c.backend.attachments.blobs.path(added.sha256))).toBe(true);
    const opened = await b.backend.attachments.content(added.id);
    expect(Buffer.from(opened.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect((await b.clerk.ok('sync.status')).filesWaiting).toBe(0); // not sent back
  });

  it('a deletion is a tombstone that reaches every PC', async () => {
    const doc = await register(a, '20/SGD', 'Sẽ bị hủy');
    await a.sync();
    await c.sync();
    await c.clerk.ok('incoming.cancel', { id: doc.id, reason: 'Vào sổ nhầm' });
    await c.sync();
    await a.sync();
    const row = a.t.store.sqlite.prepare('SELECT deleted_at, deleted_reason FROM documents WHERE id = ?').get(doc.id) as {
      deleted_at: string | null;
      deleted_reason: string;
    };
    expect(row.deleted_at).not.toBeNull();
    expect(row.deleted_reason).toBe('Vào sổ nhầm');
  });
});
