import { useEffect, useRef, useState } from 'react';

/** The height left for a virtual table's body inside its wrapper (less the header row). */
export function useTableHeight(header = 56) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    if (!ref.current) return;
    const ro = new ResizeObserver(([entry]) => setHeight(Math.max(200, Math.floor(entry!.contentRect.height) - header)));
    ro.observe(ref.current);
    return () => ro.disconnect();
  }, [header]);
  return { ref, height };
}
