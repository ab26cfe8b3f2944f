import { describe, expect, it } from 'vitest';
import { HybridClock, MAX_DRIFT_MS, parseHlc } from '../../db/core/hlc.js';

describe('the hybrid logical clock', () => {
  it('orders stamps as text even when the wall clock stands still or goes back', () => {
    let wall = Date.parse('2026-11-26T08:00:00Z');
    const clock = new HybridClock('00aa00aa00aa00aa', null, () => wall);
    const stamps: string[] = [];
    for (let i = 0; i < 70_000; i++) stamps.push(clock.tick()); // past the 16-bit counter
    wall -= 3_600_000; // someone set the PC's clock an hour back
    for (let i = 0; i < 10; i++) stamps.push(clock.tick());
    const sorted = [...stamps].sort();
    expect(sorted).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('resumes after the last stamp it stored', () => {
    const last = '2026-11-26T08:00:00.000Z-0005-00aa00aa00aa00aa';
    const clock = new HybridClock('00aa00aa00aa00aa', last, () => Date.parse('2026-01-01T00:00:00Z'));
    expect(clock.tick() > last).toBe(true);
  });

  it('moves past a remote stamp and refuses one far in the future', () => {
    const wall = Date.parse('2026-11-26T08:00:00Z');
    const clock = new HybridClock('00aa00aa00aa00aa', null, () => wall);
    const remote = '2026-11-26T08:05:00.000Z-0003-00bb00bb00bb00bb';
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
    const farAhead = new Date(wall + MAX_DRIFT_MS + 60_000).toISOString() + '-0000-00bb00bb00bb00bb';
    expect(() => clock.receive(farAhead)).toThrow();
    expect(parseHlc(clock.current()).deviceId).toBe('00aa00aa00aa00aa');
  });
});
