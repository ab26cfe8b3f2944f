// The update policy with a stand-in updater and host: off without a URL; the generic provider at
// the office's URL; checked at start and daily; asked once downloaded; installed on quit, but
// only once no write (a backup, a file copy) is under way.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { UpdateLoop, type UpdateHost, type UpdaterLike } from '../../electron/updates/updateLoop.js';
import { preseedSchema } from '../../shared/api/preseed.js';
import { isHttpsOrLocal } from '../../shared/sync/secureUrl.js';

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feed: unknown = null;
  checks = 0;
  installs = 0;
  setFeedURL(o: { provider: 'generic'; url: string }) {
    this.feed = o;
  }
  async checkForUpdates() {
    this.checks++;
    return null;
  }
  quitAndInstall() {
    this.installs++;
  }
}

function host(answer: boolean) {
  const h = {
    busyWith: null as string | null,
    asked: [] as string[],
    logs: [] as string[],
    daily: [] as (() => void)[],
    later: [] as (() => void)[],
    ask: async (v: string) => (h.asked.push(v), answer),
    busy: () => h.busyWith,
    log: (m: string) => void h.logs.push(m),
    setInterval: (fn: () => void, ms: number) => (expect(ms).toBe(86_400_000), h.daily.push(fn), {}),
    setTimeout: (fn: () => void) => void h.later.push(fn),
  };
  return h satisfies UpdateHost;
}

describe('updates', () => {
  it('are off when no URL is set', () => {
    const u = new FakeUpdater();
    expect(UpdateLoop.start(null, u, host(true))).toBeNull();
    expect(UpdateLoop.start('', u, host(true))).toBeNull();
    expect(u.checks).toBe(0);
  });

  it('use the generic provider, check at start and daily, and download in the background', async () => {
    const u = new FakeUpdater();
    const h = host(true);
    UpdateLoop.start('https://may-chu.sgd.local/capnhat', u, h);
    expect(u.feed).toEqual({ provider: 'generic', url: 'https://may-chu.sgd.local/capnhat' });
    expect([u.autoDownload, u.autoInstallOnAppQuit]).toEqual([true, false]);
    expect(u.checks).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    h.daily[0]!();
    await new Promise((r) => setTimeout(r, 0));
    expect(u.checks).toBe(2);
    u.emit('error', new Error('mất mạng'));
    expect(h.logs.at(-1)).toMatch(/mất mạng/);
  });

  it('ask once downloaded, then install on quit — after the backup under way ends', async () => {
    const u = new FakeUpdater();
    const h = host(true);
    const loop = UpdateLoop.start('https://x.local/u', u, h)!;
    expect(loop.onQuit()).toBe(false); // nothing downloaded: a normal quit
    u.emit('update-downloaded', { version: '0.2.0' });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.asked).toEqual(['0.2.0']);
    h.busyWith = 'Đang sao lưu';
    expect(loop.onQuit()).toBe(true);
    expect(u.installs).toBe(0);
    expect(h.logs.at(-1)).toMatch(/Chờ đang sao lưu xong/);
    h.busyWith = null;
    h.later.shift()!();
    expect(u.installs).toBe(1);
    expect(loop.onQuit()).toBe(false); // the installer's own quit goes through
  });

  it('stay out of the way when the user says later', async () => {
    const u = new FakeUpdater();
    const loop = UpdateLoop.start('https://x.local/u', u, host(false))!;
    u.emit('update-downloaded', { version: '0.2.0' });
    await new Promise((r) => setTimeout(r, 0));
    expect(loop.onQuit()).toBe(false);
    expect(u.installs).toBe(0);
  });
});

describe('the update address', () => {
  it('is used only over https (or http to this very PC): an update is a program the PC runs', () => {
    const h = host(true);
    const u = new FakeUpdater();
    expect(UpdateLoop.start('http://may-chu.sgd.local/capnhat', u, h)).toBeNull();
    expect(h.logs.join('\n')).toMatch(/https/);
    expect(UpdateLoop.start('https://nguoi:matkhau@may-chu.sgd.local/', u, h)).toBeNull();
    expect(u.feed).toBeNull();
    expect(isHttpsOrLocal('http://127.0.0.1:8787/capnhat')).toBe(true);
    expect(isHttpsOrLocal('http://127.0.0.1.evil.example/')).toBe(false);
    expect(preseedSchema.safeParse({ updates: { url: 'http://may-chu.sgd.local/' } }).success).toBe(false);
    expect(preseedSchema.safeParse({ updates: { url: 'https://may-chu.sgd.local/' } }).success).toBe(true);
  });
});
