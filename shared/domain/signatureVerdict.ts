// What a checked signature amounts to for the clerk, in the words of the trade: hợp lệ (intact,
// from a trusted CA, the certificate valid when it signed), chưa tin cậy (intact, but the CA is
// not one the office trusts, or the certificate was not valid then), không hợp lệ (the bytes or
// the signature do not hold; or the CA revoked the certificate before it signed). Whether
// revocation was checked is always said.
export interface CheckFacts {
  intact: boolean;
  problem: string | null;
  trusted: boolean;
  trustProblem: string | null;
  coversWholeFile: boolean;
  /** What the revisions appended after the signature changed. */
  later?: LaterKind | undefined;
  /** Asked of the CA when the network allowed; unchecked otherwise. */
  revocation?: 'unchecked' | 'good' | 'revoked' | undefined;
  revocationNote?: string | null | undefined;
}

export type LaterKind = 'none' | 'signatures' | 'annotations' | 'form' | 'content' | 'unknown';

/** What was done to the file after it was signed, in the clerk's words. */
export const LATER_WORDS: Record<LaterKind, string | null> = {
  none: null,
  signatures: 'Sau khi ký, tệp chỉ được ký thêm (chữ ký số khác); phần đã ký vẫn nguyên vẹn.',
  annotations: 'Sau khi ký, tệp chỉ được thêm dấu hoặc ghi chú (như dấu ĐẾN), nội dung trang không đổi; phần đã ký vẫn nguyên vẹn.',
  form: 'Sau khi ký, các ô biểu mẫu của tệp được điền hoặc sửa; phần đã ký vẫn nguyên vẹn.',
  content:
    'Nội dung tệp đã bị sửa sau khi ký (trang, hình vẽ hoặc chữ được thay đổi ở phần thêm vào): bản đang xem khác bản đã ký. Phần đã ký vẫn nguyên vẹn.',
  unknown: 'Tệp có phần được thêm sau khi ký; phần đã ký vẫn nguyên vẹn.',
};

export type VerdictLevel = 'valid' | 'untrusted' | 'invalid';

export const REVOCATION_UNCHECKED = 'Chưa kiểm tra được tình trạng thu hồi của chứng thư số (cần kết nối mạng tới tổ chức cấp).';

export function signatureVerdict(c: CheckFacts): { level: VerdictLevel; label: string; notes: string[] } {
  const notes: string[] = [];
  if (!c.intact) return { level: 'invalid', label: 'Không hợp lệ', notes: [c.problem ?? 'Chữ ký không kiểm tra được.'] };
  if (c.revocation === 'revoked')
    return { level: 'invalid', label: 'Không hợp lệ', notes: [c.revocationNote ?? 'Chứng thư số đã bị thu hồi trước lúc ký.'] };
  // What the CA said (a CRL read), or why it could not be asked.
  const revocation = c.revocationNote ?? (c.revocation === 'good' ? '' : REVOCATION_UNCHECKED);
  const later = LATER_WORDS[c.coversWholeFile ? 'none' : (c.later ?? 'unknown')];
  if (later) notes.push(later);
  // What the reader sees is not what was signed: not valid as shown, whoever signed it.
  if (!c.coversWholeFile && c.later === 'content')
    return {
      level: 'untrusted',
      label: 'Bị sửa sau khi ký',
      notes: [...notes, ...(c.trusted ? [] : [c.trustProblem ?? '']), revocation].filter(Boolean),
    };
  if (!c.trusted)
    return {
      level: 'untrusted',
      label: 'Chưa tin cậy',
      notes: [c.trustProblem ?? 'Chưa xác định được tổ chức cấp chứng thư.', ...notes, revocation],
    };
  return {
    level: 'valid',
    label: 'Hợp lệ',
    notes: ['Phần đã ký nguyên vẹn; chứng thư do tổ chức gốc được tin cậy cấp, còn hiệu lực khi ký.', ...notes, revocation],
  };
}
