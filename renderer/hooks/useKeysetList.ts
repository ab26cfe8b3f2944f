// Loads a register page by page (keyset cursors) as the table scrolls, and starts over when
// the filters change. Loading is keyed by cursor: each cursor is fetched once per listing, so
// scroll events faster than the answers (a touchpad fling) never load a page twice; stale
// answers from an earlier filter are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function useKeysetList<F, T>(fetchPage: (filters: F, cursor: string | null) => Promise<Page<T>>, filters: F) {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const generation = useRef(0);
  const busy = useRef(false);
  /** Where the next page starts; updated with the answer, before another load may begin. */
  const next = useRef<string | null>(null);
  /** Cursors already asked for in this listing. */
  const asked = useRef(new Set<string>());

  const load = useCallback(
    async (reset: boolean) => {
      if (busy.current && !reset) return;
      if (reset) {
        next.current = null;
        asked.current = new Set();
      }
      const from = reset ? null : next.current;
      if (!reset && (from === null || asked.current.has(from))) return;
      if (from !== null) asked.current.add(from);
      const gen = reset ? ++generation.current : generation.current;
      busy.current = true;
      setLoading(true);
      try {
        const page = await fetchPage(filters, from);
        if (gen !== generation.current) return;
        next.current = page.nextCursor;
        setItems((prev) => (reset ? page.items : [...prev, ...page.items]));
        setDone(page.nextCursor === null);
        setError(null);
      } catch (err) {
        if (from !== null) asked.current.delete(from); // may be asked again
        if (gen === generation.current) setError((err as Error).message);
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [fetchPage, filters],
  );

  useEffect(() => {
    void load(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters]);

  const loadMore = useCallback(() => {
    if (!done && !busy.current) void load(false);
  }, [done, load]);

  return { items, loading, error, done, loadMore, reload: () => load(true), setItems };
}
