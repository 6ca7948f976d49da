import { NotFoundError, RevisionConflictError } from '../../../core/shared/errors';

/**
 * A compare-and-set update that matched nothing: the record is gone (NotFoundError) or another
 * writer changed it first (RevisionConflictError). `exists` asks the store which.
 */
export async function unmatchedUpdate(
  entity: string,
  id: string,
  exists: () => Promise<boolean>,
): Promise<never> {
  if (!(await exists())) throw new NotFoundError(entity, id);
  throw new RevisionConflictError(entity, id);
}
