// The office's working calendar: holidays from settings (editable), else the defaults.
import { DEFAULT_HOLIDAYS_2026, WorkCalendar } from '../../shared/domain/workdays.js';
import { readSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';

export const HOLIDAYS_SETTING = 'calendar.holidays';

export function workCalendar(store: Store): WorkCalendar {
  return new WorkCalendar(readSetting<string[]>(store, HOLIDAYS_SETTING, [...DEFAULT_HOLIDAYS_2026]));
}
