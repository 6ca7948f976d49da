import { type FeatureFlag, SEGMENT_IN, SEGMENT_NOT_IN } from '../../../../core/flags/feature-flag';
import {
  type FlagFilter,
  FlagRepository,
  type FlagRevisionRecord,
  FlagRevisionRepository,
  type SegmentFilter,
  SegmentRepository,
  type SegmentScope,
} from '../../../../core/ports/targeting.repositories';
import type { Segment } from '../../../../core/segments/segment';
import type { Page, PageRequest } from '../../../../core/shared/paging';
import { FEATURE_FLAG_ENTITY, FLAG_REVISION_ENTITY } from '../../shared/entities/feature-flag.entity';
import { SEGMENT_ENTITY } from '../../shared/entities/segment.entity';
import { referencesSegment, sortedUnique } from '../../shared/flag-references';
import { pageWindow } from '../../shared/paging';
import { coveringScopes } from '../../shared/segment-scopes';
import { unmatchedUpdate } from '../../shared/update-outcome';
import { likePattern } from '../../shared/text-search';
import { toDate } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';
import { str } from '../postgres-values';

export const FLAGS = PgTable.of(FEATURE_FLAG_ENTITY);

// Shared segments are stored with env_id NULL; the model carries "".
const SEGMENTS = PgTable.of(SEGMENT_ENTITY);
const REVISIONS = PgTable.of(FLAG_REVISION_ENTITY);

const toStoredSegment = (s: Segment): Segment => ({ ...s, envId: s.envId || (null as unknown as string) });
const fromStoredSegment = (s: Segment): Segment => ({ ...s, envId: s.envId ?? '' });

/** `updated_at` truncated to ms is after `sinceMs` (SDK sync versions are ms, the column is µs). */
const UPDATED_SINCE = (param: number) =>
  `date_trunc('milliseconds', updated_at) > to_timestamp($${param}::double precision / 1000.0)`;

const FLAG_SORTS: Record<NonNullable<FlagFilter['sortBy']>, string> = {
  created_at: 'created_at DESC, id',
  updated_at: 'updated_at DESC, id',
  key: 'key, id',
};

export class PostgresFlagRepository extends FlagRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(flag: FeatureFlag): Promise<FeatureFlag> {
    return FLAGS.insert(this.db, flag);
  }
  findById(id: string): Promise<FeatureFlag | null> {
    return FLAGS.findById(this.db, id);
  }
  findByIds(ids: readonly string[]): Promise<FeatureFlag[]> {
    return FLAGS.findByIds(this.db, ids);
  }
  findByKey(envId: string, key: string): Promise<FeatureFlag | null> {
    return FLAGS.findOne(this.db, 'env_id = $1 AND key = $2', [envId, key]);
  }
  list(envId: string, filter: FlagFilter): Promise<Page<FeatureFlag>> {
    const params: unknown[] = [envId];
    let where = 'env_id = $1';
    if (filter.name) {
      params.push(likePattern(filter.name));
      where += ` AND (name ILIKE $${params.length} ESCAPE '\\' OR key ILIKE $${params.length} ESCAPE '\\')`;
    }
    if (filter.tags?.length) {
      params.push(filter.tags);
      where += ` AND tags @> $${params.length}::text[]`;
    }
    if (filter.isEnabled !== undefined) {
      params.push(filter.isEnabled);
      where += ` AND is_enabled = $${params.length}`;
    }
    if (filter.isArchived !== undefined) {
      params.push(filter.isArchived);
      where += ` AND is_archived = $${params.length}`;
    }
    return FLAGS.page(this.db, where, params, FLAG_SORTS[filter.sortBy ?? 'created_at'], pageWindow(filter));
  }
  listAll(envId: string): Promise<FeatureFlag[]> {
    return FLAGS.findMany(this.db, 'env_id = $1', [envId], 'updated_at, id');
  }
  listUpdatedSince(envId: string, sinceMs: number): Promise<FeatureFlag[]> {
    return FLAGS.findMany(this.db, `env_id = $1 AND ${UPDATED_SINCE(2)}`, [envId, sinceMs], 'updated_at, id');
  }
  async update(flag: FeatureFlag, expectedRevision: string): Promise<FeatureFlag> {
    // Compare-and-set on the revision: of two writers holding the same revision, one matches.
    const [updated] = await FLAGS.update(this.db, flag, `revision = $${FLAGS.updateParamCount() + 1}`, [
      expectedRevision,
    ]);
    return updated ?? unmatchedUpdate(FLAGS.entity, flag.id, () => FLAGS.exists(this.db, flag.id));
  }
  override replace(flag: FeatureFlag, expectedRevision: string): Promise<void> {
    return FLAGS.updateBlind(this.db, flag, `revision = $${FLAGS.updateParamCount() + 1}`, [
      expectedRevision,
    ]);
  }
  delete(id: string): Promise<void> {
    return FLAGS.deleteById(this.db, id);
  }
  async isKeyUsed(envId: string, key: string): Promise<boolean> {
    return (
      (await this.db.query('SELECT 1 FROM feature_flags WHERE env_id = $1 AND key = $2', [envId, key]))
        .length > 0
    );
  }
  async allTags(envId: string): Promise<string[]> {
    const rows = await this.db.query(
      'SELECT DISTINCT unnest(tags) AS tag FROM feature_flags WHERE env_id = $1',
      [envId],
    );
    return sortedUnique(rows.map((r) => str(r.tag)));
  }
  async listReferencingSegment(envId: string, segmentId: string): Promise<FeatureFlag[]> {
    // The SQL narrows by text; the exact check parses each condition's JSON array.
    const candidates = await FLAGS.findMany(
      this.db,
      `env_id = $1 AND EXISTS (
         SELECT 1 FROM jsonb_array_elements(rules) r, jsonb_array_elements(r->'conditions') c
         WHERE c->>'property' IN ($2, $3) AND strpos(c->>'value', $4) > 0)`,
      [envId, SEGMENT_IN, SEGMENT_NOT_IN, segmentId],
      'updated_at, id',
    );
    return candidates.filter((flag) => referencesSegment(flag, segmentId));
  }
}

export class PostgresFlagRevisionRepository extends FlagRevisionRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  append(record: FlagRevisionRecord): Promise<void> {
    return REVISIONS.insertBlind(this.db, record);
  }
  async listByFlag(flagId: string, page: PageRequest): Promise<Page<FlagRevisionRecord>> {
    return REVISIONS.page(this.db, 'flag_id = $1', [flagId], 'created_at DESC, id DESC', pageWindow(page));
  }
}

/** Environment-specific segments of the env, or shared ones of its workspace covering it. */
function visibleIn(scope: SegmentScope, params: unknown[]): string {
  params.push(scope.envId, scope.workspaceId, coveringScopes(scope.envResourceName));
  const n = params.length;
  return `((type = 'environment-specific' AND env_id = $${n - 2})
       OR (type = 'shared' AND workspace_id = $${n - 1} AND scopes && $${n}::text[]))`;
}

export class PostgresSegmentRepository extends SegmentRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  async create(segment: Segment): Promise<Segment> {
    return fromStoredSegment(await SEGMENTS.insert(this.db, toStoredSegment(segment)));
  }
  async findById(id: string): Promise<Segment | null> {
    const found = await SEGMENTS.findById(this.db, id);
    return found && fromStoredSegment(found);
  }
  async findByIds(ids: readonly string[]): Promise<Segment[]> {
    return (await SEGMENTS.findByIds(this.db, ids)).map(fromStoredSegment);
  }
  async list(scope: SegmentScope, filter: SegmentFilter): Promise<Page<Segment>> {
    const params: unknown[] = [];
    let where = visibleIn(scope, params);
    if (filter.name) {
      params.push(likePattern(filter.name));
      where += ` AND name ILIKE $${params.length} ESCAPE '\\'`;
    }
    if (filter.isArchived !== undefined) {
      params.push(filter.isArchived);
      where += ` AND is_archived = $${params.length}`;
    }
    const page = await SEGMENTS.page(this.db, where, params, 'updated_at DESC, id', pageWindow(filter));
    return { totalCount: page.totalCount, items: page.items.map(fromStoredSegment) };
  }
  async listAll(scope: SegmentScope): Promise<Segment[]> {
    const params: unknown[] = [];
    return (await SEGMENTS.findMany(this.db, visibleIn(scope, params), params, 'updated_at, id')).map(
      fromStoredSegment,
    );
  }
  async listUpdatedSince(scope: SegmentScope, sinceMs: number): Promise<Segment[]> {
    const params: unknown[] = [];
    const where = visibleIn(scope, params);
    params.push(sinceMs);
    return (
      await SEGMENTS.findMany(
        this.db,
        `${where} AND ${UPDATED_SINCE(params.length)}`,
        params,
        'updated_at, id',
      )
    ).map(fromStoredSegment);
  }
  async update(segment: Segment, expectedUpdatedAt: string): Promise<Segment> {
    const stored = toStoredSegment(segment);
    const expected = toDate(expectedUpdatedAt, 'expectedUpdatedAt').toISOString();
    const [updated] = await SEGMENTS.update(
      this.db,
      stored,
      `date_trunc('milliseconds', updated_at) = $${SEGMENTS.updateParamCount() + 1}::timestamptz`,
      [expected],
    );
    return updated
      ? fromStoredSegment(updated)
      : unmatchedUpdate(SEGMENTS.entity, segment.id, () => SEGMENTS.exists(this.db, segment.id));
  }
  delete(id: string): Promise<void> {
    return SEGMENTS.deleteById(this.db, id);
  }
  async isKeyUsed(
    scope: { envId: string; workspaceId: string; shared: boolean },
    key: string,
  ): Promise<boolean> {
    const rows = scope.shared
      ? await this.db.query(
          `SELECT 1 FROM segments WHERE type = 'shared' AND workspace_id = $1 AND key = $2`,
          [scope.workspaceId, key],
        )
      : await this.db.query(
          `SELECT 1 FROM segments WHERE type = 'environment-specific' AND env_id = $1 AND key = $2`,
          [scope.envId, key],
        );
    return rows.length > 0;
  }
  async allTags(scope: SegmentScope): Promise<string[]> {
    const params: unknown[] = [];
    const rows = await this.db.query(
      `SELECT DISTINCT unnest(tags) AS tag FROM segments WHERE ${visibleIn(scope, params)}`,
      params,
    );
    return sortedUnique(rows.map((r) => str(r.tag)));
  }
}
