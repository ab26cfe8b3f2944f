// Random office days (fast-check): three PCs edit, register, cancel, sync and lose their
// connection in any order. After everyone syncs, all three hold the same rows, and every field
// holds the value of its latest write (by HLC) anywhere: concurrent edits converge, none is lost
// without a trace.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers/office.js';
import { startFaultProxy, type FaultProxy } from '../helpers/faultProxy.js';
import { firstDesktop, joinDesktop, syncedSnapshot, type Desktop } from '../helpers/syncDesktops.js';
import { serverKinds, startSyncServer, type TestServer } from '../helpers/syncServer.js';

type Op =
  | { kind: 'edit'; pc: number; doc: number; field: 'notes' | 'pages' | 'summary'; value: number }
  | { kind: 'register'; pc: number }
  | { kind: 'cancel'; pc: number; doc: number }
  | { kind: 'sync'; pc: number }
  | { kind: 'cut'; pc: number; request: 'POST /v1/push' | 'GET /v1/pull?after='; direction: 'up' | 'down'; afterBytes: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pc: fc.nat(2),
      doc: fc.nat(5),
      field: fc.constantFrom('notes' as const, 'pages' as const, 'summary' as const),
      value: fc.nat(999),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('register' as const), pc: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pc: fc.nat(2), doc: fc.nat(5) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), pc: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cut' as const),
      pc: fc.nat(2),
      request: fc.constantFrom('POST /v1/push' as const, 'GET /v1/pull?after=' as const),
      direction: fc.constantFrom('up' as const, 'down' as const),
      afterBytes: fc.integer({ min: 10, max: 4000 }),
    }),
  },
);

describe.each(serverKinds())('random offline days on %s', (kind) => {
  let server: TestServer;
  let proxy: FaultProxy;
  let pcs: Desktop[];
  let registered = 0;

  beforeAll(async () => {
    server = await startSyncServer(kind);
    proxy = await startFaultProxy(server.port);
    const a = await firstDesktop(proxy.url, await server.code());
    for (let i = 0; i < 6; i++)
      await a.clerk.ok('incoming.register', {
        ...SAMPLE,
        code: `${i}/BĐ`,
        summary: `Văn bản ban đầu ${i}`,
        receivedAt: '2026-03-05T02:00:00Z',
      });
    await a.sync();
    pcs = [a, await joinDesktop('B', proxy.url, await server.code()), await joinDesktop('C', proxy.url, await server.code())];
  }, 120_000);
  afterAll(async () => {
    for (const d of pcs ?? []) await d.cleanup();
    await proxy?.close();
    await server?.close();
  });

  it('converges to the latest write of every field, whatever happens in between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 24 }), async (ops) => {
        for (const op of ops) {
          const pc = pcs[op.pc]!;
          const docs = (await pc.clerk.ok('incoming.list', { limit: 6, ascending: true } as never)).items;
          const doc = 'doc' in op ? docs[op.doc % Math.max(1, docs.length)] : undefined;
          if (op.kind === 'edit' && doc) {
            const value =
              op.field === 'pages' ? op.value + 1 : `${op.field === 'notes' ? 'Ghi chú' : 'Trích yếu'} ${op.value} từ máy ${pc.name}`;
            await pc.clerk.raw('incoming.update', { id: doc.id, [op.field]: value });
          } else if (op.kind === 'register') {
            await pc.clerk.ok('incoming.register', {
              ...SAMPLE,
              code: `${++registered}/NN`,
              summary: `Đăng ký ngẫu nhiên ${registered} trên máy ${pc.name}`,
              receivedAt: '2026-03-06T02:00:00Z',
            });
          } else if (op.kind === 'cancel' && doc) {
            await pc.clerk.raw('incoming.cancel', { id: doc.id, reason: `Hủy trên máy ${pc.name}` });
          } else if (op.kind === 'sync') {
            await pc.sync();
          } else if (op.kind === 'cut') {
            proxy.arm({ request: op.request, direction: op.direction, afterBytes: op.afterBytes });
            await pc.sync();
            proxy.arm(null);
          }
        }
        for (let round = 0; round < 2; round++) for (const pc of pcs) expect((await pc.sync()).lastError).toBeNull();
        for (const pc of pcs) expect((await pc.clerk.ok('sync.status')).waiting).toBe(0);
        const [first, ...rest] = pcs.map((pc) => syncedSnapshot(pc.t.store));
        for (const [i, other] of rest.entries()) expect(firstDifference(other, first!), pcs[i + 1]!.name).toBeNull();
        // Each document field holds the value of its newest write on any PC.
        const latest = new Map<string, { hlc: string; value: unknown }>();
        for (const pc of pcs) {
          const rows = pc.t.store.sqlite.prepare("SELECT hlc, row_id, fields FROM outbox WHERE table_name = 'documents'").all() as {
            hlc: string;
            row_id: string;
            fields: string;
          }[];
          for (const r of rows) {
            for (const [field, value] of Object.entries(JSON.parse(r.fields) as Record<string, unknown>)) {
              if (field === 'hlc') continue; // the row's clock: the newest of its changes
              const key = `${r.row_id}.${field}`;
              if ((latest.get(key)?.hlc ?? '') < r.hlc) latest.set(key, { hlc: r.hlc, value });
            }
          }
        }
        const docs = new Map((first!.documents as Record<string, unknown>[]).map((d) => [d.id as string, d]));
        for (const [key, { value }] of latest) {
          const [id, field] = key.split('.') as [string, string];
          expect(docs.get(id)?.[field], key).toEqual(value);
        }
      }),
      { numRuns: kind === 'pglite' ? 25 : 12 },
    );
  }, 300_000);
});

/** "table row field: a ≠ b" for the first difference of two snapshots, or null. */
function firstDifference(a: Record<string, unknown[]>, b: Record<string, unknown[]>): string | null {
  for (const table of Object.keys(b)) {
    const rowsA = a[table] as Record<string, unknown>[];
    const rowsB = b[table] as Record<string, unknown>[];
    if (rowsA.length !== rowsB.length) return `${table}: ${rowsA.length} rows ≠ ${rowsB.length}`;
    for (let i = 0; i < rowsB.length; i++) {
      for (const field of Object.keys(rowsB[i]!)) {
        if (rowsA[i]![field] !== rowsB[i]![field])
          return `${table} ${String(rowsB[i]!.id ?? rowsB[i]!.key)} ${field}: ${String(rowsA[i]![field])} ≠ ${String(rowsB[i]![field])}`;
      }
    }
  }
  return null;
}
