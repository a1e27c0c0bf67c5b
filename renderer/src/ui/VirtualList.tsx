/**
 * A virtualised list: only the rows in view are in the DOM, so lists stay fast with thousands of
 * records. Rows are links or buttons rendered by the caller; the list is a labelled region.
 */
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  label: string;
  renderRow: (item: T, index: number) => ReactNode;
  getKey: (item: T) => string;
  /**
   * The key of a row to scroll to and put the cursor on (its first link or button), e.g. the record
   * just saved; `onFocused` is called once it is done, or with `false` when no row has that key.
   */
  focusKey?: string;
  onFocused?: (found: boolean) => void;
}

/** Frames to wait for a row scrolled to to be drawn before giving up on it. */
const FOCUS_FRAMES = 10;

export function VirtualList<T>({ items, rowHeight, label, renderRow, getKey, focusKey, onFocused }: VirtualListProps<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  // The virtualizer recomputes every row's position (all of them: 100 000 in a big list) whenever this
  // function changes, so it changes only with the items (or a new getKey: pass a stable one).
  const getItemKey = useCallback((index: number) => getKey(items[index]), [items, getKey]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey,
  });
  const focusDone = useRef(onFocused);
  useEffect(() => { focusDone.current = onFocused; });
  useEffect(() => {
    if (focusKey === undefined) return;
    const index = items.findIndex((item) => getKey(item) === focusKey);
    if (index < 0) {
      focusDone.current?.(false);
      return;
    }
    virtualizer.scrollToIndex(index, { align: 'center' });
    let frames = 0;
    let frame = requestAnimationFrame(function tryFocus() {
      const row = [...(parentRef.current?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find((el) => el.dataset.key === focusKey);
      const target = row?.querySelector<HTMLElement>('a, button');
      if (target) {
        target.focus();
        focusDone.current?.(true);
      } else if (++frames < FOCUS_FRAMES) frame = requestAnimationFrame(tryFocus);
      else focusDone.current?.(false);
    });
    return () => cancelAnimationFrame(frame);
    // Only when asked for another row: a list redrawn by a live query must not steal the cursor back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);
  return (
    <div ref={parentRef} className="virtual-list" role="region" aria-label={label} tabIndex={0}>
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <li key={row.key} data-key={String(row.key)} className="virtual-row" aria-setsize={items.length} aria-posinset={row.index + 1} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: row.size, transform: `translateY(${row.start}px)` }}>
            {renderRow(items[row.index], row.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
