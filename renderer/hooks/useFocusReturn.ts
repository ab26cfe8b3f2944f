// A drawer and the keyboard: Esc (or Đóng) gives the focus back to what opened it — unless the
// user has gone on elsewhere while it slid away (Ctrl+K pressed at once): antd's own return comes
// at the end of the animation and would pull him back out of the search box mid-word. And Esc
// closes the top drawer even when the focus fell to the page's body (a button that disabled
// itself, a part that re-rendered): antd listens on the drawer only, and the user was stuck.
import { useEffect, useLayoutEffect, useRef } from 'react';

/** Open drawers, the last opened on top. */
const openDrawers: symbol[] = [];

export function useFocusReturn(open: boolean, onClose?: () => void) {
  const from = useRef<HTMLElement | null>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useLayoutEffect(() => {
    if (open) from.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const me = Symbol('drawer');
    openDrawers.push(me);
    const onKey = (e: KeyboardEvent) => {
      const lost = !document.activeElement || document.activeElement === document.body;
      if (e.key === 'Escape' && lost && openDrawers[openDrawers.length - 1] === me) close.current?.();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      openDrawers.splice(openDrawers.indexOf(me), 1);
    };
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
