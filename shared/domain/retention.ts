// Thời hạn bảo quản (Luật Lưu trữ 2024; Thông tư 10/2022/TT-BNV): counted in whole years from the
// year after the work ended — a dossier ended in 2015 kept 10 năm is kept through 31/12/2025 and
// comes up for the office's council (Hội đồng xác định giá trị tài liệu) from 2026. Nothing is
// destroyed by the program: the list is for people to review.

/** The last year the dossier is kept, or null for vĩnh viễn. */
export function keptThrough(endYear: number, retention: string): number | null {
  if (retention === 'vinh_vien') return null;
  const years = Number(retention);
  return Number.isInteger(years) && years > 0 ? endYear + years : null;
}

/** Whether the retention has ended by `today` (YYYY-MM-DD). */
export function retentionEnded(endYear: number, retention: string, today: string): boolean {
  const through = keptThrough(endYear, retention);
  return through !== null && Number(today.slice(0, 4)) > through;
}
