// The hybrid logical clock's stamp, as every side reads it: "<ISO millis>-<counter hex4>-<device>".
// Plain string order is causal order, so a stamp that merely looks right ("9999-99-99T99…") would
// sort after every real one and win every comparison forever: it is read strictly or not at all.

export const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{1,64})$/;

export interface HlcParts {
  millis: number;
  counter: number;
  deviceId: string;
}

/** The stamp's parts when it names a real instant (the ISO text is exactly that instant's), else null. */
export function readHlc(stamp: string): HlcParts | null {
  const m = HLC_PATTERN.exec(stamp);
  if (!m) return null;
  const millis = Date.parse(m[1]!);
  if (!Number.isFinite(millis) || new Date(millis).toISOString() !== m[1]) return null;
  return { millis, counter: parseInt(m[2]!, 16), deviceId: m[3]! };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && readHlc(stamp) !== null;
}
