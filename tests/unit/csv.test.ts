// Old registers saved as CSV: the separator guessed, quotes as RFC 4180 has them, line endings of
// any PC, and a broken quote refused in Vietnamese instead of swallowing the rest of the file.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/imports/csv.js';

describe('parseCsv', () => {
  it('guesses the separator and reads quoted fields with doubled quotes and line breaks', () => {
    expect(parseCsv('Số đến;Trích yếu\r\n1;"Về việc ""thi"" học kỳ;\r\nlần 2"\r\n')).toEqual([
      ['Số đến', 'Trích yếu'],
      ['1', 'Về việc "thi" học kỳ;\r\nlần 2'],
    ]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('takes rows of any length, a stray quote inside a field, and mixed line endings', () => {
    expect(parseCsv('a;b;c\r\n1;5"6\n\n2;3;4;5\r')).toEqual([['a', 'b', 'c'], ['1', '5"6'], [''], ['2', '3', '4', '5']]);
  });

  it('refuses a quote that is never closed, naming the line', () => {
    expect(() => parseCsv('a;b\n1;2\n"mở mà không đóng;3\n4;5\n')).toThrow(/dòng 3.*ngoặc kép/);
  });
});
