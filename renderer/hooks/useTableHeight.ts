import { useEffect, useRef, useState } from 'react';

/** The height left for a virtual table's body inside its wrapper, less its header as drawn
 * (the register's headers wrap onto two or three lines in a narrow window). */
export function useTableHeight(fallbackHeader = 56) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const header = el.querySelector<HTMLElement>('.ant-table-header')?.offsetHeight || fallbackHeader;
      setHeight(Math.max(120, Math.floor(el.clientHeight) - header - 2));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    const header = el.querySelector('.ant-table-header');
    if (header) ro.observe(header);
    return () => ro.disconnect();
  }, [fallbackHeader]);
  return { ref, height };
}
