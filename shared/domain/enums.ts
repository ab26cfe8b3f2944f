// Enumerations of the trade (DOMAIN.md), with the labels people read.
export const URGENCIES = ['thuong', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = {
  thuong: 'Thường',
  khan: 'Khẩn',
  thuong_khan: 'Thượng khẩn',
  hoa_toc: 'Hỏa tốc',
};

export const CONFIDENTIALITIES = ['thuong', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  thuong: 'Thường',
  mat: 'Mật',
  toi_mat: 'Tối mật',
  tuyet_mat: 'Tuyệt mật',
};

export const ROLES = ['admin', 'clerk', 'leader', 'specialist', 'archivist'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  clerk: 'Văn thư',
  leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
  archivist: 'Lưu trữ',
};

export const BOOK_KINDS = ['incoming', 'outgoing'] as const;
export type BookKind = (typeof BOOK_KINDS)[number];
