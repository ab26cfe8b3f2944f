// The trade's reading rules (#16): OCR's confusions undone by the symbol patterns, the date line
// in its variants, the organ from its header lines as the register writes it.
import { describe, expect, it } from 'vitest';
import { cleanCode, organName, parseDateLine } from '../../shared/domain/dispatchReader.js';

describe('số ký hiệu as OCR reads it', () => {
  it.each([
    ['142/KH-BGDĐT', '142/KH-BGDĐT'],
    ['l42/KH-BGDDT', '142/KH-BGDĐT'],
    ['1O5/QD-SGDDT', '105/QĐ-SGDĐT'],
    ['12 / UBND-VX', '12/UBND-VX'],
    ['30/2O20/ND-CP', '30/2020/NĐ-CP'],
    ['298/KH-BGDĐT.', '298/KH-BGDĐT'],
    ['15/HĐ-SGDĐT', '15/HĐ-SGDĐT'],
    ['7/SGDĐT-GDTRH', '7/SGDĐT-GDTrH'],
  ])('%s → %s', (raw, want) => expect(cleanCode(raw)).toBe(want));
  it('is not a code without a number and a symbol', () => {
    expect(cleanCode('Hà Nội')).toBeUndefined();
    expect(cleanCode('142/')).toBeUndefined();
  });
});

describe('the date line', () => {
  it.each([
    ['Hà Nội, ngày 05 tháng 01 năm 2020', '2020-01-05'],
    ['Hà Tĩnh, ngày 5 tháng 1 năm 2026', '2026-01-05'],
    ['TP. Hồ Chí Minh, ngày 26/02/2019', '2019-02-26'],
    ['Hà Nội, ngay 3O thang 4 nãm 2025', '2025-04-30'],
  ])('%s', (line, want) => expect(parseDateLine(line)).toBe(want));
  it('refuses a day that does not exist', () => expect(parseDateLine('ngày 30 tháng 02 năm 2026')).toBeUndefined());
});

describe('the organ', () => {
  it.each([
    [['UBND TỈNH HÀ TĨNH', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'], 'Sở Giáo dục và Đào tạo Hà Tĩnh'],
    [['BỘ GIÁO DỤC VÀ ĐÀO TẠO'], 'Bộ Giáo dục và Đào tạo'],
    [['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI'], 'UBND tỉnh Lào Cai'],
    [['UBND XÃ BÌNH MINH', 'PHÒNG VĂN HÓA - XÃ HỘI'], 'Phòng Văn hóa - Xã hội xã Bình Minh'],
    [['UBND XÃ ĐÔNG ANH', 'TRƯỜNG TIỂU HỌC ĐÔNG ANH'], 'Trường Tiểu học Đông Anh'],
    [['SỞ GD&ĐT HẢI PHÒNG', 'TRƯỜNG THPT TRẦN PHÚ'], 'Trường THPT Trần Phú'],
    [['CÔNG ĐOÀN GIÁO DỤC VIỆT NAM'], 'Công đoàn Giáo dục Việt Nam'],
  ])('%j', (lines, want) => expect(organName(lines)).toBe(want));
});
