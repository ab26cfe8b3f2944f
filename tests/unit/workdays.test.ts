// Deadlines in working days: weekends, public holidays, Tết and the year end.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../shared/domain/workdays.js';

const cal = new WorkCalendar(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2027-01-04']);

describe('working days', () => {
  it('skips the weekend', () => {
    expect(cal.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Friday + 1 → Monday
    expect(cal.addWorkingDays('2026-11-28', 0)).toBe('2026-11-30'); // a Saturday rolls to Monday
    expect(cal.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
  });

  it('skips fixed holidays and the office’s list (Tết)', () => {
    expect(cal.isWorkingDay('2026-09-02')).toBe(false); // Quốc khánh
    expect(cal.isWorkingDay('2026-04-30')).toBe(false);
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23'); // Friday before Tết → Monday after
  });

  it('crosses the year end', () => {
    // Thu 31/12/2026 + 2: Fri 1/1 is a holiday, Mon 4/1/2027 is in the list → Tue 5/1, Wed 6/1.
    expect(cal.addWorkingDays('2026-12-31', 2)).toBe('2027-01-06');
    expect(cal.workingDaysUntil('2026-12-31', '2027-01-06')).toBe(2);
  });

  it('counts days left and days late', () => {
    expect(cal.workingDaysUntil('2026-11-27', '2026-11-27')).toBe(0);
    expect(cal.workingDaysUntil('2026-11-27', '2026-11-30')).toBe(1);
    expect(cal.workingDaysUntil('2026-11-30', '2026-11-27')).toBe(-1);
    expect(cal.workingDaysUntil('2026-11-28', '2026-11-27')).toBe(-1); // overdue on a Saturday
  });
});
