// A Sở GD&ĐT's register with hidden routing rules, for the suggestions from history: each subject
// goes to its phòng (some to one person), with its phối hợp and its usual days, and is filed in
// its dossier of the year; a Bộ công văn with no telling subject goes by its ký hiệu suffix
// ("-GDTrH"); anything from the finance organs goes to Kế hoạch - Tài chính. A share of the past
// routings break the rules, as real leaders do. Used by the integration test and the bench.
import { assigneeOf, assigneeValue } from '../../shared/api/suggestions.js';
import { officeDate } from '../../shared/text/dates.js';
import { WorkCalendar } from '../../shared/domain/workdays.js';
import type { Caller, Office } from './office.js';
import { PASSWORD } from './office.js';

export const DEPARTMENTS = [
  { code: 'GDTrH', name: 'Phòng Giáo dục Trung học' },
  { code: 'GDTH', name: 'Phòng Giáo dục Tiểu học' },
  { code: 'GDMN', name: 'Phòng Giáo dục Mầm non' },
  { code: 'KHTC', name: 'Phòng Kế hoạch - Tài chính' },
  { code: 'TCCB', name: 'Phòng Tổ chức cán bộ' },
  { code: 'KTKĐ', name: 'Phòng Khảo thí và Kiểm định chất lượng' },
  { code: 'VP', name: 'Văn phòng Sở' },
  { code: 'TTr', name: 'Thanh tra Sở' },
] as const;
type Dep = (typeof DEPARTMENTS)[number]['code'];

/** People some subjects go to by name (a leader picks the one who always does them). */
export const PEOPLE = [
  { username: 'thidua', fullName: 'Lê Thị Thi Đua', dep: 'VP' as Dep },
  { username: 'cntt', fullName: 'Phạm Văn Số', dep: 'VP' as Dep },
] as const;

type Lead = { dep: Dep } | { person: (typeof PEOPLE)[number]['username'] };

interface Topic {
  key: string;
  phrasings: string[];
  lead: Lead;
  coordinate: Dep[];
  days: number;
  dossier: string;
}

const TOPICS: Topic[] = [
  {
    key: 'tuyensinh',
    phrasings: ['Tuyển sinh vào lớp 10 trung học phổ thông', 'Hướng dẫn công tác tuyển sinh lớp 10', 'Kế hoạch tuyển sinh đầu cấp'],
    lead: { dep: 'GDTrH' },
    coordinate: ['KTKĐ'],
    days: 10,
    dossier: 'Hồ sơ tuyển sinh',
  },
  {
    key: 'thitn',
    phrasings: [
      'Tổ chức kỳ thi tốt nghiệp trung học phổ thông',
      'Hướng dẫn coi thi, chấm thi tốt nghiệp THPT',
      'Đăng ký dự thi tốt nghiệp',
    ],
    lead: { dep: 'KTKĐ' },
    coordinate: ['GDTrH', 'VP'],
    days: 15,
    dossier: 'Hồ sơ kỳ thi tốt nghiệp THPT',
  },
  {
    key: 'hsg',
    phrasings: ['Kỳ thi chọn học sinh giỏi cấp tỉnh', 'Danh sách đội tuyển học sinh giỏi quốc gia', 'Tổ chức thi học sinh giỏi lớp 9'],
    lead: { dep: 'KTKĐ' },
    coordinate: [],
    days: 7,
    dossier: 'Hồ sơ thi học sinh giỏi',
  },
  {
    key: 'kinhphi',
    phrasings: ['Phân bổ kinh phí sự nghiệp giáo dục', 'Quyết toán ngân sách các đơn vị trực thuộc', 'Dự toán kinh phí chi thường xuyên'],
    lead: { dep: 'KHTC' },
    coordinate: [],
    days: 5,
    dossier: 'Hồ sơ dự toán, quyết toán ngân sách',
  },
  {
    key: 'canbo',
    phrasings: ['Tuyển dụng viên chức giáo viên', 'Bổ nhiệm lại cán bộ quản lý trường học', 'Điều động, luân chuyển cán bộ quản lý'],
    lead: { dep: 'TCCB' },
    coordinate: ['VP'],
    days: 10,
    dossier: 'Hồ sơ công tác cán bộ',
  },
  {
    key: 'bantru',
    phrasings: ['Bảo đảm an toàn thực phẩm bếp ăn bán trú', 'Chăm sóc, nuôi dưỡng trẻ mầm non', 'Kiểm tra bếp ăn trường mầm non'],
    lead: { dep: 'GDMN' },
    coordinate: ['VP'],
    days: 7,
    dossier: 'Hồ sơ giáo dục mầm non',
  },
  {
    key: 'lop1',
    phrasings: ['Sách giáo khoa lớp 1 chương trình mới', 'Dạy học tiếng Việt lớp 1', 'Đánh giá học sinh tiểu học'],
    lead: { dep: 'GDTH' },
    coordinate: [],
    days: 10,
    dossier: 'Hồ sơ giáo dục tiểu học',
  },
  {
    key: 'pccc',
    phrasings: ['Tăng cường phòng cháy, chữa cháy trong trường học', 'Diễn tập phòng cháy chữa cháy', 'Bảo đảm an ninh trật tự trường học'],
    lead: { dep: 'VP' },
    coordinate: ['TTr'],
    days: 5,
    dossier: 'Hồ sơ an ninh, phòng cháy chữa cháy',
  },
  {
    key: 'thanhtra',
    phrasings: ['Giải quyết đơn khiếu nại, tố cáo', 'Kế hoạch thanh tra chuyên ngành', 'Kết luận thanh tra việc dạy thêm, học thêm'],
    lead: { dep: 'TTr' },
    coordinate: [],
    days: 15,
    dossier: 'Hồ sơ thanh tra, khiếu nại, tố cáo',
  },
  {
    key: 'thidua',
    phrasings: [
      'Hướng dẫn công tác thi đua, khen thưởng',
      'Xét tặng danh hiệu Nhà giáo ưu tú',
      'Đề nghị khen thưởng tập thể lao động xuất sắc',
    ],
    lead: { person: 'thidua' },
    coordinate: [],
    days: 10,
    dossier: 'Hồ sơ thi đua, khen thưởng',
  },
  {
    key: 'chuyendoiso',
    phrasings: ['Triển khai chuyển đổi số trong giáo dục', 'Ứng dụng công nghệ thông tin, học bạ số', 'Cập nhật cơ sở dữ liệu ngành'],
    lead: { person: 'cntt' },
    coordinate: ['GDTrH'],
    days: 7,
    dossier: 'Hồ sơ chuyển đổi số',
  },
];

/** A Bộ công văn with a subject that names no phòng: its suffix does. */
const GENERIC = ['Hướng dẫn thực hiện nhiệm vụ năm học 2025 - 2026', 'Triển khai một số nội dung trọng tâm', 'Báo cáo sơ kết học kỳ I'];
const SUFFIX_LEADS: Dep[] = ['GDTrH', 'GDTH', 'GDMN', 'TCCB'];

const ORGANS = [
  { name: 'Bộ Giáo dục và Đào tạo', code: 'BGDĐT' },
  { name: 'UBND tỉnh Hà Tĩnh', code: 'UBND' },
  { name: 'Sở Nội vụ Hà Tĩnh', code: 'SNV' },
  { name: 'Công đoàn Giáo dục Việt Nam', code: 'CĐGDVN' },
  { name: 'Trường THPT Phan Đình Phùng', code: 'THPTPĐP' },
];
const FINANCE = [
  { name: 'Sở Tài chính Hà Tĩnh', code: 'STC' },
  { name: 'Kho bạc Nhà nước Hà Tĩnh', code: 'KBNN' },
];
const TAILS = ['', ' năm 2026', ' năm học 2025 - 2026', ' trên địa bàn tỉnh', ' các trường THPT', ' đợt 2'];
const TYPES = ['CV', 'KH', 'HD', 'TB', 'QĐ'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

export interface RoutedDoc {
  agency: string;
  code: string;
  type: string;
  summary: string;
  /** What the hidden rules say. */
  lead: Lead;
  coordinate: Dep[];
  days: number;
  dossier: string | null;
}

/** The i-th document of the stream and how the office's rules route it. */
export function routedDoc(i: number): RoutedDoc {
  const r = rng(i * 7919 + 11);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const roll = r();
  const type = pick(TYPES);
  const codeOf = (organ: string, unit?: string) => (type === 'CV' ? `${i + 1}/${organ}-${unit ?? 'VP'}` : `${i + 1}/${type}-${organ}`);
  if (roll < 0.12) {
    const suffix = pick(SUFFIX_LEADS);
    return {
      agency: 'Bộ Giáo dục và Đào tạo',
      code: `${i + 1}/BGDĐT-${suffix}`,
      type: 'CV',
      summary: pick(GENERIC),
      lead: { dep: suffix },
      coordinate: [],
      days: 10,
      dossier: null,
    };
  }
  if (roll < 0.2) {
    const organ = pick(FINANCE);
    const topic = pick(TOPICS);
    return {
      agency: organ.name,
      code: codeOf(organ.code),
      type,
      summary: `${pick(topic.phrasings)} ${pick(['', 'và kinh phí thực hiện', 'nguồn kinh phí'])}`.trim(),
      lead: { dep: 'KHTC' },
      coordinate: [],
      days: 5,
      dossier: 'Hồ sơ dự toán, quyết toán ngân sách',
    };
  }
  const topic = pick(TOPICS);
  const organ = pick(ORGANS);
  return {
    agency: organ.name,
    code: codeOf(organ.code, pick(['VP', 'GDTrH', 'KHTC', 'TH'])),
    type,
    summary: `${pick(topic.phrasings)}${pick(TAILS)}`,
    lead: topic.lead,
    coordinate: topic.coordinate,
    days: topic.days,
    dossier: topic.dossier,
  };
}

export interface RoutingOffice {
  /** Pick-list value of a department or person ("d:…", "u:…"). */
  valueOf(lead: Lead | { dep: Dep }): string;
  dossierOf(title: string, year: number): string | undefined;
  /** Registers document i (received now) and returns its id. */
  register(i: number): Promise<string>;
  /** Registers, submits and routes document i as its rules say (or, now and then, not), and files it. */
  route(i: number, noise: number): Promise<string>;
  openDossiers(year: number): Promise<void>;
  closeDossiers(year: number): Promise<void>;
}

export async function routingOffice(office: Office, clockNow: () => Date): Promise<RoutingOffice> {
  const deps = new Map<string, string>();
  for (const d of DEPARTMENTS) deps.set(d.code, (await office.admin.ok('departments.create', { name: d.name, code: d.code })).id);
  const people = new Map<string, string>();
  for (const p of PEOPLE) {
    const u = await office.admin.ok('users.create', {
      username: p.username,
      fullName: p.fullName,
      password: PASSWORD,
      roles: ['specialist'],
      departmentId: deps.get(p.dep)!,
    });
    people.set(p.username, u.id);
  }
  const staff = await office.admin.ok('users.list');
  const leaderId = staff.find((u) => u.username === 'lanhdao')!.id;
  const specialistId = staff.find((u) => u.username === 'chuyenvien')!.id;
  const dossiers = new Map<string, string>();
  const calendar = new WorkCalendar();
  const dep = (code: string) => assigneeValue({ userId: null, departmentId: deps.get(code)! });
  const valueOf = (lead: Lead) => ('dep' in lead ? dep(lead.dep) : assigneeValue({ userId: people.get(lead.person)!, departmentId: null }));
  const titles = [...new Set(TOPICS.map((t) => t.dossier))];
  const register = async (i: number, clerk: Caller = office.clerk) => {
    const d = routedDoc(i);
    const received = officeDate(clockNow());
    const doc = await clerk.ok('incoming.register', {
      agency: d.agency,
      code: d.code,
      type: d.type,
      issuedDate: received,
      summary: d.summary,
    });
    return doc.id;
  };
  return {
    valueOf,
    dossierOf: (title, year) => dossiers.get(`${year}:${title}`),
    register,
    async route(i, noise) {
      const d = routedDoc(i);
      const id = await register(i);
      await office.clerk.ok('incoming.submit', { id, leaderId, note: null });
      const r = rng(i * 104729 + 3);
      const broken = r() < noise;
      const lead = broken ? dep([...deps.keys()][Math.floor(r() * deps.size)]!) : valueOf(d.lead);
      const received = officeDate(clockNow());
      await office.leader.ok('incoming.assign', {
        id,
        direction: 'Đề nghị xử lý theo quy định.',
        lead: assigneeOf(lead, calendar.addWorkingDays(received, d.days)),
        coordinate: broken ? [] : d.coordinate.map((c) => assigneeOf(dep(c))),
        inform: [],
      });
      const year = Number(received.slice(0, 4));
      const dossier = d.dossier ? dossiers.get(`${year}:${d.dossier}`) : undefined;
      if (dossier && !broken) await office.clerk.ok('dossiers.addItems', { dossierId: dossier, documentIds: [id] });
      return id;
    },
    async openDossiers(year) {
      for (const [n, title] of titles.entries()) {
        // Kept by the specialist who files them.
        const d = await office.clerk.ok('dossiers.open', {
          year,
          title,
          notation: `${String(n + 1).padStart(2, '0')}.HS`,
          retention: '10',
          keeperId: specialistId,
        });
        dossiers.set(`${year}:${title}`, d.id);
      }
    },
    async closeDossiers(year) {
      // A dossier nothing was filed in stays open (it cannot be closed empty).
      for (const title of titles) await office.clerk.raw('dossiers.close', { id: dossiers.get(`${year}:${title}`)! });
    },
  };
}
