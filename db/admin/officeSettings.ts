// The settings an admin changes in Quản trị: attachment size limit, where dấu ĐẾN goes, the
// holidays that working-day deadlines skip.
import { DEFAULT_HOLIDAYS_2026 } from '../../shared/domain/workdays.js';
import { HOLIDAYS_SETTING } from './calendar.js';
import { readSetting, writeSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';
import type { WriteContext } from '../core/write.js';
import { COPY_MARKS_SETTING, copyMarkSettings, type CopyMarks } from '../access/copyMarks.js';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;
import type { Corner, StampRule } from '../../shared/domain/stampPlace.js';

export function getOfficeSettings(store: Store) {
  const stamp = readSetting<{ corner?: Corner; rule?: StampRule }>(store, 'stamp', {});
  return {
    attachmentsMaxMb: Math.round(readSetting(store, 'attachments.maxBytes', DEFAULT_MAX_ATTACHMENT_BYTES) / (1024 * 1024)),
    stampCorner: stamp.corner ?? 'top-left',
    stampRule: stamp.rule ?? 'decree',
    holidays: readSetting<string[]>(store, HOLIDAYS_SETTING, [...DEFAULT_HOLIDAYS_2026]),
    copyMarks: copyMarkSettings(store),
  };
}

export function saveOfficeSettings(
  store: Store,
  ctx: WriteContext,
  input: {
    attachmentsMaxMb: number;
    stampCorner: Corner;
    stampRule?: StampRule | undefined;
    holidays: string[];
    copyMarks?: CopyMarks | undefined;
  },
) {
  writeSetting(store, ctx, 'attachments.maxBytes', input.attachmentsMaxMb * 1024 * 1024);
  writeSetting(store, ctx, 'stamp', {
    ...readSetting<Record<string, unknown>>(store, 'stamp', {}),
    corner: input.stampCorner,
    ...(input.stampRule ? { rule: input.stampRule } : {}),
  });
  writeSetting(store, ctx, HOLIDAYS_SETTING, [...new Set(input.holidays)].sort());
  if (input.copyMarks) writeSetting(store, ctx, COPY_MARKS_SETTING, input.copyMarks);
  return getOfficeSettings(store);
}
