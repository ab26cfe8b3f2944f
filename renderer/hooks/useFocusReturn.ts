// Esc (or Đóng) gives the focus back to what opened a drawer — unless the user has gone on
// elsewhere while it slid away (Ctrl+K pressed at once): antd's own return comes at the end of
// the animation and would pull him back out of the search box mid-word.
import { useLayoutEffect, useRef } from 'react';

export function useFocusReturn(open: boolean) {
  const from = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  return {
    focusable: { focusTriggerAfterClose: false },
    afterOpenChange: (isOpen: boolean) => {
      if (isOpen) return;
      const now = document.activeElement;
      if (!now || now === document.body || now.closest('.ant-drawer')) from.current?.focus();
    },
  };
}
