// Exchange between offices (QCVN 102:2016/BTTTT, Decree 30 Appendix VI): the mã định danh, the
// edXML DocumentId, the statuses a receiver sends back and the kinds of business message.
import type { Urgency } from './enums.js';

/** Mã định danh (QĐ 20/2020/QĐ-TTg): `000.00.00.G22` — level 4, 3 and 2 codes, then the organ's letter and number. */
export const ORGAN_ID_PATTERN = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
export const ORGAN_ID_MESSAGE = 'Mã định danh phải có dạng 000.00.00.G22 (QCVN 102:2016, QĐ 20/2020/QĐ-TTg).';

export const EXCHANGE_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];
export const STATUS_LABELS: Record<StatusCode, string> = {
  '01': 'Đã đến',
  '02': 'Từ chối',
  '03': 'Đã tiếp nhận (vào sổ)',
  '04': 'Phân công',
  '05': 'Đang xử lý',
  '06': 'Đã xử lý xong',
  '13': 'Thu hồi',
  '15': 'Đồng ý thu hồi/cập nhật',
  '16': 'Từ chối thu hồi',
};

/** TraceHeaderList's Bussiness/BussinessDocType. */
export const BUSINESS_KINDS = ['new', 'revoke', 'update', 'replace'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];
export const BUSINESS_CODES: Record<BusinessKind, string> = { new: '0', revoke: '1', update: '2', replace: '3' };
export const BUSINESS_LABELS: Record<BusinessKind, string> = {
  new: 'Văn bản điện tử mới',
  revoke: 'Thu hồi văn bản',
  update: 'Cập nhật văn bản',
  replace: 'Thay thế văn bản',
};

export function businessOf(code: string | undefined): BusinessKind | null {
  const found = BUSINESS_KINDS.find((k) => BUSINESS_CODES[k] === (code ?? '0').trim());
  return found ?? null;
}

/** OtherInfo/Priority 0–4; 4 is "hỏa tốc hẹn giờ", which the register keeps as hỏa tốc. */
const PRIORITY_URGENCY: readonly Urgency[] = ['thuong', 'khan', 'thuong_khan', 'hoa_toc', 'hoa_toc'];
export function urgencyOfPriority(priority: string | undefined): Urgency | null {
  const n = Number((priority ?? '0').trim() || '0');
  return Number.isInteger(n) && n >= 0 && n <= 4 ? PRIORITY_URGENCY[n]! : null;
}
export function priorityOfUrgency(urgency: string): string {
  return String(Math.max(0, PRIORITY_URGENCY.indexOf(urgency as Urgency)));
}

/** `<OrganId>,<yyyy/MM/dd>,<số/ký hiệu>` from the issuing organ, the date signed (YYYY-MM-DD) and the code. */
export function documentIdOf(organId: string, issuedDate: string, code: string): string {
  return `${organId},${issuedDate.replaceAll('-', '/')},${code}`;
}

export function parseDocumentId(value: string): { organId: string; date: string; code: string } | null {
  const m = /^([^,]+),(\d{4})\/(\d{2})\/(\d{2}),(.+)$/.exec(value.trim());
  if (!m) return null;
  return { organId: m[1]!.trim(), date: `${m[2]}-${m[3]}-${m[4]}`, code: m[5]!.trim() };
}

/**
 * What a received document's state says the sender should know, in order: 03 once it is in the
 * register, 04 once it is assigned, 05 while handled, 06 when done. 01 is sent on arrival and
 * 02 only by the clerk's refusal, so neither is derived.
 */
export function statusesFor(doc: { registered: boolean; assigned: boolean; handling: boolean; done: boolean }): StatusCode[] {
  const out: StatusCode[] = [];
  if (!doc.registered) return out;
  out.push('03');
  if (doc.assigned || doc.handling || doc.done) out.push('04');
  if (doc.handling || doc.done) out.push('05');
  if (doc.done) out.push('06');
  return out;
}

/** Why a clerk refuses a received package (status 02). */
export const REFUSAL_REASONS = ['Gửi nhầm nơi nhận', 'Không đọc được văn bản', 'Chữ ký số không hợp lệ', 'Thiếu tệp đính kèm'] as const;

/** What a recipient organ last said of a document sent to it, as the register's Ký nhận writes it. */
export function receiptText(
  r: { name: string | null; organId: string; state: string; statusCode: string | null; statusAt: string | null },
  when: (instant: string) => string,
): string {
  const said = r.statusCode
    ? `${r.statusCode} ${STATUS_LABELS[r.statusCode as StatusCode] ?? ''}${r.statusAt ? ` (${when(r.statusAt)})` : ''}`
    : r.state === 'cho_gui'
      ? 'chờ gửi'
      : 'đã gửi';
  return `${r.name ?? r.organId}: ${said}`;
}
