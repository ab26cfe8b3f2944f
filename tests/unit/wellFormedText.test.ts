// Text every store and every JSON can hold (#14 finding 8).
import { describe, expect, it } from 'vitest';
import { cleanLine, cutText, isWellFormed, wellFormed } from '../../shared/text/cleanText.js';

describe('well-formed text', () => {
  it('cuts on a character: an emoji at the limit goes whole or not at all', () => {
    const name = `${'a'.repeat(254)}😀`;
    expect(cutText(name, 255)).toBe('a'.repeat(254));
    expect(cutText(name, 256)).toBe(name);
    expect(isWellFormed(cutText(name, 255))).toBe(true);
    expect(isWellFormed(name.slice(0, 255))).toBe(false);
  });

  it('drops NUL and lone surrogates, keeps pairs, Vietnamese and line breaks', () => {
    expect(wellFormed('Tr\u0000ích \uD83D yếu \uDE00😀')).toBe('Trích  yếu 😀');
    expect(cleanLine('  Kế hoạch\u0000 \uDC00thi  ')).toBe('Kế hoạch thi');
    expect(isWellFormed('Sở Giáo dục và Đào tạo\nHà Nội 😀')).toBe(true);
  });
});
