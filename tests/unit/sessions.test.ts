// Sessions end when idle and, however active, after a working day (#14 finding 9).
import { describe, expect, it } from 'vitest';
import { SESSION_MAX_MS, SessionStore } from '../../electron/backend/sessions.js';

describe('sessions', () => {
  it('end after 12 hours even when used every minute, and after 8 idle hours', () => {
    let now = 0;
    const sessions = new SessionStore(8 * 60 * 60 * 1000, () => now);
    const busy = sessions.create('u1');
    for (now = 0; now < SESSION_MAX_MS; now += 60_000) expect(sessions.get(busy.token)?.userId).toBe('u1');
    now = SESSION_MAX_MS + 1;
    expect(sessions.get(busy.token)).toBeNull();
    const idle = sessions.create('u2');
    now += 8 * 60 * 60 * 1000 + 1;
    expect(sessions.get(idle.token)).toBeNull();
  });
});
