// Tổ chức lại đơn vị (the 2025 reorganisation: 34 provinces, no district level): a unit merged,
// joined into a new one, split or dissolved hands its records to the office that succeeds it.
// Its registers, dossiers and catalogues stay its own — old numbers, codes and history read as
// that unit's — and what was still open goes on in the successor.
import type { Role } from './enums.js';
import { formatDate } from '../text/dates.js';

export const REFORM_KINDS = ['sap_nhap', 'hop_nhat', 'chia_tach', 'giai_the'] as const;
export type ReformKind = (typeof REFORM_KINDS)[number];

export const REFORM_LABELS: Record<ReformKind, string> = {
  sap_nhap: 'Sáp nhập vào đơn vị này',
  hop_nhat: 'Hợp nhất thành đơn vị này',
  chia_tach: 'Chia, tách — đơn vị này nhận một phần',
  giai_the: 'Giải thể — đơn vị này tiếp nhận hồ sơ, công việc',
};

/** How the old unit's line reads afterwards: "(sáp nhập từ 01/07/2025)". */
const PAST: Record<ReformKind, string> = {
  sap_nhap: 'sáp nhập',
  hop_nhat: 'hợp nhất',
  chia_tach: 'chia, tách',
  giai_the: 'giải thể',
};

export function isReformKind(v: unknown): v is ReformKind {
  return typeof v === 'string' && (REFORM_KINDS as readonly string[]).includes(v);
}

/** "Phòng Giáo dục và Đào tạo huyện Nội Thành (giải thể từ 01/07/2025)". */
export function formerUnitLabel(u: { name: string; reform: string | null; endedOn: string | null }): string {
  if (!isReformKind(u.reform) || !u.endedOn) return u.name;
  return `${u.name} (${PAST[u.reform]} từ ${formatDate(u.endedOn)})`;
}

/**
 * Who comes over by default: in a merger or a dissolution everyone (the successor takes the
 * work); in a split no one until the admin picks those whose work this office takes.
 */
export function movesByDefault(kind: ReformKind): boolean {
  return kind !== 'chia_tach';
}

/**
 * The roles a person keeps in the successor: his work, never the old unit's administration —
 * the successor's own admin decides who administers it.
 */
export function rolesInSuccessor(roles: readonly Role[]): Role[] {
  return roles.filter((r) => r !== 'admin');
}

/** Whether a person of the old unit can come over: active, with some work beyond its administration. */
export function mayMove(u: { active: boolean; roles: readonly Role[] }): boolean {
  return u.active && rolesInSuccessor(u.roles).length > 0;
}
