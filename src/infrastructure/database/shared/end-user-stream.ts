import type { StoredEndUser } from '../../../core/end-users/end-user';
import type { EndUserRepository } from '../../../core/ports/users-and-events.repositories';
import type { CursorPage } from '../../../core/shared/paging';

/** EndUserRepository.stream for every provider: forward cursor pages of `search` until the last. */
export async function* streamEndUsers(
  repository: Pick<EndUserRepository, 'search'>,
  envId: string,
  searchText: string | undefined,
  batchSize: number,
): AsyncIterable<StoredEndUser[]> {
  let last: StoredEndUser | null = null;
  for (;;) {
    const page: CursorPage<StoredEndUser> = await repository.search(envId, {
      searchText,
      pageSize: batchSize,
      cursor: last ? { id: last.id, updatedAt: last.updatedAt, direction: 'forward' } : null,
    });
    if (page.items.length) yield page.items;
    if (!page.nextCursor) return;
    last = page.items[page.items.length - 1];
  }
}
