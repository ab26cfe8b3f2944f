// The sync server's address as typed by a person: https, or http only to this very PC.
import { AppError } from '../../shared/api/errors.js';
import { isHttpsOrLocal } from '../../shared/sync/secureUrl.js';

export function normalizeServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('VALIDATION', 'Địa chỉ máy chủ không hợp lệ; ví dụ đúng: https://dongbo.pgd-hoankiem.edu.vn', { field: 'url' });
  }
  if (url.protocol === 'http:' && !isHttpsOrLocal(url.href)) {
    throw new AppError(
      'VALIDATION',
      'Máy chủ đồng bộ phải dùng https:// (dữ liệu công văn đi qua mạng phải được mã hóa). http:// chỉ dùng được với 127.0.0.1 trên chính máy này.',
      {
        field: 'url',
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new AppError('VALIDATION', 'Địa chỉ máy chủ phải bắt đầu bằng https://', { field: 'url' });
  if (url.username || url.password)
    throw new AppError('VALIDATION', 'Không ghi tên đăng nhập hay mật khẩu vào địa chỉ máy chủ.', { field: 'url' });
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}
