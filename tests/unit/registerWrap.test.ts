// The printed register wraps a long code the way a clerk writes it on two lines: after its slash
// or dash, never inside the symbol ("1234/SGDĐT-GDT|H" was printed before).
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedTinos } from '../../electron/pdf/fonts.js';
import { wrap } from '../../electron/pdf/registerPdf.js';

describe('the printed register’s line breaks', () => {
  it('breaks a code after / or -, and a summary between words', async () => {
    const doc = await PDFDocument.create();
    const { regular } = await embedTinos(doc);
    const size = 9;
    const code = '1234/SGDĐT-GDTH';
    const narrow = regular.widthOfTextAtSize('1234/SGDĐT-GD', size);
    const lines = wrap(code, regular, size, narrow);
    expect(lines).toEqual(['1234/SGDĐT-', 'GDTH']);
    expect(lines.join('')).toBe(code);
    const narrower = regular.widthOfTextAtSize('1234/SGD', size);
    expect(wrap(code, regular, size, narrower)).toEqual(['1234/', 'SGDĐT-', 'GDTH']);
    expect(wrap('Kế hoạch tổ chức kỳ thi', regular, size, regular.widthOfTextAtSize('Kế hoạch tổ', size))).toEqual([
      'Kế hoạch tổ',
      'chức kỳ thi',
    ]);
  });
});
