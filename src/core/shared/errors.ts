// Typed errors every adapter raises, so callers map them once (API: 409, 404, 503 …).

export class DuplicateKeyError extends Error {
  constructor(
    readonly entity: string,
    readonly field: string,
    readonly value?: string,
  ) {
    super(`${entity} with this ${field}${value === undefined ? '' : ` (${value})`} already exists`);
    this.name = 'DuplicateKeyError';
  }
}

/** The caller's revision (or version) is stale: someone else changed the record first. */
export class RevisionConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was changed by someone else`);
    this.name = 'RevisionConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** A backing service (database, broker, cache) cannot be reached; the request may be retried. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause?: unknown,
  ) {
    super(`${service} is unavailable`, { cause });
    this.name = 'StoreUnavailableError';
  }
}
