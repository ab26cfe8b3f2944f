// Số đến: per book per year (Asia/Ho_Chi_Minh), from 1, gap-free — however it is pushed.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleForTest } from '../helpers/bundle.js';
import { INCOMING_DEFAULTS, registerIncoming, type RegisterIncoming } from '../../db/incoming/incoming.js';
import { initialize } from '../../db/admin/setup.js';
import { mutate, type WriteContext } from '../../db/core/write.js';
import { bookFor } from '../../db/registers/books.js';
import { officeYear } from '../../shared/text/dates.js';
import { defaultMigrationsFolder } from '../../db/core/store.js';
import { manualClock, tempStore, type TempStore } from '../helpers/tempStore.js';

const base: RegisterIncoming = {
  agency: 'Bộ Giáo dục và Đào tạo',
  code: '1/BGDĐT-GDTrH',
  type: 'CV',
  issuedDate: '2026-01-02',
  summary: 'Công văn',
  ...INCOMING_DEFAULTS,
};

let t: TempStore;
/** The admin's: a new yearly book is an authority change, signed (shared/sync/authority.ts). */
let ctx: WriteContext;
afterEach(() => t?.cleanup());

function setUp(startIso: string) {
  const clock = manualClock(startIso);
  t = tempStore({ now: clock.now });
  ctx = initialize(t.store, {
    unitName: 'Sở GD-ĐT',
    unitCode: 'SGDĐT',
    adminUsername: 'admin',
    adminFullName: 'Quản trị',
    adminPasswordHash: 'x',
  });
  return clock;
}

describe('số đến', () => {
  it('runs 1…1000 with no gap and no repeat', () => {
    setUp('2026-06-01T03:00:00Z');
    const numbers = Array.from(
      { length: 1000 },
      (_, i) => registerIncoming(t.store, ctx, { ...base, code: `${i + 1}/BGDĐT-GDTrH` }).number,
    );
    expect(numbers).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('does not spend a number on a refused registration', () => {
    setUp('2026-06-01T03:00:00Z');
    expect(registerIncoming(t.store, ctx, base).number).toBe(1);
    expect(() => registerIncoming(t.store, ctx, base)).toThrow(/đã vào sổ/);
    expect(() => registerIncoming(t.store, ctx, { ...base, code: '2/X', type: 'KHÔNG-CÓ' })).toThrow(/chưa có trong danh mục/);
    expect(registerIncoming(t.store, ctx, { ...base, code: '3/BGDĐT-GDTrH' }).number).toBe(2);
  });

  it('starts again at 1 at 00:00 on 1 January in Hà Nội, in a new yearly book', () => {
    const clock = setUp('2026-12-31T16:58:00Z'); // 23:58 on 31/12 in Hà Nội
    expect(registerIncoming(t.store, ctx, { ...base, code: '1/A' }).number).toBe(1);
    clock.set('2026-12-31T16:59:59.999Z');
    const last = registerIncoming(t.store, ctx, { ...base, code: '2/A' });
    expect([last.number, last.year, last.bookName]).toEqual([2, 2026, 'Sổ văn bản đến 2026']);
    clock.set('2026-12-31T17:00:00.000Z'); // 00:00 on 01/01/2027 in Hà Nội, still 31/12 in UTC
    const first = registerIncoming(t.store, ctx, { ...base, code: '3/A' });
    expect([first.number, first.year, first.bookName]).toEqual([1, 2027, 'Sổ văn bản đến 2027']);
    // A late paper for the old year still goes on the old year's series.
    const late = registerIncoming(t.store, ctx, { ...base, code: '4/A', receivedAt: '2026-12-31T10:00:00Z' });
    expect([late.number, late.year]).toEqual([3, 2026]);
  });

  for (const kind of ['incoming', 'outgoing'] as const) {
    it(`gives distinct consecutive ${kind === 'incoming' ? 'số đến' : 'số đi (lấy số)'} to two writers on the same file at once`, async () => {
      setUp(new Date().toISOString());
      // The year's outgoing book is opened here, signed: the workers only take numbers from it.
      if (kind === 'outgoing')
        mutate(t.store, ctx, (w) => bookFor(w, 'outgoing', officeYear(t.store.now()), undefined, 'general', 'Công văn'));
      const { file: outfile, dir: out } = await bundleForTest(join(import.meta.dirname, 'fixtures/registerWorker.ts'), 'registerWorker');
      const gate = new SharedArrayBuffer(4);
      const run = (prefix: string) =>
        new Promise<{ numbers: number[]; started: number; ended: number }>((resolve, reject) => {
          const w = new Worker(outfile, {
            workerData: { file: t.file, count: 150, prefix, gate, kind, migrationsFolder: defaultMigrationsFolder() },
          });
          w.once('message', resolve);
          w.once('error', reject);
        });
      const [a, b] = await Promise.all([run('A'), run('B')]).finally(() => rmSync(out, { recursive: true, force: true }));
      const all = [...a.numbers, ...b.numbers].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      // Both were writing at the same time, not one after the other.
      expect(a.started).toBeLessThan(b.ended);
      expect(b.started).toBeLessThan(a.ended);
    });
  }
});
