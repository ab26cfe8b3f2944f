// Keyboard-first forms: Enter moves to the next field (Shift+Enter keeps a new line in a text
// area). In an open pick list Enter takes the highlighted choice — or the first one, when the
// list has not marked one yet (it does so a moment after the last key) — and then moves on.
// Enter on the last field submits.
import { useCallback, type KeyboardEvent } from 'react';

const FIELDS = 'input:not([type=hidden]):not([disabled]):not([readonly]), input[role=combobox]:not([disabled]), textarea:not([disabled])';

export function focusNextField(from: HTMLElement, container: HTMLElement): boolean {
  const fields = Array.from(container.querySelectorAll<HTMLElement>(FIELDS)).filter((el) => el.offsetParent !== null && el.tabIndex >= 0);
  const i = fields.findIndex((el) => el === from || el.contains(from));
  const next = fields[i + 1];
  if (!next) return false;
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
  return true;
}

/** An open pick list with a highlighted option. */
export function hasActiveOption(el: HTMLElement): boolean {
  if (el.getAttribute('aria-expanded') !== 'true') return false;
  const active = el.getAttribute('aria-activedescendant');
  return !!active && !!document.getElementById(active);
}

function firstVisibleOption(): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:not(.ant-select-item-option-disabled)',
  );
}

export function useEnterMovesOn(onLastField: () => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.nativeEvent.isComposing) return;
      const target = e.target as HTMLElement;
      if (!target.matches(FIELDS)) return;
      // A list that takes several choices keeps Enter for choosing.
      if (target.closest('.ant-select-multiple')) return;
      if (target.getAttribute('aria-expanded') === 'true' && !hasActiveOption(target)) firstVisibleOption()?.click();
      e.preventDefault();
      // A pick may already have moved the focus on (onSelect); move only if it is still here.
      if (document.activeElement !== target && !target.contains(document.activeElement)) return;
      if (!focusNextField(target, e.currentTarget)) onLastField();
    },
    [onLastField],
  );
}
