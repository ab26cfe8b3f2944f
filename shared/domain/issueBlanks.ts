// Where an issued document left its số and date blank for the văn thư (Decree 30/2020, Appendix
// I: "Số:    /KH-SGDĐT", "Hà Tĩnh, ngày   tháng   năm 2026"), found on page 1's lines, and what
// goes in them. Widths come from a measure of the document's font (Times New Roman's metrics:
// Tinos), scaled to the line as the page shows it. A line already filled is left alone.
import type { Rect, TextLine } from './stampPlace.js';

export interface Blank {
  /** Where the text goes: its left end (or right end when `alignRight`), baseline, size. */
  x: number;
  baseline: number;
  size: number;
  text: string;
  alignRight?: boolean;
}

type Measure = (text: string, size: number) => number;

/** The font size of a line as pdf.js boxes it (the box is the size and a quarter below). */
const sizeOf = (l: Rect) => l.height / 1.25;

/**
 * A row of the page as one string, its items joined by a space, with where each character
 * stands: pdf.js cuts a line at a wide blank ("Số:" and "/KH-SGDĐT"), and inside a run the
 * font's metrics, scaled to the run's width, place the characters.
 */
interface Row {
  text: string;
  y: number;
  size: number;
  xAt(index: number): number;
}

function rowsOf(items: readonly TextLine[], measure: Measure): Row[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextLine[][] = [];
  for (const it of sorted) {
    const g = groups.find((r) => Math.abs(r[0]!.y - it.y) < Math.max(2, r[0]!.height * 0.25));
    if (g) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    const parts = g.sort((a, b) => a.x - b.x);
    const starts: number[] = [];
    let text = '';
    for (const p of parts) {
      if (text) text += ' ';
      starts.push(text.length);
      text += p.text;
    }
    const size = sizeOf(parts[0]!);
    return {
      text,
      y: Math.min(...parts.map((p) => p.y)),
      size,
      xAt(index: number) {
        let k = starts.length - 1;
        while (k > 0 && starts[k]! > index) k--;
        const part = parts[k]!;
        const offset = index - starts[k]!;
        // A joining space stands where the run before it ends.
        if (offset >= part.text.length) return part.x + part.width;
        const whole = measure(part.text, sizeOf(part));
        return part.x + (whole > 0 ? (measure(part.text.slice(0, offset), sizeOf(part)) * part.width) / whole : 0);
      },
    };
  });
}

export function issueBlanks(items: readonly TextLine[], fill: { number: string; day: string; month: string }, measure: Measure): Blank[] {
  const blanks: Blank[] = [];
  const rows = rowsOf(
    items.filter((l) => l.y < 300),
    measure,
  );
  for (const row of rows) {
    // "Số:   /KH-SGDĐT" — nothing but spaces or dots between the colon and the slash.
    const number = /(?:^| )Số\s*:[\s.…]*\//.exec(row.text);
    if (number) {
      blanks.push({
        x: row.xAt(number.index + number[0].length - 1) - 1,
        baseline: row.y + row.size,
        size: row.size,
        text: fill.number,
        alignRight: true,
      });
    }
    // ", ngày   tháng   năm" — the day and the month missing.
    const date = /ngày([\s.…]+)tháng([\s.…]+)năm/.exec(row.text);
    if (date) {
      const dayFrom = date.index + 'ngày'.length;
      const monthFrom = dayFrom + date[1]!.length + 'tháng'.length;
      // Centred in the gap between the word before and the word after.
      const centred = (from: number, to: number, text: string) => {
        const start = row.xAt(from);
        return start + (row.xAt(to) - start - measure(text, row.size)) / 2;
      };
      const baseline = row.y + row.size;
      blanks.push({ x: centred(dayFrom, dayFrom + date[1]!.length, fill.day), baseline, size: row.size, text: fill.day });
      blanks.push({ x: centred(monthFrom, monthFrom + date[2]!.length, fill.month), baseline, size: row.size, text: fill.month });
    }
  }
  return blanks;
}

/** The day and month as the decree writes them: a day below 10 and the months 1 and 2 with a leading 0 ("05", "02", "3", "12"). */
export function decreeDayMonth(isoDate: string): { day: string; month: string } {
  const [, m = '1', d = '1'] = isoDate.split('-');
  const day = Number(d);
  const month = Number(m);
  return { day: String(day).padStart(2, '0'), month: month <= 2 ? String(month).padStart(2, '0') : String(month) };
}
