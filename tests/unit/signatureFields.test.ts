// The small readings of a signature: names as Vietnamese CAs write them, and PDF dates.
import { describe, expect, it } from 'vitest';
import { pdfDate } from '../../electron/pdf/signatures/pdfSignatures.js';
import { decodedName } from '../../electron/pdf/signatures/verifySignature.js';

describe('signature fields', () => {
  it('a name in UTF-8 bytes put in a Latin-1 string type reads as the Vietnamese it is; others stay', () => {
    expect(decodedName(Buffer.from('Nguyễn Văn An', 'utf8').toString('latin1'))).toBe('Nguyễn Văn An');
    expect(decodedName('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(decodedName('Müller')).toBe('Müller'); // real Latin-1, not UTF-8 bytes
    expect(decodedName('test-pdf-signer')).toBe('test-pdf-signer');
  });

  it('PDF dates with their zone; not a date is null', () => {
    expect(pdfDate("D:20260509101500+07'00'")).toBe('2026-05-09T03:15:00.000Z');
    expect(pdfDate('D:20260509')).toBe('2026-05-09T00:00:00.000Z');
    expect(pdfDate('D:20261202150442Z')).toBe('2026-12-02T15:04:42.000Z');
    expect(pdfDate('hôm qua')).toBeNull();
    expect(pdfDate(null)).toBeNull();
  });
});
