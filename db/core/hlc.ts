// Hybrid logical clock (the idea of Actual Budget's crdt/timestamp.ts). A stamp is
// "<ISO millis>-<counter hex4>-<device id>", so plain string order is causal order,
// ties broken by device id.
import { MAX_CLOCK_AHEAD_MS } from '../../shared/sync/protocol.js';
import { readHlc } from '../../shared/sync/hlc.js';

export const MAX_DRIFT_MS = MAX_CLOCK_AHEAD_MS;

export interface HlcState {
  millis: number;
  counter: number;
}

export function formatHlc(state: HlcState, deviceId: string): string {
  return `${new Date(state.millis).toISOString()}-${state.counter.toString(16).padStart(4, '0')}-${deviceId}`;
}

export function parseHlc(stamp: string): HlcState & { deviceId: string } {
  const parts = readHlc(stamp);
  if (!parts) throw new Error(`bad HLC stamp: ${stamp.slice(0, 80)}`);
  return parts;
}

export class HybridClock {
  private state: HlcState;

  constructor(
    readonly deviceId: string,
    last: string | null,
    private readonly wallClock: () => number,
  ) {
    this.state = last ? parseHlc(last) : { millis: 0, counter: 0 };
  }

  /** A stamp for a local change: never below the last one, even if the wall clock went back. */
  tick(): string {
    const wall = this.wallClock();
    if (wall > this.state.millis) this.state = { millis: wall, counter: 0 };
    else this.state = { millis: this.state.millis, counter: this.state.counter + 1 };
    // A wall clock that stands still or went back: logical time steps ahead by a millisecond
    // rather than running out of counter.
    if (this.state.counter > 0xffff) this.state = { millis: this.state.millis + 1, counter: 0 };
    return formatHlc(this.state, this.deviceId);
  }

  /** Take in a stamp from another device (sync), so later local stamps sort after it. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.wallClock();
    if (r.millis - wall > MAX_DRIFT_MS) throw new Error('remote clock too far ahead');
    const millis = Math.max(wall, this.state.millis, r.millis);
    let counter = 0;
    if (millis === this.state.millis && millis === r.millis) counter = Math.max(this.state.counter, r.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === r.millis) counter = r.counter + 1;
    this.state = { millis, counter };
  }

  /**
   * Back to a wall clock that was wrong and is now right (db/sync/restamp.ts): the only way this
   * clock ever goes back, for stamps no other device has accepted.
   */
  rewind(millis: number): void {
    this.state = { millis, counter: 0 };
  }

  current(): string {
    return formatHlc(this.state, this.deviceId);
  }
}
