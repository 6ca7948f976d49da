import { DuplicateKeyError, StoreUnavailableError } from '../../../core/shared/errors';
import { uniqueIndexField } from '../shared/unique-indexes';

interface MongoErrorFields {
  name?: string;
  code?: number;
  message?: string;
  keyPattern?: Record<string, unknown>;
  writeErrors?: { code?: number; errmsg?: string }[];
  errorLabels?: string[];
  errorLabelSet?: Set<string>;
}

const NETWORK_ERROR_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongooseServerSelectionError',
]);

export function isDuplicateKey(error: unknown): boolean {
  const e = error as MongoErrorFields | null;
  if (!e) return false;
  if (e.code === 11000 || !!e.writeErrors?.some((w) => w.code === 11000)) return true;
  // FerretDB 1.x answers an update (not an insert) that breaks a unique index with InternalError
  // (code 1) carrying PostgreSQL's own message, where MongoDB answers E11000.
  return e.code === 1 && typeof e.message === 'string' && e.message.includes('(SQLSTATE 23505)');
}

/**
 * The unique index named in an E11000 message ("… index: uq_x dup key: …"); undefined when the
 * server does not say (FerretDB reports only the collection).
 */
export function duplicateIndexName(error: unknown): string | undefined {
  return indexName(error as MongoErrorFields);
}

function indexName(error: MongoErrorFields): string | undefined {
  const text = error.message ?? error.writeErrors?.find((w) => w.code === 11000)?.errmsg ?? '';
  const match = /index: (\S+)/.exec(text);
  if (match) return match[1];
  const fields = Object.keys(error.keyPattern ?? {});
  return fields.length === 1 && fields[0] === '_id' ? '_id_' : undefined;
}

export function isMongoConnectionError(error: unknown): boolean {
  const e = error as MongoErrorFields | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name && NETWORK_ERROR_NAMES.has(e.name)) return true;
  const labels = e.errorLabelSet ?? new Set(e.errorLabels ?? []);
  return (
    labels.has('ResetPool') ||
    labels.has('SystemOverloadedError') ||
    /connection .* closed|ECONNREFUSED/i.test(e.message ?? '')
  );
}

/**
 * Translates driver errors into the typed errors of src/core/shared/errors.ts; `clashIndex` names
 * the violated unique index when the caller found it itself.
 */
export function mapMongoError(error: unknown, entity: string, clashIndex?: string): unknown {
  if (error instanceof DuplicateKeyError || error instanceof StoreUnavailableError) return error;
  if (isDuplicateKey(error))
    return new DuplicateKeyError(
      entity,
      uniqueIndexField(clashIndex ?? indexName(error as MongoErrorFields)),
    );
  if (isMongoConnectionError(error)) return new StoreUnavailableError('MongoDB', error);
  return error;
}
