import { describe, expect, it } from 'vitest';
import { agencyKey, codeKey, foldVietnamese, searchTokens } from '../../shared/text/searchKey.js';
import { cleanLine, cleanText } from '../../shared/text/cleanText.js';
import { formatDate, isRealDate, officeDate, officeYear, parseTypedDate } from '../../shared/text/dates.js';

describe('the Vietnamese search key', () => {
  it('folds tones, đ and multi-mark letters', () => {
    expect(foldVietnamese('Kế hoạch')).toBe('ke hoach');
    expect(foldVietnamese('Đào tạo')).toBe('dao tao');
    expect(foldVietnamese('Nội dung')).toBe('noi dung');
    expect(foldVietnamese('ĐẨY MẠNH')).toBe('day manh');
    expect(foldVietnamese('Trường THPT Nguyễn Thị Minh Khai')).toBe('truong thpt nguyen thi minh khai');
  });

  it('gives the same key for NFC and NFD input', () => {
    const nfc = 'Hướng dẫn nhiệm vụ năm học'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfd)).toBe('huong dan nhiem vu nam hoc');
  });

  it('splits a query into words like the FTS tokenizer', () => {
    expect(searchTokens('142/KH-BGDĐT')).toEqual(['142', 'kh', 'bgddt']);
    expect(searchTokens('  "ke  hoach" OR *')).toEqual(['ke', 'hoach', 'or']);
    expect(searchTokens('\u0000')).toEqual([]);
  });

  it('keys document codes in one style', () => {
    expect(codeKey('142/KH-BGDĐT')).toBe('142/KH-BGDDT');
    expect(codeKey('142 / kh–bgdđt')).toBe('142/KH-BGDDT');
    expect(codeKey('30/2020/NĐ-CP')).toBe('30/2020/ND-CP');
    expect(codeKey('123\\SGDĐT—VP')).toBe('123/SGDDT-VP');
  });

  it('keys organ names by their letters', () => {
    expect(agencyKey('  Bộ Giáo dục  và Đào tạo ')).toBe(agencyKey('bo giao duc va dao tao'));
    expect(agencyKey('Sở GD&ĐT')).toBe('so gd dt');
  });
});

describe('text as stored', () => {
  it('is NFC with no control characters', () => {
    expect(cleanText('Nội\u0000 dung\u0007 ')).toBe('Nội dung');
    expect(cleanText('Kế hoạch'.normalize('NFD'))).toBe('Kế hoạch'.normalize('NFC'));
    expect(cleanLine('Kế\n  hoạch\tnăm')).toBe('Kế hoạch năm');
  });
});

describe('dates', () => {
  it('refuses days that do not exist', () => {
    expect(isRealDate('2026-02-31')).toBe(false);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('26-01-01')).toBe(false);
  });

  it('reads what a clerk types and shows dd/mm/yyyy', () => {
    expect(parseTypedDate('5/3/2026')).toBe('2026-03-05');
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
  });

  it('puts an instant in the office year of Asia/Ho_Chi_Minh', () => {
    expect(officeYear('2026-12-31T16:59:59.999Z')).toBe(2026);
    expect(officeYear('2026-12-31T17:00:00.000Z')).toBe(2027);
  });
});

describe('the office date', () => {
  it('agrees with the tz database across years', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(1976, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000 * 37 + 3_600_000 * 5) {
      expect(officeDate(new Date(t))).toBe(intl.format(new Date(t)));
    }
    expect(officeDate('2026-12-31T17:00:00Z')).toBe('2027-01-01');
  });
});
