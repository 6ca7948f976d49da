import type { FeatureFlag } from '../flags/feature-flag';
import type { Segment } from '../segments/segment';
import type { Page, PageRequest } from '../shared/paging';

export interface FlagFilter extends PageRequest {
  /** Substring of name or key, case-insensitive. */
  name?: string;
  /** Every listed tag must be present. */
  tags?: string[];
  isEnabled?: boolean;
  isArchived?: boolean;
  sortBy?: 'created_at' | 'updated_at' | 'key';
}

export abstract class FlagRepository {
  /** Unique: (envId, key). */
  abstract create(flag: FeatureFlag): Promise<FeatureFlag>;
  abstract findById(id: string): Promise<FeatureFlag | null>;
  abstract findByIds(ids: readonly string[]): Promise<FeatureFlag[]>;
  abstract findByKey(envId: string, key: string): Promise<FeatureFlag | null>;
  abstract list(envId: string, filter: FlagFilter): Promise<Page<FeatureFlag>>;
  /** Every flag of the environment, archived ones included. */
  abstract listAll(envId: string): Promise<FeatureFlag[]>;
  /** Flags whose updatedAt, truncated to ms, is strictly greater than `sinceMs` (archived included). */
  abstract listUpdatedSince(envId: string, sinceMs: number): Promise<FeatureFlag[]>;
  /**
   * Replace the stored flag when its stored revision equals `expectedRevision`; otherwise raise
   * RevisionConflictError. Two concurrent writers with the same expected revision: exactly one wins.
   */
  abstract update(flag: FeatureFlag, expectedRevision: string): Promise<FeatureFlag>;
  /**
   * `update` without the stored flag back. Inside `DataStore.transaction` a store may send it without
   * waiting (PostgreSQL): a conflict then fails the transaction at its commit, with the same error.
   */
  async replace(flag: FeatureFlag, expectedRevision: string): Promise<void> {
    await this.update(flag, expectedRevision);
  }
  abstract delete(id: string): Promise<void>;
  abstract isKeyUsed(envId: string, key: string): Promise<boolean>;
  abstract allTags(envId: string): Promise<string[]>;
  /** Flags of the environment with a rule condition that references the segment. */
  abstract listReferencingSegment(envId: string, segmentId: string): Promise<FeatureFlag[]>;
}

/** Append-only history of full flag snapshots (one row per change). */
export interface FlagRevisionRecord {
  id: string;
  flagId: string;
  flag: FeatureFlag;
  comment: string;
  createdAt: string;
}

export abstract class FlagRevisionRepository {
  abstract append(record: FlagRevisionRecord): Promise<void>;
  abstract listByFlag(flagId: string, page: PageRequest): Promise<Page<FlagRevisionRecord>>;
}

export interface SegmentFilter extends PageRequest {
  name?: string;
  isArchived?: boolean;
}

/** Where a segment may be visible: the environment, its workspace and its resource name. */
export interface SegmentScope {
  envId: string;
  workspaceId: string;
  /** `organization/<org>:project/<project>:env/<env>` */
  envResourceName: string;
}

export abstract class SegmentRepository {
  /** Unique: (envId, key) for environment-specific, (workspaceId, key) for shared segments. */
  abstract create(segment: Segment): Promise<Segment>;
  abstract findById(id: string): Promise<Segment | null>;
  abstract findByIds(ids: readonly string[]): Promise<Segment[]>;
  /** Environment-specific segments of the env plus shared segments whose scopes cover it, newest first. */
  abstract list(scope: SegmentScope, filter: SegmentFilter): Promise<Page<Segment>>;
  abstract listAll(scope: SegmentScope): Promise<Segment[]>;
  abstract listUpdatedSince(scope: SegmentScope, sinceMs: number): Promise<Segment[]>;
  /** Optimistic update on `updatedAt`: raises RevisionConflictError when the stored one differs. */
  abstract update(segment: Segment, expectedUpdatedAt: string): Promise<Segment>;
  abstract delete(id: string): Promise<void>;
  abstract isKeyUsed(
    scope: { envId: string; workspaceId: string; shared: boolean },
    key: string,
  ): Promise<boolean>;
  abstract allTags(scope: SegmentScope): Promise<string[]>;
}
