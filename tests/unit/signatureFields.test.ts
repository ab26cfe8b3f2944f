// The small readings of a signature: names as Vietnamese CAs write them, and PDF dates.
import { describe, expect, it } from 'vitest';
import { pdfDate } from '../../electron/pdf/signatures/pdfSignatures.js';
import { decodedName } from '../../electron/pdf/signatures/verifySignature.js';
import { REVOCATION_UNCHECKED, signatureVerdict } from '../../shared/domain/signatureVerdict.js';

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

describe('what a check amounts to', () => {
  const base = { intact: true, problem: null, trusted: true, trustProblem: null, coversWholeFile: true };
  it('valid, untrusted or invalid — always saying revocation was not checked where the bytes hold', () => {
    expect(signatureVerdict(base)).toMatchObject({ level: 'valid', label: 'Hợp lệ' });
    expect(signatureVerdict(base).notes.at(-1)).toBe(REVOCATION_UNCHECKED);
    const later = signatureVerdict({ ...base, coversWholeFile: false });
    expect(later.level).toBe('valid');
    expect(later.notes.join(' ')).toMatch(/thêm sau khi ký/);
    const stamped = signatureVerdict({ ...base, coversWholeFile: false, later: 'annotations' });
    expect(stamped.level).toBe('valid');
    expect(stamped.notes.join(' ')).toMatch(/dấu ĐẾN/);
    const redrawn = signatureVerdict({ ...base, coversWholeFile: false, later: 'content' });
    expect(redrawn).toMatchObject({ level: 'untrusted', label: 'Bị sửa sau khi ký' });
    expect(redrawn.notes.join(' ')).toMatch(/khác bản đã ký/);
    expect(signatureVerdict({ ...base, trusted: false, trustProblem: 'X' })).toMatchObject({ level: 'untrusted', label: 'Chưa tin cậy' });
    const bad = signatureVerdict({ ...base, intact: false, problem: 'Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).' });
    expect(bad).toMatchObject({
      level: 'invalid',
      label: 'Không hợp lệ',
      notes: ['Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).'],
    });
  });
});
