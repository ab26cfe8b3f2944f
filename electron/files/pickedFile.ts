// A file the user picked in the desktop window, by its path: its size, or a clear message.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors.js';

export async function pickedFileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (s.isFile()) return s.size;
  } catch {
    /* said below */
  }
  throw new AppError('NOT_FOUND', `Không đọc được tệp “${basename(path)}”.`);
}
