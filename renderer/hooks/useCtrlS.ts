import { useEffect, useEffectEvent } from 'react';

/** Ctrl+S (⌘S) runs `save` while `active`, instead of the browser's "save page". */
export function useCtrlS(save: () => void, active = true): void {
  const run = useEffectEvent(save);
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);
}
