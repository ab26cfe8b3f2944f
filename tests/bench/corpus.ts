// A realistic, repeatable stream of incoming documents for the bench: real organ names, type
// abbreviations and the vocabulary of education dispatches, mixed by a fixed-seed generator.
const AGENCIES = [
  'Bộ Giáo dục và Đào tạo',
  'Sở Giáo dục và Đào tạo Hà Nội',
  'UBND thành phố Hà Nội',
  'UBND huyện Đông Anh',
  'Phòng Giáo dục và Đào tạo quận Ba Đình',
  'Công đoàn Giáo dục Việt Nam',
  'Sở Tài chính',
  'Sở Nội vụ',
  'Trường THPT Chu Văn An',
  'Trường Đại học Sư phạm Hà Nội',
  'Bộ Tài chính',
  'Văn phòng Chính phủ',
  'Sở Y tế',
  'Thành đoàn Hà Nội',
  'Kho bạc Nhà nước',
  'Bảo hiểm xã hội thành phố',
];
const TYPES = ['CV', 'KH', 'QĐ', 'TB', 'HD', 'BC', 'GM', 'CT', 'TTr'];
const ORGAN_CODES = ['BGDĐT', 'SGDĐT', 'UBND', 'PGDĐT', 'CĐGDVN', 'STC', 'SNV'];
const SUBJECTS = [
  'Kế hoạch tổ chức kỳ thi tốt nghiệp trung học phổ thông',
  'Hướng dẫn thực hiện nhiệm vụ năm học',
  'Về việc tuyển sinh lớp 10',
  'Bồi dưỡng, đào tạo giáo viên cốt cán',
  'Báo cáo tổng kết công tác thi đua khen thưởng',
  'Triển khai chương trình giáo dục phổ thông 2018',
  'Tăng cường công tác phòng cháy chữa cháy trong trường học',
  'Quyết định ban hành quy chế thi',
  'Thông báo lịch nghỉ Tết Nguyên đán',
  'Giấy mời dự hội nghị chuyển đổi số',
  'Kiểm tra nội dung cơ sở vật chất',
  'Đẩy mạnh ứng dụng công nghệ thông tin',
  'Tổ chức Hội khỏe Phù Đổng',
  'Công tác bảo đảm an toàn thực phẩm bếp ăn bán trú',
  'Phân bổ kinh phí sự nghiệp giáo dục',
];
const PLACES = ['năm 2026', 'học kỳ I', 'học kỳ II', 'các trường tiểu học', 'các trường THCS', 'khối mầm non', 'toàn thành phố'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

export function corpusDocument(i: number) {
  const r = rng(i + 1);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const type = pick(TYPES);
  const organ = pick(ORGAN_CODES);
  const month = 1 + Math.floor(r() * 11);
  const day = 1 + Math.floor(r() * 28);
  return {
    agency: pick(AGENCIES),
    code: type === 'CV' ? `${i + 1}/${organ}-VP` : `${i + 1}/${type}-${organ}`,
    type,
    issuedDate: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    summary: `${pick(SUBJECTS)} ${pick(PLACES)}`,
  };
}

/** 50 fixed queries a clerk would type: words and phrases without diacritics, with them, prefixes, codes. */
export const BENCH_QUERIES: readonly string[] = [
  'ke hoach',
  'Kế hoạch',
  'dao tao',
  'boi duong giao vien',
  'tuyen sinh lop 10',
  'thi tot nghiep',
  'trung hoc pho thong',
  'hoi khoe phu dong',
  'chuyen doi so',
  'an toan thuc pham',
  'phong chay chua chay',
  'nam hoc',
  'hoc ky I',
  'mam non',
  'cac truong tieu hoc',
  'cac truong THCS',
  'toan thanh pho',
  'kinh phi su nghiep',
  'thi dua khen thuong',
  'Tết Nguyên đán',
  'giay moi',
  'hoi nghi',
  'kiem tra noi dung',
  'co so vat chat',
  'cong nghe thong tin',
  'chuong trinh giao duc pho thong 2018',
  'bo giao duc',
  'so giao duc ha noi',
  'uy ban nhan dan',
  'cong doan giao duc',
  'kho bac',
  'bao hiem xa hoi',
  'thanh doan',
  'tuy',
  'ke h',
  'truyen',
  'boi d',
  'phan b',
  'chuy',
  'nguy',
  '5/KH-SGDĐT',
  '142/kh-bgddt',
  '77/CV',
  '1000/TB-BGDĐT',
  'SGDĐT-VP',
  'QĐ-UBND',
  '12/BC-PGDĐT',
  '900/HD-SNV',
  '33333/GM-STC',
  '7/TTr-CĐGDVN',
];
