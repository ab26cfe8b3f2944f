// The số and the date an issued document left blank (Decree 30 Appendix I), found on the page's
// runs of text and filled as the decree writes them.
import { describe, expect, it } from 'vitest';
import { decreeDayMonth, issueBlanks } from '../../shared/domain/issueBlanks.js';

// A monospaced stand-in for the font: every character 0.5 em.
const measure = (t: string, size: number) => t.length * size * 0.5;
const run = (text: string, x: number, y = 80) => ({ text, x, y, width: measure(text, 13), height: 16.25 });

describe('blanks left for the văn thư', () => {
  it('a day below 10 and the months 1 and 2 take a leading 0; the others do not', () => {
    expect(decreeDayMonth('2026-02-05')).toEqual({ day: '05', month: '02' });
    expect(decreeDayMonth('2026-03-15')).toEqual({ day: '15', month: '3' });
    expect(decreeDayMonth('2026-12-01')).toEqual({ day: '01', month: '12' });
  });

  it('the number ends before the slash; the day and month sit in their gaps; a filled line is left alone', () => {
    const found = issueBlanks(
      [run('Số:', 100), run('/KH-SGDĐT', 160), run('Hà Tĩnh, ngày', 300), run('tháng', 420), run('năm 2026', 500)],
      { number: '01', day: '05', month: '02' },
      measure,
    );
    expect(found.map((b) => [b.text, Math.round(b.x), b.alignRight ?? false])).toEqual([
      ['01', 159, true],
      // "Hà Tĩnh, ngày" ends at 300 + 84.5; "tháng" starts at 420: 13 wide, centred.
      ['05', Math.round(384.5 + (420 - 384.5 - 13) / 2), false],
      ['02', Math.round(452.5 + (500 - 452.5 - 13) / 2), false],
    ]);
    expect(
      issueBlanks(
        [run('Số: 12/KH-SGDĐT', 100), run('Hà Tĩnh, ngày 05 tháng 02 năm 2026', 300)],
        { number: '1', day: '1', month: '1' },
        measure,
      ),
    ).toEqual([]);
  });
});
