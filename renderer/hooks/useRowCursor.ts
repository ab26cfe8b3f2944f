// A list of rows walked from the keyboard: the table's frame takes the focus (one Tab stop),
// arrows move a cursor row, PageUp/PageDown a screenful, Home/End the ends, Enter opens the
// row and F4 (or Shift+Enter) edits it. Screen readers follow the cursor through
// aria-activedescendant, so the focus never leaves the frame, even when a virtual table drops
// the rows scrolled away. Near the end of what is loaded it asks for the next page.
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';

const NEAR_END = 20;

export interface RowCursorOptions<T> {
  rows: T[];
  /** A stable prefix for the rows' element ids. */
  idPrefix: string;
  onOpen?: (row: T) => void;
  onEdit?: (row: T) => void;
  /** More rows exist beyond the last loaded one. */
  onNearEnd?: () => void;
  /** Brings a row into view (a virtual table renders only what is on screen). */
  scrollTo?: (index: number) => void;
  /** The frame element, when the caller holds its ref already. */
  frame?: RefObject<HTMLDivElement | null>;
}

/** A click on a button or a link inside a row is that control's, not the row's. */
function fromControl(e: MouseEvent) {
  return !!(e.target as HTMLElement).closest('button, a, input, textarea, .ant-select, .ant-dropdown');
}

export function rowElementId(prefix: string, id: string) {
  return `${prefix}-${id}`;
}

export function useRowCursor<T extends { id: string }>(opts: RowCursorOptions<T>) {
  const { rows, idPrefix } = opts;
  const [active, setActive] = useState(-1);
  const own = useRef<HTMLDivElement>(null);
  const frame = opts.frame ?? own;
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  // A new listing (another filter) starts again at its top; a shorter one keeps the cursor inside.
  const first = rows[0]?.id;
  useEffect(() => setActive((a) => (a < 0 ? a : 0)), [first]);
  const current = active >= rows.length ? rows.length - 1 : active;

  const scroll = useCallback(
    (index: number) => {
      const { scrollTo } = latest.current;
      if (scrollTo) scrollTo(index);
      else {
        const row = latest.current.rows[index];
        if (row) document.getElementById(rowElementId(idPrefix, row.id))?.scrollIntoView({ block: 'nearest' });
      }
    },
    [idPrefix],
  );

  const moveTo = useCallback(
    (index: number) => {
      const { rows: all, onNearEnd } = latest.current;
      if (all.length === 0) return;
      const to = Math.max(0, Math.min(all.length - 1, index));
      setActive(to);
      scroll(to);
      if (to >= all.length - NEAR_END) onNearEnd?.();
    },
    [scroll],
  );

  /** Rows that fit on the screen, measured from a rendered row. */
  const screenful = () => {
    const el = frame.current;
    const row = el?.querySelector<HTMLElement>('.ant-table-row');
    const body = el?.querySelector<HTMLElement>('.ant-table-body, .ant-table-tbody-virtual-holder') ?? el;
    if (!row || !body) return 10;
    return Math.max(1, Math.floor(body.clientHeight / Math.max(1, row.offsetHeight)) - 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed into a control inside a row (a button, a field) are that control's.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    const at = current < 0 ? -1 : current;
    const row = rows[at];
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(Math.max(0, at - 1)),
      PageDown: () => moveTo(at + screenful()),
      PageUp: () => moveTo(at - screenful()),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      Enter: () => row && (e.shiftKey && opts.onEdit ? opts.onEdit(row) : opts.onOpen?.(row)),
      ' ': () => row && opts.onOpen?.(row),
      F4: () => row && opts.onEdit?.(row),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target === e.currentTarget && current < 0 && rows.length > 0) setActive(0);
  };

  const activeRow = current >= 0 ? rows[current] : undefined;
  return {
    active: current,
    frameProps: {
      ref: frame,
      tabIndex: 0,
      role: 'group' as const,
      'aria-activedescendant': activeRow ? rowElementId(idPrefix, activeRow.id) : undefined,
      onKeyDown,
      onFocus,
    },
    rowProps: (row: T, index: number) => ({
      id: rowElementId(idPrefix, row.id),
      onClick: (e: MouseEvent) => {
        setActive(index);
        if (!fromControl(e)) opts.onOpen?.(row);
      },
      onDoubleClick: (e: MouseEvent) => {
        if (!fromControl(e)) opts.onEdit?.(row);
      },
    }),
    rowClass: (index: number) => (index === current ? 'vt-cursor' : ''),
  };
}
