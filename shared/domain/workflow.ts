// The incoming workflow (DOMAIN.md): states, their labels, and which step may follow which.
export const INCOMING_STATUSES = ['moi', 'trinh', 'phan_cong', 'dang_xu_ly', 'hoan_thanh', 'tra_lai', 'thu_hoi'] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];
export const INCOMING_STATUS_LABELS: Record<IncomingStatus, string> = {
  moi: 'Mới vào sổ',
  trinh: 'Đã trình',
  phan_cong: 'Đã phân công',
  dang_xu_ly: 'Đang xử lý',
  hoan_thanh: 'Hoàn thành',
  tra_lai: 'Trả lại',
  thu_hoi: 'Thu hồi',
};

export type IncomingStep = 'submit' | 'assign' | 'progress' | 'complete' | 'return' | 'recall';

/** From which states each step may be taken. */
export const ALLOWED_FROM: Record<IncomingStep, readonly IncomingStatus[]> = {
  submit: ['moi', 'tra_lai'],
  assign: ['trinh', 'phan_cong', 'dang_xu_ly'],
  progress: ['phan_cong', 'dang_xu_ly'],
  complete: ['phan_cong', 'dang_xu_ly'],
  return: ['moi', 'trinh'],
  recall: ['moi', 'trinh', 'phan_cong', 'dang_xu_ly'],
};

export const STEP_LABELS: Record<IncomingStep, string> = {
  submit: 'trình lãnh đạo',
  assign: 'phân công xử lý',
  progress: 'cập nhật tiến độ',
  complete: 'hoàn thành',
  return: 'trả lại',
  recall: 'thu hồi',
};

export const TASK_ROLES = ['chu_tri', 'phoi_hop', 'de_biet'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];
export const TASK_ROLE_LABELS: Record<TaskRole, string> = { chu_tri: 'Chủ trì', phoi_hop: 'Phối hợp', de_biet: 'Để biết' };

export const TASK_STATUSES = ['moi', 'dang_xu_ly', 'hoan_thanh'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { moi: 'Chưa xử lý', dang_xu_ly: 'Đang xử lý', hoan_thanh: 'Hoàn thành' };
