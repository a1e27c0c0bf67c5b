/**
 * A virtualised list: only the rows in view are in the DOM, so lists stay fast with thousands of
 * records. Rows are links or buttons rendered by the caller; the list is a labelled region.
 */
import { useCallback, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  label: string;
  renderRow: (item: T, index: number) => ReactNode;
  getKey: (item: T) => string;
}

export function VirtualList<T>({ items, rowHeight, label, renderRow, getKey }: VirtualListProps<T>) {
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
  return (
    <div ref={parentRef} className="virtual-list" role="region" aria-label={label} tabIndex={0}>
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <li key={row.key} className="virtual-row" aria-setsize={items.length} aria-posinset={row.index + 1} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: row.size, transform: `translateY(${row.start}px)` }}>
            {renderRow(items[row.index], row.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
