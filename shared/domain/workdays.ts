// Deadlines count working days: Saturdays, Sundays and holidays are skipped. The fixed public
// holidays come every year; Tết and Giỗ Tổ follow the lunar calendar, so their dates (and any
// compensatory days off) are kept in the office's settings list.
export const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02'] as const;

/** The 2026 days off announced for public servants (Tết Bính Ngọ, Giỗ Tổ, Quốc khánh). */
export const DEFAULT_HOLIDAYS_2026 = [
  '2026-02-14',
  '2026-02-15',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-02-21',
  '2026-02-22',
  '2026-04-27',
  '2026-09-01',
] as const;

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export class WorkCalendar {
  private readonly holidays: Set<string>;

  constructor(holidays: Iterable<string> = DEFAULT_HOLIDAYS_2026) {
    this.holidays = new Set(holidays);
  }

  isWorkingDay(iso: string): boolean {
    const day = toDate(iso).getUTCDay();
    if (day === 0 || day === 6) return false;
    return !this.holidays.has(iso) && !(FIXED_HOLIDAYS as readonly string[]).includes(iso.slice(5));
  }

  /** The date `n` working days after `iso` (n ≥ 0; 0 gives the next working day if `iso` is not one). */
  addWorkingDays(iso: string, n: number): string {
    const d = toDate(iso);
    let left = n;
    while (!this.isWorkingDay(toIso(d))) d.setUTCDate(d.getUTCDate() + 1);
    while (left > 0) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (this.isWorkingDay(toIso(d))) left -= 1;
    }
    return toIso(d);
  }

  /**
   * Working days from `today` until `deadline`: 0 when due today, negative when overdue (the
   * number of working days late), positive when ahead.
   */
  workingDaysUntil(today: string, deadline: string): number {
    if (deadline === today) return 0;
    const sign = deadline > today ? 1 : -1;
    const [from, to] = sign > 0 ? [today, deadline] : [deadline, today];
    const d = toDate(from);
    let count = 0;
    while (toIso(d) < to) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (this.isWorkingDay(toIso(d))) count += 1;
    }
    return sign * (sign < 0 ? Math.max(count, 1) : count);
  }
}
