import type { Cursor, CursorPage, CursorPageRequest } from '../../../core/shared/paging';
import { MAX_PAGE_SIZE } from './paging';

/**
 * Keyset paging over (updatedAt desc, id desc). A forward cursor returns the rows after it in
 * that order, a backward cursor the rows just before it. Adapters fetch `limit` = pageSize + 1
 * rows in query order (descending forward, ascending backward) and hand them to `cursorPage`.
 */
export function cursorWindow(request: CursorPageRequest): {
  pageSize: number;
  limit: number;
  cursor: Cursor | null;
  backward: boolean;
} {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize) || 1));
  const cursor = request.cursor ?? null;
  return { pageSize, limit: pageSize + 1, cursor, backward: cursor?.direction === 'backward' };
}

export function cursorPage<T extends { id: string; updatedAt: string }>(
  fetched: T[],
  window: ReturnType<typeof cursorWindow>,
): CursorPage<T> {
  const hasMore = fetched.length > window.pageSize;
  const slice = fetched.slice(0, window.pageSize);
  const items = window.backward ? slice.reverse() : slice;
  const at = (item: T | undefined, direction: Cursor['direction']): Cursor | null =>
    item ? { id: item.id, updatedAt: item.updatedAt, direction } : null;
  const first = items[0];
  const last = items[items.length - 1];
  if (window.backward) {
    return { items, previousCursor: hasMore ? at(first, 'backward') : null, nextCursor: at(last, 'forward') };
  }
  return {
    items,
    previousCursor: window.cursor ? at(first, 'backward') : null,
    nextCursor: hasMore ? at(last, 'forward') : null,
  };
}
