// Reading a dispatch's first page as a clerk reads it (Decree 30/2020, Appendix I): the organ block
// at top left, "Số: 142/KH-BGDĐT" under it, the date line under the quốc hiệu, the type's heading
// (or "V/v …" for a công văn) and the trích yếu, the KHẨN/MẬT marks, the signature block and
// Nơi nhận. Lines come with positions (a text layer, or OCR); OCR's usual confusions are undone
// with the symbol patterns of the trade. Everything found is a suggestion the clerk accepts.
import { foldVietnamese } from '../text/searchKey.js';
import { DEFAULT_DOC_TYPES } from './docTypes.js';
import type { Confidentiality, Urgency } from './enums.js';

export interface PageLine {
  text: string;
  /** Display points from the page's top-left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DispatchFields {
  agency?: string;
  code?: string;
  /** yyyy-mm-dd. */
  issuedDate?: string;
  /** A type code of Danh mục (KH, QĐ, CV …). */
  type?: string;
  summary?: string;
  signer?: string;
  urgency?: Urgency;
  confidentiality?: Confidentiality;
  recipients?: string[];
}

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();
const isUpper = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');

/** Organs' field words as Decree 30 writes them (Appendix II: upper case only where the name begins a part). */
const FIELDS: readonly string[] = [
  'Giáo dục và Đào tạo',
  'Tài chính',
  'Nội vụ',
  'Y tế',
  'Tư pháp',
  'Xây dựng',
  'Công Thương',
  'Kế hoạch và Đầu tư',
  'Lao động - Thương binh và Xã hội',
  'Văn hóa, Thể thao và Du lịch',
  'Văn hóa - Xã hội',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Nông nghiệp và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Tài nguyên và Môi trường',
  'Giao thông vận tải',
  'Ngoại vụ',
  'Dân tộc và Tôn giáo',
];
const KINDS: readonly [string, string][] = [
  ['BO', 'Bộ'],
  ['SO', 'Sở'],
  ['PHONG', 'Phòng'],
  ['TRUONG', 'Trường'],
  ['VAN PHONG', 'Văn phòng'],
  ['CONG DOAN', 'Công đoàn'],
  ['BAN', 'Ban'],
];
const SCHOOL_LEVELS = [
  'Mầm non',
  'Tiểu học',
  'Trung học cơ sở',
  'Trung học phổ thông',
  'Phổ thông dân tộc nội trú',
  'Tiểu học và Trung học cơ sở',
];
const ACRONYMS = new Set(['UBND', 'HĐND', 'THPT', 'THCS', 'TH', 'MN', 'GDTX', 'GDĐT', 'GD&ĐT', 'CĐ', 'ĐH', 'TW', 'TP', 'TP.', 'DTNT']);
const LOCALITIES: readonly [string, string][] = [
  ['TINH', 'tỉnh'],
  ['THANH PHO', 'thành phố'],
  ['HUYEN', 'huyện'],
  ['QUAN', 'quận'],
  ['THI XA', 'thị xã'],
  ['XA', 'xã'],
  ['PHUONG', 'phường'],
  ['DAC KHU', 'đặc khu'],
];

/** Each word capitalised: "HÀ TĨNH" → "Hà Tĩnh". */
function titleCase(s: string): string {
  return s
    .toLocaleLowerCase('vi')
    .split(/(\s+|-)/)
    .map((w) => (ACRONYMS.has(w.toLocaleUpperCase('vi')) ? w.toLocaleUpperCase('vi') : w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)))
    .join('');
}

/** "UBND TỈNH HÀ TĨNH" → { kind: 'tỉnh', place: 'Hà Tĩnh' }, "ỦY BAN NHÂN DÂN XÃ A" too. */
function locality(line: string): { kind: string; place: string } | null {
  const m = /^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(.+)$/iu.exec(line.trim());
  if (!m) return null;
  const rest = m[1]!.trim();
  const folded = fold(rest).toUpperCase();
  for (const [key, kind] of LOCALITIES) {
    if (folded.startsWith(`${key} `)) return { kind, place: titleCase(rest.split(/\s+/).slice(key.split(' ').length).join(' ')) };
  }
  return { kind: '', place: titleCase(rest) };
}

/** Central organs whose names no rule spells (proper names inside them), as they write themselves. */
const KNOWN_ORGANS: readonly string[] = [
  'Văn phòng Chính phủ',
  'Văn phòng Quốc hội',
  'Công đoàn Giáo dục Việt Nam',
  'Bảo hiểm xã hội Việt Nam',
  'Kho bạc Nhà nước',
  'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh',
  'Hội Khuyến học Việt Nam',
  'Đại học Quốc gia Hà Nội',
  'Đại học Quốc gia Thành phố Hồ Chí Minh',
];

/** The organ block's lines as the register writes the organ: "Sở Giáo dục và Đào tạo Hà Tĩnh". */
export function organName(block: string[]): string | undefined {
  const lines = block.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (lines.length === 0) return undefined;
  const own = lines[lines.length - 1]!;
  const known = KNOWN_ORGANS.find((k) => fold(k) === fold(own));
  if (known) return known;
  const parent = lines.length > 1 ? lines[lines.length - 2]! : null;
  // "ỦY BAN NHÂN DÂN" over "TỈNH LÀO CAI": one name on two lines.
  if (parent && /^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)$/iu.test(parent)) return organName([`UBND ${own}`]);
  const ownPlace = locality(own);
  if (ownPlace) return `UBND ${ownPlace.kind ? `${ownPlace.kind} ` : ''}${ownPlace.place}`;
  const folded = fold(own).toUpperCase();
  let name: string | null = null;
  for (const [key, kind] of KINDS) {
    if (folded === key || folded.startsWith(`${key} `)) {
      const tail = own.split(/\s+/).slice(key.split(' ').length).join(' ');
      const field = FIELDS.find((f) => fold(f).toUpperCase() === fold(tail).toUpperCase());
      const level = SCHOOL_LEVELS.find((l) =>
        fold(tail)
          .toUpperCase()
          .startsWith(`${fold(l).toUpperCase()} `),
      );
      name = `${kind} ${field ?? (level ? `${level} ${titleCase(tail.split(/\s+/).slice(level.split(' ').length).join(' '))}` : titleCase(tail))}`;
      break;
    }
  }
  name ??= titleCase(own);
  // A Sở or a Phòng takes its province's (or commune's) name from the line above.
  const place = parent ? locality(parent) : null;
  if (place && /^(Sở|Phòng|Văn phòng|Ban) /u.test(name) && !fold(name).includes(fold(place.place))) {
    name = `${name}${/^Phòng /u.test(name) && place.kind ? ` ${place.kind}` : ''} ${place.place}`;
  }
  return name;
}

/** OCR's confusions in a number: O/o → 0, l/I/| → 1, S → 5 (only where digits are expected). */
function digits(s: string): string {
  return s.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/S/g, '5');
}

/** Symbol parts the trade writes with Đ, and the type abbreviations of Danh mục. */
const KNOWN_PARTS = [
  ...DEFAULT_DOC_TYPES.map((t) => t.code),
  'GDĐT',
  'BGDĐT',
  'SGDĐT',
  'PGDĐT',
  'UBND',
  'HĐND',
  'VP',
  'TCCB',
  'GDTrH',
  'GDTH',
  'GDMN',
  'KHTC',
  'CTHSSV',
  'KTKĐ',
  'QLCL',
  'GDTX',
  'CP',
  'TTg',
  'BNV',
  'BTC',
];

/** "Số: l42/KH-SGDDT" → "142/KH-SGDĐT". */
export function cleanCode(raw: string): string | undefined {
  const m = /^\s*([0-9OolIS|]{1,5})\s*\/\s*(.+)$/u.exec(raw.replace(/[\u2010-\u2015\u2212]/g, '-'));
  if (!m) return undefined;
  const number = digits(m[1]!);
  const rest = m[2]!.replace(/\s+/g, '').replace(/[.,;:]+$/, '');
  const parts = rest.split(/([-/])/).map((part) => {
    if (part === '-' || part === '/') return part;
    if (/^\d{4}$/.test(digits(part)) && /\d/.test(part)) return digits(part); // "2020" in 30/2020/NĐ-CP
    if (KNOWN_PARTS.includes(part)) return part;
    const known = KNOWN_PARTS.find((k) => fold(k).toUpperCase() === fold(part).toUpperCase().replace(/0/g, 'O'));
    if (known) return known;
    // "…GDDT" is the trade's "…GDĐT" (Giáo dục và Đào tạo), whatever the organ letters before it.
    return part.replace(/GDDT$/u, 'GDĐT').replace(/GD&DT$/u, 'GD&ĐT');
  });
  const symbol = parts.join('');
  return /^[\p{L}\p{N}][\p{L}\p{N}&.\-/]*$/u.test(symbol) ? `${number}/${symbol}` : undefined;
}

/** "Hà Nội, ngày 05 tháng 01 năm 2020" (and "ngày 5/1/2020", OCR's "thang", "nàm") → "2020-01-05". */
export function parseDateLine(line: string): string | undefined {
  const f = fold(line);
  const m =
    /ngay\s*([0-9oli]{1,2})\s*thang\s*([0-9oli]{1,2})\s*na[mn]\s*([0-9oli]{4})/i.exec(f) ??
    /ngay\s*([0-9oli]{1,2})\s*[/.-]\s*([0-9oli]{1,2})\s*[/.-]\s*([0-9oli]{4})/i.exec(f);
  if (!m) return undefined;
  const n = (s: string) => Number(s.replace(/o/g, '0').replace(/[li]/g, '1'));
  const [d, mo, y] = [n(m[1]!), n(m[2]!), n(m[3]!)];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1945 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NATIONAL = /cong hoa xa hoi chu nghia|doc lap\s*-?\s*tu do|tu do\s*-?\s*hanh phuc/;
const MARKS: [RegExp, { urgency?: Urgency; confidentiality?: Confidentiality }][] = [
  [/^hoa toc\b/, { urgency: 'hoa_toc' }],
  [/^thuong khan\b/, { urgency: 'thuong_khan' }],
  [/^khan\b/, { urgency: 'khan' }],
  [/^tuyet mat\b/, { confidentiality: 'tuyet_mat' }],
  [/^toi mat\b/, { confidentiality: 'toi_mat' }],
  [/^mat\b/, { confidentiality: 'mat' }],
];
const TYPE_BY_HEADING = new Map(DEFAULT_DOC_TYPES.filter((t) => t.code !== 'CV').map((t) => [fold(t.name), t.code] as const));
// A body's first words, capitalised (a trích yếu's next line goes on in lower case: "thực hiện …").
const BODY_START = /^(Căn cứ|Kính gửi|Thực hiện|Theo đề nghị|Nhằm|Để |Ngày \d)/u;

/** The fields a clerk types, read off page 1's lines. */
export function readDispatch(input: PageLine[], page: { width: number; height: number }): DispatchFields {
  const lines = [...input].filter((l) => l.text.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const out: DispatchFields = {};
  const mid = page.width / 2;
  const centre = (l: PageLine) => l.x + l.width / 2;
  const top = lines.filter((l) => l.y < page.height * 0.45);

  const numberLine = top.find((l) => /^s[oố]\s*[:;.,]?\s*[0-9OolIS|]/iu.test(l.text.trim()) && centre(l) < mid * 1.1);
  if (numberLine) out.code = cleanCode(numberLine.text.trim().replace(/^s[oốồổõ]\s*[:;.,]?\s*/iu, ''));

  // The organ: upper-case lines at top left above the số, not the quốc hiệu.
  const headerEnd = numberLine ? numberLine.y : page.height * 0.15;
  const organ = lines.filter(
    (l) => l.y < headerEnd - 1 && centre(l) < mid && isUpper(l.text) && !NATIONAL.test(fold(l.text)) && !/^[-_=.\s]+$/.test(l.text),
  );
  out.agency = organName(organ.slice(-2).map((l) => l.text));

  const dateLine = top.find((l) => parseDateLine(l.text));
  if (dateLine) out.issuedDate = parseDateLine(dateLine.text);

  for (const l of top) {
    const f = fold(l.text);
    const mark = f.length <= 16 && isUpper(l.text) ? MARKS.find(([re]) => re.test(f))?.[1] : undefined;
    if (mark?.urgency) out.urgency ??= mark.urgency;
    if (mark?.confidentiality) out.confidentiality ??= mark.confidentiality;
  }

  // A công văn: "V/v …" under the số, on one or more lines of the left column.
  const vv = top.find((l) => /^v\s*\/\s*v\b/i.test(fold(l.text)));
  const afterHeader = (numberLine ?? dateLine)?.y ?? page.height * 0.12;
  if (vv) {
    out.type = 'CV';
    const block = [vv.text.trim()];
    let last = vv;
    for (const l of lines) {
      if (l.y <= last.y + 1 || l.y - (last.y + last.height) > last.height * 0.9 || centre(l) > mid * 1.05) continue;
      if (BODY_START.test(l.text.trim()) || MARKS.some(([re]) => re.test(fold(l.text)))) break;
      block.push(l.text.trim());
      last = l;
    }
    out.summary = block.join(' ').replace(/\s+/g, ' ');
  } else {
    // The type's heading, centred under the header, then the trích yếu under it.
    const heading = lines.find((l) => l.y > afterHeader && l.y < page.height * 0.5 && isUpper(l.text) && TYPE_BY_HEADING.has(fold(l.text)));
    if (heading) {
      out.type = TYPE_BY_HEADING.get(fold(heading.text));
      const block: string[] = [];
      let last = heading;
      for (const l of lines) {
        if (l.y <= last.y + 1) continue;
        if (l.y - (last.y + last.height) > last.height * 1.2) break;
        if (Math.abs(centre(l) - page.width / 2) > page.width * 0.2 || BODY_START.test(l.text.trim())) break;
        block.push(l.text.trim());
        last = l;
      }
      if (block.length) out.summary = block.join(' ').replace(/\s+/g, ' ');
    }
  }

  // Nơi nhận (bottom left) and the signer (the last line of the signature block, bottom right).
  const recipientsAt = lines.findIndex((l) => /^noi nhan\s*:?/.test(fold(l.text)));
  if (recipientsAt >= 0) {
    const at = lines[recipientsAt]!;
    out.recipients = lines
      .slice(recipientsAt + 1)
      .filter((l) => l.x < at.x + at.width && centre(l) < mid && /^[-–•+]/.test(l.text.trim()))
      .map((l) =>
        l.text
          .trim()
          .replace(/^[-–•+]\s*/, '')
          .replace(/[;.,]$/, ''),
      )
      .filter(Boolean);
    const signBlock = lines.filter((l) => l.y >= at.y - at.height && centre(l) > mid && !/^noi nhan/.test(fold(l.text)));
    const name = [...signBlock].reverse().find((l) => /\p{Ll}/u.test(l.text) && l.text.trim().split(/\s+/).length >= 2);
    if (name) out.signer = name.text.trim();
  }
  return out;
}
