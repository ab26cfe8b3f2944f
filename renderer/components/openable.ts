import type { KeyboardEvent } from 'react';

/** A card or a line that opens something, by click, Enter or Space. */
export function openable(open: () => void) {
  return {
    tabIndex: 0,
    role: 'button' as const,
    className: 'vt-open-row',
    onClick: open,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      open();
    },
  };
}
