// Keyboard-first forms: Enter moves to the next field (Shift+Enter keeps a new line in a text
// area), Enter on the last field submits. Pick lists behave alike everywhere: Enter on a closed
// list moves on without opening it; in an open list Enter takes the highlighted choice — or the
// first one when none is marked yet — and then moves on, leaving nothing open. While an input
// method (Telex, VNI) is composing a word, Enter is the input method's: nothing is submitted,
// moved or inserted. The handlers run in the capture phase, before the list's own.
import { useCallback, useRef, type KeyboardEvent } from 'react';

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

/**
 * The option Enter takes in an open list: the one the user moved to with the arrows; else, with
 * something typed, the first line shown (a list's own highlight can be a longer known name, or
 * the choice highlighted before the last keys — "KT" typed fast must be KT., "UBND huyện" must
 * stay what was typed); with nothing typed, the highlighted one (the current value). Only this
 * list's popup is looked in, not another list's still closing.
 */
function optionToTake(el: HTMLElement, arrowed: boolean): HTMLElement | null {
  const popup = document.getElementById(el.getAttribute('aria-controls') ?? '')?.closest('.ant-select-dropdown');
  if (!popup) return null;
  const typed = el instanceof HTMLInputElement && el.value.trim() !== '';
  const active = popup.querySelector<HTMLElement>('.ant-select-item-option-active:not(.ant-select-item-option-disabled)');
  if (active && (arrowed || !typed)) return active;
  return popup.querySelector<HTMLElement>('.ant-select-item-option:not(.ant-select-item-option-disabled)');
}

export function useEnterMovesOn(onLastField: () => void) {
  const composing = useRef(false);
  /** The list the user last moved through with the arrows (reset by any other key). */
  const arrowed = useRef<EventTarget | null>(null);
  const onKeyDownCapture = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') arrowed.current = e.target;
      else if (e.key !== 'Enter') arrowed.current = null;
      if (e.key !== 'Enter' && e.key !== 'Process') return;
      const target = e.target as HTMLElement;
      if (!target.matches(FIELDS)) return;
      if (e.nativeEvent.isComposing || composing.current || e.key === 'Process') {
        // Not a new line, not the list's choice, not a move: the input method is finishing a word.
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (e.shiftKey || e.ctrlKey || e.altKey || e.metaKey) return;
      // A list that takes several choices keeps Enter for choosing.
      if (target.closest('.ant-select-multiple')) return;
      const container = e.currentTarget;
      const moveOn = () => {
        // A pick may already have moved the focus on (onSelect); move only if it is still here.
        if (document.activeElement !== target && !target.contains(document.activeElement)) return;
        if (!focusNextField(target, container)) onLastField();
      };
      e.preventDefault();
      if (target.getAttribute('role') === 'combobox') {
        // The list does not see this Enter (a closed one would open); the choice is clicked here.
        e.stopPropagation();
        if (target.getAttribute('aria-expanded') === 'true') optionToTake(target, arrowed.current === target)?.click();
        arrowed.current = null;
      }
      moveOn();
    },
    [onLastField],
  );
  return {
    onKeyDownCapture,
    onCompositionStartCapture: () => void (composing.current = true),
    onCompositionEndCapture: () => void (composing.current = false),
  };
}
