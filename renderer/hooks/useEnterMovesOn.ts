// Keyboard-first forms: Enter moves to the next field (Shift+Enter keeps a new line in a text
// area); an open pick list keeps its Enter to choose. Enter on the last field submits.
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

/** An open pick list with a highlighted option: Enter belongs to it (it picks, then moves on). */
export function hasActiveOption(el: HTMLElement): boolean {
  if (el.getAttribute('aria-expanded') !== 'true') return false;
  const active = el.getAttribute('aria-activedescendant');
  return !!active && !!document.getElementById(active);
}

export function useEnterMovesOn(onLastField: () => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.nativeEvent.isComposing) return;
      const target = e.target as HTMLElement;
      if (!target.matches(FIELDS)) return;
      if (hasActiveOption(target)) return;
      e.preventDefault();
      if (!focusNextField(target, e.currentTarget)) onLastField();
    },
    [onLastField],
  );
}
