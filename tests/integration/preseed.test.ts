// vanthu.config.json for IT staff: found beside the executable or in the machine's config folder,
// checked, applied once on first start (setup prefilled, backup folder set, update URL kept),
// a broken file reported without stopping VănThư.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.js';
import { currentPreseed, preseedLocations, readPreseed } from '../../electron/config/preseed.js';
import { Caller } from '../helpers/office.js';
import { tempStore } from '../helpers/tempStore.js';

const dir = mkdtempSync(join(tmpdir(), 'vanthu-preseed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = {
  office: { name: 'Ủy ban nhân dân xã Mê Linh', code: 'UBND-ML' },
  sync: { serverUrl: 'https://vanthu.sgd.hanoi.edu.vn', enrollmentCode: 'K7P2-9QXA' },
  updates: { url: 'https://vanthu.sgd.hanoi.edu.vn/capnhat' },
  backup: { folder: join(dir, 'saoluu'), daily: true },
};

describe('vanthu.config.json', () => {
  it('is looked for beside the executable, then VANTHU_CONFIG, then the machine’s folder', () => {
    expect(preseedLocations('C:\\Program Files\\VanThu\\VanThu.exe', { ProgramData: 'C:\\ProgramData' }, 'win32').at(-1)).toBe(
      join('C:\\ProgramData', 'VanThu', 'vanthu.config.json'),
    );
    expect(preseedLocations('/opt/VanThu/vanthu', { VANTHU_CONFIG: '/srv/vt.json' }, 'linux')).toEqual([
      join('/opt/VanThu', 'vanthu.config.json'),
      '/srv/vt.json',
      '/etc/vanthu/vanthu.config.json',
    ]);
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(b, JSON.stringify(example));
    const read = readPreseed([a, b]);
    expect(read && 'config' in read ? read.config.office?.code : null).toBe('UBND-ML');
  });

  it('reports a broken or misspelt file and carries on', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "office": { "name": "Sở" }, ');
    expect(readPreseed([bad])).toMatchObject({ error: expect.stringMatching(/không phải JSON hợp lệ/) });
    writeFileSync(bad, JSON.stringify({ ofice: { name: 'Sở' } }));
    expect(readPreseed([bad])).toMatchObject({ error: expect.stringMatching(/có mục sai/) });
    writeFileSync(bad, JSON.stringify({ updates: { url: 'not a url' } }));
    expect(readPreseed([bad])).toMatchObject({ error: expect.stringMatching(/updates\.url/) });
  });

  it('prefills setup, sets the backup folder and keeps the update address — once', async () => {
    const file = join(dir, 'vanthu.config.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(example, null, 2)}`); // Notepad's BOM too
    const t = tempStore();
    mkdirSync(join(t.dir, 'files'), { recursive: true });
    const make = () => createBackend(t.store, { filesDir: join(t.dir, 'files'), log: () => {}, preseed: readPreseed([file]) });
    const backend = make();
    const anon = new Caller(backend);
    expect(await anon.ok('setup.status')).toEqual({
      initialized: false,
      preset: { unitName: 'Ủy ban nhân dân xã Mê Linh', unitCode: 'UBND-ML' },
      // A new PC of an office joins it through the sync server named here.
      join: { url: 'https://vanthu.sgd.hanoi.edu.vn', code: 'K7P2-9QXA' },
    });
    expect(backend.backups.schedule()).toEqual({ folder: join(dir, 'saoluu'), enabled: true });
    expect(currentPreseed(t.store)?.updates?.url).toBe('https://vanthu.sgd.hanoi.edu.vn/capnhat');
    // The admin changes the folder; the same file at the next start does not undo it.
    backend.backups.setSchedule(join(dir, 'usb'), true);
    await backend.close();
    const again = make();
    expect(again.backups.schedule().folder).toBe(join(dir, 'usb'));
    await again.close();
    t.cleanup();
  });
});
