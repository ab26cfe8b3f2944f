import { useEffect, useEffectEvent } from 'react';

/** A key for the whole page (F2 opens a new registration), while the component is shown. */
export function useKey(key: string, fn: () => void): void {
  const run = useEffectEvent(fn);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === key) {
        e.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key]);
}
