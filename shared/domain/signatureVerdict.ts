// What a checked signature amounts to for the clerk, in the words of the trade: hợp lệ (intact,
// from a trusted CA, the certificate valid when it signed), chưa tin cậy (intact, but the CA is
// not one the office trusts, or the certificate was not valid then), không hợp lệ (the bytes or
// the signature do not hold). Revocation cannot be checked offline: always said.
export interface CheckFacts {
  intact: boolean;
  problem: string | null;
  trusted: boolean;
  trustProblem: string | null;
  coversWholeFile: boolean;
}

export type VerdictLevel = 'valid' | 'untrusted' | 'invalid';

export const REVOCATION_UNCHECKED = 'Chưa kiểm tra được tình trạng thu hồi của chứng thư số (cần kết nối mạng tới tổ chức cấp).';

export function signatureVerdict(c: CheckFacts): { level: VerdictLevel; label: string; notes: string[] } {
  const notes: string[] = [];
  if (!c.intact) return { level: 'invalid', label: 'Không hợp lệ', notes: [c.problem ?? 'Chữ ký không kiểm tra được.'] };
  if (!c.coversWholeFile) notes.push('Tệp có phần được thêm sau khi ký; phần đã ký vẫn nguyên vẹn.');
  if (!c.trusted)
    return {
      level: 'untrusted',
      label: 'Chưa tin cậy',
      notes: [c.trustProblem ?? 'Chưa xác định được tổ chức cấp chứng thư.', ...notes, REVOCATION_UNCHECKED],
    };
  return {
    level: 'valid',
    label: 'Hợp lệ',
    notes: ['Phần đã ký nguyên vẹn; chứng thư do tổ chức gốc được tin cậy cấp, còn hiệu lực khi ký.', ...notes, REVOCATION_UNCHECKED],
  };
}
