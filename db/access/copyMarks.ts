// Which copies taken out of VănThư carry the mark "Bản in/tải từ VănThư — <họ tên> — <thời gian>"
// (an office setting, the admin's): prints and downloads, both by default.
import { readSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';

export const COPY_MARKS_SETTING = 'copies.mark';

export interface CopyMarks {
  print: boolean;
  download: boolean;
}

export function copyMarkSettings(store: Store): CopyMarks {
  const v = readSetting<Partial<CopyMarks>>(store, COPY_MARKS_SETTING, {});
  return { print: v.print !== false, download: v.download !== false };
}
