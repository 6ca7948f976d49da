import type { PageRequest } from '../../../core/shared/paging';

export const MAX_PAGE_SIZE = 1000;

/** Offset and limit for a page; callers validate input, this only keeps the query sane. */
export function pageWindow(page: PageRequest): { offset: number; limit: number } {
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(page.pageSize) || 1));
  const index = Math.max(0, Math.floor(page.pageIndex) || 0);
  return { offset: index * limit, limit };
}
