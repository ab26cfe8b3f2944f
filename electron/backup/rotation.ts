// Which backups to keep: the newest of each of the last 7 days that have one, and the newest of
// each of the 4 weeks before those.
export function pickToKeep(backups: { path: string; at: Date }[], daily = 7, weekly = 4): string[] {
  const sorted = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep: string[] = [];
  const days = new Set<string>();
  const weeks = new Set<string>();
  let weeklyKept = 0;
  for (const b of sorted) {
    const day = officeDay(b.at);
    if (days.size < daily) {
      if (!days.has(day)) {
        days.add(day);
        keep.push(b.path);
        weeks.add(weekOf(b.at)); // a week with a daily one kept needs no weekly one
      }
      continue;
    }
    const week = weekOf(b.at);
    if (!weeks.has(week) && weeklyKept < weekly) {
      weeks.add(week);
      keep.push(b.path);
      weeklyKept++;
    }
  }
  return keep;
}

function officeDay(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Monday of the office-time week. */
function weekOf(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3_600_000);
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}
