// A repeatable stream of Decree 30 dispatches with what a clerk would type from each (the truth
// the form's suggestions are measured against): organs of DOMAIN.md with one- and two-line
// headers, types and công văn, date lines in their variants, KHẨN/MẬT marks, signers.
import type { DispatchFields } from '../../shared/domain/dispatchReader.js';
import type { Decree30Doc } from './decree30.js';

const ORGANS: { header: string[]; agency: string; code: string; place: string }[] = [
  { header: ['BỘ GIÁO DỤC VÀ ĐÀO TẠO'], agency: 'Bộ Giáo dục và Đào tạo', code: 'BGDĐT', place: 'Hà Nội' },
  { header: ['UBND TỈNH HÀ TĨNH', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'], agency: 'Sở Giáo dục và Đào tạo Hà Tĩnh', code: 'SGDĐT', place: 'Hà Tĩnh' },
  { header: ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'], agency: 'Sở Giáo dục và Đào tạo Hà Nội', code: 'SGDĐT', place: 'Hà Nội' },
  { header: ['UBND TỈNH NGHỆ AN', 'SỞ TÀI CHÍNH'], agency: 'Sở Tài chính Nghệ An', code: 'STC', place: 'Nghệ An' },
  { header: ['UBND TỈNH QUẢNG NINH', 'SỞ NỘI VỤ'], agency: 'Sở Nội vụ Quảng Ninh', code: 'SNV', place: 'Quảng Ninh' },
  { header: ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI'], agency: 'UBND tỉnh Lào Cai', code: 'UBND', place: 'Lào Cai' },
  { header: ['UBND TỈNH ĐỒNG NAI'], agency: 'UBND tỉnh Đồng Nai', code: 'UBND', place: 'Đồng Nai' },
  { header: ['UBND XÃ ĐÔNG ANH', 'TRƯỜNG TIỂU HỌC ĐÔNG ANH'], agency: 'Trường Tiểu học Đông Anh', code: 'THĐA', place: 'Đông Anh' },
  { header: ['SỞ GD&ĐT HẢI PHÒNG', 'TRƯỜNG THPT TRẦN PHÚ'], agency: 'Trường THPT Trần Phú', code: 'THPTTP', place: 'Hải Phòng' },
  {
    header: ['UBND XÃ BÌNH MINH', 'PHÒNG VĂN HÓA - XÃ HỘI'],
    agency: 'Phòng Văn hóa - Xã hội xã Bình Minh',
    code: 'VHXH',
    place: 'Bình Minh',
  },
  { header: ['BỘ TÀI CHÍNH'], agency: 'Bộ Tài chính', code: 'BTC', place: 'Hà Nội' },
  { header: ['CÔNG ĐOÀN GIÁO DỤC VIỆT NAM'], agency: 'Công đoàn Giáo dục Việt Nam', code: 'CĐGDVN', place: 'Hà Nội' },
];
const TYPES: { code: string; heading: string }[] = [
  { code: 'KH', heading: 'KẾ HOẠCH' },
  { code: 'QĐ', heading: 'QUYẾT ĐỊNH' },
  { code: 'TB', heading: 'THÔNG BÁO' },
  { code: 'HD', heading: 'HƯỚNG DẪN' },
  { code: 'BC', heading: 'BÁO CÁO' },
  { code: 'GM', heading: 'GIẤY MỜI' },
  { code: 'TTr', heading: 'TỜ TRÌNH' },
  { code: 'CV', heading: '' },
  { code: 'CV', heading: '' },
];
const SUBJECTS = [
  ['Tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh', 'lớp 12 năm học 2025 - 2026'],
  ['Tuyển sinh vào lớp 10 trung học phổ thông'],
  ['Bồi dưỡng giáo viên cốt cán', 'thực hiện Chương trình giáo dục phổ thông 2018'],
  ['Tăng cường công tác phòng cháy, chữa cháy trong trường học'],
  ['Triển khai chuyển đổi số trong giáo dục', 'giai đoạn 2025 - 2030'],
  ['Lịch nghỉ Tết Nguyên đán Bính Ngọ năm 2026'],
  ['Bảo đảm an toàn thực phẩm tại bếp ăn bán trú'],
  ['Tổ chức Hội khỏe Phù Đổng cấp tỉnh năm 2026'],
  ['Phân bổ kinh phí sự nghiệp giáo dục', 'năm 2026'],
];
const UNITS = ['VP', 'GDTrH', 'GDTH', 'KHTC', 'TCCB', 'GDMN'];
const SIGNERS: { prefix?: string; title: string; name: string }[] = [
  { prefix: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Minh' },
  { title: 'GIÁM ĐỐC', name: 'Trần Thị Hồng Hạnh' },
  { prefix: 'KT. BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Phạm Ngọc Thưởng' },
  { prefix: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Quang Huy' },
  { title: 'HIỆU TRƯỞNG', name: 'Đỗ Thị Thu Trang' },
  { prefix: 'TL. GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: 'Hoàng Văn Đức' },
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

export interface CorpusDispatch {
  doc: Decree30Doc;
  truth: Required<Pick<DispatchFields, 'agency' | 'code' | 'issuedDate' | 'type' | 'summary' | 'signer'>> &
    Pick<DispatchFields, 'urgency' | 'confidentiality'>;
}

export function corpusDispatch(i: number): CorpusDispatch {
  const r = rng(i * 7919 + 13);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const organ = pick(ORGANS);
  const type = pick(TYPES);
  const number = 1 + Math.floor(r() * 2400);
  const code = type.code === 'CV' ? `${number}/${organ.code}-${pick(UNITS)}` : `${number}/${type.code}-${organ.code}`;
  const [y, m, d] = [2024 + Math.floor(r() * 3), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)];
  const pad = r() < 0.6;
  // Decree 30: a day below 10 and the months 1 and 2 take a leading 0; not every office does.
  const dd = pad ? String(d).padStart(2, '0') : String(d);
  const mm = pad && m < 3 ? `0${m}` : String(m);
  const dateLine = `${organ.place}, ngày ${dd} tháng ${mm} năm ${y}`;
  const subject = pick(SUBJECTS);
  const summaryLines =
    type.code === 'CV' ? [`V/v ${subject[0]!.charAt(0).toLocaleLowerCase('vi')}${subject[0]!.slice(1)}`, ...subject.slice(1)] : subject;
  const signer = pick(SIGNERS);
  const mark = r();
  const marks = mark < 0.08 ? ['KHẨN'] : mark < 0.12 ? ['HỎA TỐC'] : mark < 0.16 ? ['MẬT'] : [];
  const doc: Decree30Doc = {
    organ: organ.header,
    code,
    dateLine,
    heading: type.code === 'CV' ? null : type.heading,
    subject: summaryLines,
    body: [
      'Căn cứ chức năng, nhiệm vụ được giao và kế hoạch công tác năm học,',
      `${organ.agency} đề nghị các đơn vị triển khai thực hiện các nội dung sau:`,
      '1. Phổ biến đến toàn thể cán bộ, giáo viên, học sinh.',
      '2. Báo cáo kết quả thực hiện đúng thời hạn quy định.',
    ],
    signer,
    recipients: ['- Như trên;', `- Lưu: VT, ${pick(UNITS)}.`],
    marks,
  };
  return {
    doc,
    truth: {
      agency: organ.agency,
      code,
      issuedDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      type: type.code,
      summary: summaryLines.join(' '),
      signer: signer.name,
      ...(marks[0] === 'KHẨN' ? { urgency: 'khan' as const } : marks[0] === 'HỎA TỐC' ? { urgency: 'hoa_toc' as const } : {}),
      ...(marks[0] === 'MẬT' ? { confidentiality: 'mat' as const } : {}),
    },
  };
}

export const PREFILL_FIELDS = ['agency', 'code', 'issuedDate', 'type', 'summary', 'signer', 'urgency', 'confidentiality'] as const;
