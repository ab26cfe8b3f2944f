// The trade's rule for "alike" dispatches and how their history votes (shared/domain/likeness).
import { describe, expect, it } from 'vitest';
import { choose, codeSuffix, explain, idfFrom, profileOf, writtenSuffix } from '../../shared/domain/likeness.js';
import { agencyKey } from '../../shared/text/searchKey.js';

const doc = (agency: string, code: string, summary: string, went: string) => ({
  item: went,
  profile: profileOf({ agencyKey: agencyKey(agency), code, summary }),
});
const flatIdf = () => 2;

describe('the parts of a dispatch that tell who handles it', () => {
  it('the ký hiệu suffix is the last dash part after the number, as written and folded', () => {
    expect(codeSuffix('123/SGDĐT-GDTrH')).toBe('GDTRH');
    expect(codeSuffix('142/KH-BGDĐT')).toBe('BGDDT');
    expect(codeSuffix('15/UBND')).toBeNull();
    expect(writtenSuffix('123/SGDĐT–GDTrH')).toBe('GDTrH');
  });

  it('subject words leave out the words that say nothing and the years', () => {
    const p = profileOf({ agencyKey: '', code: '1/CV', summary: 'V/v tuyển sinh lớp 10 năm học 2025 - 2026' });
    expect(p.words).toEqual(['tuyen', 'sinh', 'lop', '10', 'hoc']);
    expect(p.written).toEqual(['tuyển', 'sinh', 'lớp', '10', 'học']);
  });
});

describe('voting', () => {
  it('a suffix that always went one way outvotes many shared words that went every way', () => {
    const generic = 'Hướng dẫn thực hiện nhiệm vụ năm học mới';
    const past = [
      doc('Bộ Giáo dục và Đào tạo', '1/BGDĐT-GDTH', generic, 'tieu-hoc'),
      doc('Bộ Giáo dục và Đào tạo', '2/BGDĐT-GDTH', 'Báo cáo sơ kết học kỳ', 'tieu-hoc'),
      doc('Bộ Giáo dục và Đào tạo', '3/BGDĐT-GDTH', 'Triển khai nội dung trọng tâm', 'tieu-hoc'),
      doc('Bộ Giáo dục và Đào tạo', '4/BGDĐT-GDMN', generic, 'mam-non'),
      doc('Bộ Giáo dục và Đào tạo', '5/BGDĐT-GDTrH', generic, 'trung-hoc'),
      doc('Bộ Giáo dục và Đào tạo', '6/BGDĐT-TCCB', generic, 'to-chuc'),
    ];
    const q = profileOf({ agencyKey: agencyKey('Bộ Giáo dục và Đào tạo'), code: '9/BGDĐT-GDTH', summary: generic });
    const [first] = choose(q, past, flatIdf, (x) => [x]);
    expect(first!.key).toBe('tieu-hoc');
    expect(explain({ ...q, agencyName: 'Bộ Giáo dục và Đào tạo', code: '9/BGDĐT-GDTH' }, first!)).toMatch(/\(ký hiệu …-GDTH\)/);
  });

  it('one shared syllable is not likeness: “vận động” learns nothing from “điều động”', () => {
    const past = [1, 2, 3].map((n) => doc('Sở Nội vụ', `${n}/SNV`, 'Điều động cán bộ quản lý', 'to-chuc'));
    const q = profileOf({ agencyKey: agencyKey('Hội Chữ thập đỏ'), code: '1/HCTĐ', summary: 'Vận động hiến máu nhân đạo' });
    expect(choose(q, past, flatIdf, (x) => [x])).toEqual([]);
  });

  it('rare words count more than common ones, and the explanation names the subject as written', () => {
    const idf = idfFrom(
      1000,
      new Map([
        ['tuyen', 20],
        ['sinh', 300],
        ['lop', 200],
        ['10', 100],
        ['ke', 400],
        ['hoach', 400],
      ]),
    );
    const past = [
      doc('Sở GD&ĐT Hà Tĩnh', '1/KH-SGDĐT', 'Kế hoạch tuyển sinh lớp 10', 'trung-hoc'),
      doc('UBND tỉnh', '2/UBND-VX', 'Tuyển sinh đầu cấp', 'trung-hoc'),
      doc('Sở Tài chính', '3/KH-STC', 'Kế hoạch kinh phí lớp 10', 'tai-chinh'),
    ];
    const q = profileOf({ agencyKey: agencyKey('Bộ Giáo dục và Đào tạo'), code: '5/BGDĐT-GDTrH', summary: 'Tuyển sinh vào lớp 10' });
    const [first] = choose(q, past, idf, (x) => [x]);
    expect(first!.key).toBe('trung-hoc');
    expect(explain({ ...q, agencyName: 'Bộ Giáo dục và Đào tạo', code: '5/BGDĐT-GDTrH' }, first!)).toBe(
      'Giống 2 văn bản trước về “tuyển sinh”.',
    );
  });
});
