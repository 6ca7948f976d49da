export interface PageRequest {
  /** 0-based. */
  pageIndex: number;
  pageSize: number;
}

export interface Page<T> {
  totalCount: number;
  items: T[];
}

export interface Cursor {
  id: string;
  updatedAt: string;
  direction: 'forward' | 'backward';
}

export interface CursorPageRequest {
  cursor?: Cursor | null;
  pageSize: number;
}

export interface CursorPage<T> {
  items: T[];
  previousCursor: Cursor | null;
  nextCursor: Cursor | null;
}
