// Dates travel as 'YYYY-MM-DD', instants as ISO-8601 UTC; people see dd/mm/yyyy.
// Vietnam keeps UTC+7 all year (no daylight saving), the zone the decree's calendar year runs in.
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function officeParts(instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** The office's calendar date of an instant, 'YYYY-MM-DD'. */
// Vietnam has kept UTC+7 without daylight saving since 1975: a plain offset is exact from then
// on, and much cheaper than Intl on the write path. Earlier instants go through Intl.
const FIXED_OFFSET_SINCE = Date.UTC(1976, 0, 1);
const OFFSET_MS = 7 * 60 * 60 * 1000;

export function officeDate(instant: Date | string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const t = d.getTime();
  if (t >= FIXED_OFFSET_SINCE) return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
  const p = officeParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The office's calendar year of an instant: the year a document's number belongs to. */
export function officeYear(instant: Date | string): number {
  return Number(officeDate(instant).slice(0, 4));
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; anything else is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as the office's 'dd/mm/yyyy HH:mm'. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  const p = officeParts(new Date(instant));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 'dd/mm/yyyy' (or d/m/yyyy, with '.' or '-') typed by a clerk → 'YYYY-MM-DD', or null. */
export function parseTypedDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}
