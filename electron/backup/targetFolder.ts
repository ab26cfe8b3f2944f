// Where a backup or an export may be written: a real folder the user can write to — not a
// relative path, not the kernel's virtual files (/proc, /sys, /dev: a write there can block
// forever), not a Windows device path. Every file-system error becomes a Vietnamese answer.
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AppError } from '../../shared/api/errors.js';

const SYSTEM = process.platform === 'win32' ? /^\\\\[.?]\\/ : /^\/(proc|sys|dev|run)(\/|$)/;

function refuseSystem(path: string, field: string): void {
  if (SYSTEM.test(path)) {
    throw new AppError(
      'VALIDATION',
      `“${path}” là thư mục của hệ thống, không phải nơi lưu dữ liệu. Hãy chọn một thư mục trên ổ đĩa hoặc ổ USB.`,
      {
        field,
      },
    );
  }
}

/** The folder as an absolute path, after the checks that need no disk (for settings saved now, used later). */
export function plainFolder(dir: string, field = 'dir'): string {
  if (!isAbsolute(dir)) throw new AppError('VALIDATION', 'Hãy chọn thư mục bằng đường dẫn đầy đủ (ví dụ D:\\SaoLuu).', { field });
  const root = resolve(dir);
  refuseSystem(root, field);
  return root;
}

/** The folder, checked where it really leads (a link into /proc is refused too). */
export async function usableFolder(dir: string, field = 'dir'): Promise<string> {
  const root = plainFolder(dir, field);
  let existing = root;
  for (;;) {
    try {
      refuseSystem(await realpath(existing), field);
      return root;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const parent = dirname(existing);
      if (parent === existing) return root;
      existing = parent;
    }
  }
}

/** A file-system failure while writing into `root`, in words the user can act on. */
export function folderError(err: unknown, root: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC') return new AppError('INTERNAL', `Ổ đĩa của “${root}” đã đầy; phần đã ghi dở đã được xóa.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('FORBIDDEN', `Không ghi được vào “${root}” (không có quyền hoặc ổ chỉ đọc).`);
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `Không tìm thấy thư mục “${root}” (ổ USB đã rút?).`);
  return new AppError('VALIDATION', `Không ghi được vào “${root}”: đó không phải một thư mục ghi được. Hãy chọn thư mục khác.`, {
    field: 'dir',
  });
}
