// The small rules of the sync module: which server addresses a PC accepts, and how long it waits
// after failures.
import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS } from '../../electron/sync/backoff.js';
import { normalizeServerUrl } from '../../electron/sync/serverUrl.js';

describe('the server address', () => {
  it('takes https, and http only to this very PC', () => {
    expect(normalizeServerUrl(' https://dongbo.pgd.edu.vn/ ')).toBe('https://dongbo.pgd.edu.vn');
    expect(normalizeServerUrl('https://sgd.hanoi.edu.vn/vanthu/dongbo/')).toBe('https://sgd.hanoi.edu.vn/vanthu/dongbo');
    expect(normalizeServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const bad of [
      'http://dongbo.pgd.edu.vn',
      'http://192.168.1.10:8787',
      'ftp://x.vn',
      'dongbo.pgd.edu.vn',
      'https://admin:mk@dongbo.vn',
    ]) {
      expect(() => normalizeServerUrl(bad), bad).toThrow(/https|hợp lệ|mật khẩu/);
    }
  });
});

describe('waiting after failures', () => {
  it('doubles from 5 s up to 10 minutes, each wait drawn between half and the whole', () => {
    expect(backoffDelay(1, () => 0)).toBe(2500);
    expect(backoffDelay(1, () => 1)).toBe(5000);
    expect(backoffDelay(3, () => 1)).toBe(20_000);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(30, () => 0)).toBe(BACKOFF_MAX_MS / 2);
    // A hundred PCs failing together do not all come back at the same moment.
    const waits = new Set(Array.from({ length: 100 }, () => backoffDelay(4)));
    expect(waits.size).toBeGreaterThan(50);
  });
});
