import { describe, expect, it } from 'vitest';
import { buildSymbol, patternFor, type SymbolSettings } from '../../shared/domain/symbols.js';

const settings: SymbolSettings = { organ: 'SGDĐT', patterns: { TTr: '{so}/{loai}-{coquan}-{donvi}', QĐ: '{so}/{nam}/{loai}-{coquan}' } };
const sym = (type: string, number: number, unit: string | null = 'VP') =>
  buildSymbol(patternFor(type, settings), { number, typeCode: type, organ: settings.organ, unit, year: 2026 });

describe('số và ký hiệu', () => {
  it('puts the type part first for typed documents', () => {
    expect(sym('KH', 7)).toBe('07/KH-SGDĐT');
    expect(sym('BC', 142)).toBe('142/BC-SGDĐT');
  });
  it('writes a công văn as organ–drafting unit, with no type part', () => {
    expect(sym('CV', 123)).toBe('123/SGDĐT-VP');
    expect(sym('CV', 5, null)).toBe('05/SGDĐT');
    expect(sym('TCg', 9, 'TCCB')).toBe('09/SGDĐT-TCCB');
  });
  it('keeps đ in abbreviations, upper case, and follows the office’s own patterns', () => {
    expect(sym('ĐA', 3)).toBe('03/ĐA-SGDĐT');
    expect(sym('TTr', 12)).toBe('12/TTr-SGDĐT-VP');
    expect(sym('CTr', 2)).toBe('02/CTr-SGDĐT');
    expect(sym('QĐ', 30)).toBe('30/2026/QĐ-SGDĐT');
    expect(buildSymbol('{so}/{loai}-{coquan}', { number: 1, typeCode: 'QĐ', organ: 'pgdđt', unit: null, year: 2026 })).toBe('01/QĐ-PGDĐT');
  });
});
