// Secret documents (văn bản mật: Mật, Tối mật, Tuyệt mật) under the Law on Protection of State
// Secrets 2018 (29/2018/QH14). Their register entry — số, dates, organ, số ký hiệu, độ mật, độ
// khẩn — is common to the office; their content (trích yếu, notes, files and their text,
// directions, handling) stays on the PC that registered them and is shown there only to the
// people who handle them.
import type { Role } from './enums.js';

/** Mật, Tối mật or Tuyệt mật (a string: rows from the store and from sync are read as text). */
export function isSecret(confidentiality: string): boolean {
  return confidentiality !== 'thuong';
}

/** Roles that see the content of every secret document the PC holds: văn thư and lãnh đạo. */
export const SECRET_READER_ROLES: readonly Role[] = ['clerk', 'leader'];

/**
 * Who sees a secret document's content on the PC that holds it: văn thư and lãnh đạo; the
 * people it is assigned to (chủ trì, phối hợp, and the ones the leader names “để biết”); the
 * person who drafted or registered it.
 */
export function seesEverySecret(roles: readonly Role[]): boolean {
  return roles.some((r) => SECRET_READER_ROLES.includes(r));
}

/** What a masked row shows in place of the trích yếu. */
export const MASKED_SUMMARY = 'Văn bản mật';

export const SECRET_HIDDEN_MESSAGE = 'Đây là văn bản mật: chỉ văn thư, lãnh đạo và người được giao xử lý văn bản này được xem nội dung.';

/** What a masked document's page says, wherever it is masked (this PC, or this user). */
export const SECRET_MASKED_NOTICE =
  'Văn bản mật: ở đây chỉ hiện số, ngày, cơ quan ban hành, số ký hiệu và độ khẩn. Nội dung chỉ văn thư, lãnh đạo và người được giao xử lý xem được, trên máy tính đã đăng ký văn bản.';

export const SECRET_ELSEWHERE_MESSAGE =
  'Nội dung văn bản mật chỉ lưu trên máy tính đã đăng ký văn bản (Luật Bảo vệ bí mật nhà nước 2018, Điều 5); trên máy này chỉ có số, ngày và cơ quan ban hành.';

export const SECRET_FILE_REFUSED_MESSAGE =
  'Không được lưu tệp của văn bản mật trên máy tính có kết nối mạng (Luật Bảo vệ bí mật nhà nước 2018, Điều 5). ' +
  'Nếu máy này không nối mạng, quản trị khai báo điều đó trong Quản trị → Máy tính này; khi đó máy không đồng bộ.';

export const AIR_GAPPED_SYNC_MESSAGE =
  'Máy tính này đã được khai báo là không nối mạng (để lưu tệp văn bản mật), nên không đồng bộ. Quản trị có thể đổi lại trong Quản trị → Máy tính này.';
