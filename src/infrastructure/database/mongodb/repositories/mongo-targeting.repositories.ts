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
import { regexLiteral } from '../../shared/text-search';
import { toDate } from '../../shared/timestamps';
import { unmatchedUpdate } from '../../shared/update-outcome';
import type { Model } from 'mongoose';
import { MongoCollection, type MongoFilter, type MongoSort } from '../mongo-collection';
import { compareAndReplace } from '../mongo-compare-and-set';
import type { MongoConnection } from '../mongo-connection';
import type { MongoDoc } from '../schemas/mongo-schema';
import { contains } from './mongo-tenancy.repositories';

export class MongoTargetingCollections {
  readonly flags: MongoCollection<FeatureFlag>;
  readonly revisions: MongoCollection<FlagRevisionRecord>;
  readonly segments: MongoCollection<Segment>;
  readonly updateClaims: () => Model<MongoDoc>;

  constructor(conn: MongoConnection) {
    this.updateClaims = () => conn.model('updateClaims');
    this.flags = MongoCollection.of(() => conn.model('flags'), FEATURE_FLAG_ENTITY);
    this.revisions = MongoCollection.of(() => conn.model('flagRevisions'), FLAG_REVISION_ENTITY);
    this.segments = MongoCollection.of(() => conn.model('segments'), SEGMENT_ENTITY);
  }
}

/** updatedAt strictly after `sinceMs`; BSON dates carry milliseconds, so no truncation is needed. */
const updatedSince = (sinceMs: number) => ({ updatedAt: { $gt: new Date(sinceMs) } });

const FLAG_SORTS: Record<NonNullable<FlagFilter['sortBy']>, MongoSort> = {
  created_at: { createdAt: -1, _id: 1 },
  updated_at: { updatedAt: -1, _id: 1 },
  key: { key: 1, _id: 1 },
};

export class MongoFlagRepository extends FlagRepository {
  constructor(private readonly c: MongoTargetingCollections) {
    super();
  }
  create(flag: FeatureFlag): Promise<FeatureFlag> {
    return this.c.flags.insert(flag);
  }
  findById(id: string): Promise<FeatureFlag | null> {
    return this.c.flags.findById(id);
  }
  findByIds(ids: readonly string[]): Promise<FeatureFlag[]> {
    return this.c.flags.findByIds(ids);
  }
  findByKey(envId: string, key: string): Promise<FeatureFlag | null> {
    return this.c.flags.findOne({ envId, key });
  }
  list(envId: string, filter: FlagFilter): Promise<Page<FeatureFlag>> {
    const query: MongoFilter = { envId };
    if (filter.name) query.$or = [{ name: contains(filter.name) }, { key: contains(filter.name) }];
    if (filter.tags?.length) query.tags = { $all: filter.tags };
    if (filter.isEnabled !== undefined) query.isEnabled = filter.isEnabled;
    if (filter.isArchived !== undefined) query.isArchived = filter.isArchived;
    return this.c.flags.page(query, FLAG_SORTS[filter.sortBy ?? 'created_at'], pageWindow(filter));
  }
  listAll(envId: string): Promise<FeatureFlag[]> {
    return this.c.flags.findMany({ envId }, { updatedAt: 1, _id: 1 });
  }
  listUpdatedSince(envId: string, sinceMs: number): Promise<FeatureFlag[]> {
    return this.c.flags.findMany({ envId, ...updatedSince(sinceMs) }, { updatedAt: 1, _id: 1 });
  }
  async update(flag: FeatureFlag, expectedRevision: string): Promise<FeatureFlag> {
    const updated = await compareAndReplace(
      this.c.flags,
      this.c.updateClaims,
      flag,
      { revision: expectedRevision },
      expectedRevision,
    );
    return (
      updated ?? unmatchedUpdate(this.c.flags.entity, flag.id, () => this.c.flags.exists({ _id: flag.id }))
    );
  }
  delete(id: string): Promise<void> {
    return this.c.flags.deleteById(id);
  }
  isKeyUsed(envId: string, key: string): Promise<boolean> {
    return this.c.flags.exists({ envId, key });
  }
  async allTags(envId: string): Promise<string[]> {
    const tags = await this.c.flags.run((m) => m.distinct('tags', { envId }).exec());
    return sortedUnique((tags as unknown[]).flat().map((t) => t as string));
  }
  async listReferencingSegment(envId: string, segmentId: string): Promise<FeatureFlag[]> {
    // The query narrows by text; the exact check parses each condition's JSON array.
    const candidates = await this.c.flags.findMany(
      {
        envId,
        'rules.conditions.property': { $in: [SEGMENT_IN, SEGMENT_NOT_IN] },
        'rules.conditions.value': { $regex: regexLiteral(segmentId) },
      },
      { updatedAt: 1, _id: 1 },
    );
    return candidates.filter((flag) => referencesSegment(flag, segmentId));
  }
}

export class MongoFlagRevisionRepository extends FlagRevisionRepository {
  constructor(private readonly c: MongoTargetingCollections) {
    super();
  }
  async append(record: FlagRevisionRecord): Promise<void> {
    await this.c.revisions.insert(record);
  }
  listByFlag(flagId: string, page: PageRequest): Promise<Page<FlagRevisionRecord>> {
    return this.c.revisions.page({ flagId }, { createdAt: -1, _id: -1 }, pageWindow(page));
  }
}

/** Environment-specific segments of the env, or shared ones of its workspace covering it. */
function visibleIn(scope: SegmentScope): MongoFilter {
  return {
    $or: [
      { type: 'environment-specific', envId: scope.envId },
      {
        type: 'shared',
        workspaceId: scope.workspaceId,
        scopes: { $in: coveringScopes(scope.envResourceName) },
      },
    ],
  };
}

export class MongoSegmentRepository extends SegmentRepository {
  constructor(private readonly c: MongoTargetingCollections) {
    super();
  }
  create(segment: Segment): Promise<Segment> {
    return this.c.segments.insert(segment);
  }
  findById(id: string): Promise<Segment | null> {
    return this.c.segments.findById(id);
  }
  findByIds(ids: readonly string[]): Promise<Segment[]> {
    return this.c.segments.findByIds(ids);
  }
  list(scope: SegmentScope, filter: SegmentFilter): Promise<Page<Segment>> {
    const query: MongoFilter = { $and: [visibleIn(scope)] };
    if (filter.name) query.name = contains(filter.name);
    if (filter.isArchived !== undefined) query.isArchived = filter.isArchived;
    return this.c.segments.page(query, { updatedAt: -1, _id: 1 }, pageWindow(filter));
  }
  listAll(scope: SegmentScope): Promise<Segment[]> {
    return this.c.segments.findMany(visibleIn(scope), { updatedAt: 1, _id: 1 });
  }
  listUpdatedSince(scope: SegmentScope, sinceMs: number): Promise<Segment[]> {
    return this.c.segments.findMany(
      { $and: [visibleIn(scope), updatedSince(sinceMs)] },
      { updatedAt: 1, _id: 1 },
    );
  }
  async update(segment: Segment, expectedUpdatedAt: string): Promise<Segment> {
    const updated = await compareAndReplace(
      this.c.segments,
      this.c.updateClaims,
      segment,
      { updatedAt: toDate(expectedUpdatedAt, 'expectedUpdatedAt') },
      expectedUpdatedAt,
    );
    return (
      updated ??
      unmatchedUpdate(this.c.segments.entity, segment.id, () => this.c.segments.exists({ _id: segment.id }))
    );
  }
  delete(id: string): Promise<void> {
    return this.c.segments.deleteById(id);
  }
  isKeyUsed(scope: { envId: string; workspaceId: string; shared: boolean }, key: string): Promise<boolean> {
    return this.c.segments.exists(
      scope.shared
        ? { type: 'shared', workspaceId: scope.workspaceId, key }
        : { type: 'environment-specific', envId: scope.envId, key },
    );
  }
  async allTags(scope: SegmentScope): Promise<string[]> {
    const tags = await this.c.segments.run((m) => m.distinct('tags', visibleIn(scope)).exec());
    return sortedUnique((tags as unknown[]).flat().map((t) => t as string));
  }
}
