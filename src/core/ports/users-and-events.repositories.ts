import type { AuditLog, AuditRefType } from '../audit/audit-log';
import type { EndUserPropertyDefinition, StoredEndUser, UserProperty } from '../end-users/end-user';
import type { FlagUsage, FlagUsageDelta } from '../insights/flag-usage';
import type { InsightEvent } from '../insights/insight-event';
import type { DailyUsage, EnvironmentUsage, UsageDateRange, UsageRecord } from '../analytics/usage';
import type {
  ExperimentSamples,
  ExperimentSamplesQuery,
  FlagInsightsQuery,
  FlagInsightsResult,
  FlagUsersPage,
  FlagUsersQuery,
} from './analytics-query.port';
import type { CursorPage, CursorPageRequest, Page, PageRequest } from '../shared/paging';

export interface EndUserUpsert {
  envId: string;
  keyId: string;
  name: string | null;
  customizedProperties: UserProperty[];
}

export interface EndUserUpsertResult {
  user: StoredEndUser;
  /** Nothing changed: no write happened. */
  unchanged: boolean;
  created: boolean;
}

export interface EndUserSearch extends CursorPageRequest {
  /** Substring of keyId or name. */
  searchText?: string;
}

/** A global (workspace-level) user to store: envId is null, the workspace owns it. */
export type GlobalUserUpsert = Omit<EndUserUpsert, 'envId'>;

/**
 * FeatBit's paged end-user query (Application/EndUsers/EndUserFilter.cs): an environment's users,
 * optionally with the workspace's global users, or the global users alone.
 */
export interface EndUserQuery extends PageRequest {
  /** The environment's users; null for global users only. */
  envId: string | null;
  /** Global users of this workspace are included (required when envId is null). */
  globalOfWorkspace: string | null;
  /** Case-insensitive substring; matched against the fields below (any of them). */
  searchText?: string;
  searchKeyId: boolean;
  searchName: boolean;
  /** Customized property names whose values are searched too. */
  searchProperties: readonly string[];
  excludedKeyIds: readonly string[];
  /** Only users with these keyIds (absent: any keyId). */
  keyIds?: readonly string[];
}

export abstract class EndUserRepository {
  /** Paged by updatedAt desc, id desc. */
  abstract query(query: EndUserQuery): Promise<Page<StoredEndUser>>;
  /** Global users of a workspace, upserted by keyId (idempotent like upsertMany). */
  abstract upsertGlobalMany(
    workspaceId: string,
    users: readonly GlobalUserUpsert[],
  ): Promise<{ written: number }>;
  /** Idempotent: writes only when name or properties differ from what is stored. */
  abstract upsert(user: EndUserUpsert): Promise<EndUserUpsertResult>;
  /** Bulk form of upsert (imports, queue consumers): returns how many rows were written. */
  abstract upsertMany(users: readonly EndUserUpsert[]): Promise<{ written: number }>;
  abstract findById(id: string): Promise<StoredEndUser | null>;
  abstract findByKeyIds(envId: string, keyIds: readonly string[]): Promise<StoredEndUser[]>;
  /** Cursor-paged by (updatedAt desc, id). */
  abstract search(envId: string, search: EndUserSearch): Promise<CursorPage<StoredEndUser>>;
  /** Streams every user of the environment matching the text, in batches (exports). */
  abstract stream(
    envId: string,
    searchText: string | undefined,
    batchSize: number,
  ): AsyncIterable<StoredEndUser[]>;
  abstract count(envId: string, searchText?: string): Promise<number>;
  abstract delete(id: string): Promise<void>;
}

export abstract class EndUserPropertyRepository {
  abstract list(envId: string): Promise<EndUserPropertyDefinition[]>;
  abstract findById(id: string): Promise<EndUserPropertyDefinition | null>;
  /** Unique: (envId, name). */
  abstract upsert(property: EndUserPropertyDefinition): Promise<EndUserPropertyDefinition>;
  abstract delete(id: string): Promise<void>;
  /** Register names not yet in the catalogue; returns the names that were new. */
  abstract registerNames(envId: string, names: readonly string[]): Promise<string[]>;
}

export interface AuditLogFilter extends PageRequest {
  envId?: string;
  organizationId?: string;
  refId?: string;
  refType?: AuditRefType;
  creatorId?: string;
  /** Text in keyword or comment. */
  query?: string;
  /** ISO timestamps, inclusive. */
  from?: string;
  to?: string;
}

export abstract class AuditLogRepository {
  abstract append(entry: AuditLog): Promise<void>;
  /** Newest first. */
  abstract list(filter: AuditLogFilter): Promise<Page<AuditLog>>;
}

/** Insight events for the standalone/standard analytics path (events in the primary database). */
export abstract class InsightEventRepository {
  /** Bulk insert, thousands of rows per round trip; rows whose uuid already exists are skipped. */
  abstract insertMany(events: readonly InsightEvent[]): Promise<{ inserted: number }>;
  abstract countByEnv(envId: string, fromUs?: number, toUs?: number): Promise<number>;
  abstract listByEnv(envId: string, page: PageRequest): Promise<Page<InsightEvent>>;
  /** The AnalyticsQuery reads (analytics-query.port.ts) on events in the primary database. */
  abstract flagInsights(query: FlagInsightsQuery): Promise<FlagInsightsResult>;
  abstract flagUsers(query: FlagUsersQuery): Promise<FlagUsersPage>;
  abstract experimentSamples(query: ExperimentSamplesQuery): Promise<ExperimentSamples>;
  /** Retention: deletes events (and their rollups) older than `cutoffUs`, at most `limit` events per call. */
  abstract purgeBefore(cutoffUs: number, limit: number): Promise<{ deleted: number }>;
}

/** Workspace usage counters (core/analytics/usage.ts), kept in the primary database. */
export abstract class UsageStatsRepository {
  /** Applies each record id at most once, ever: a re-delivered record changes nothing. */
  abstract apply(records: readonly UsageRecord[]): Promise<{ applied: number }>;
  /** One row per environment of `envIds` that has usage in the range. */
  abstract byEnvironment(envIds: readonly string[], range: UsageDateRange): Promise<EnvironmentUsage[]>;
  /** One row per date of the range that has usage, summed over `envIds`, by date. */
  abstract daily(envIds: readonly string[], range: UsageDateRange): Promise<DailyUsage[]>;
}

/** First and last SDK evaluation per flag (see core/insights/flag-usage.ts). */
export abstract class FlagUsageRepository {
  /** Widens each flag's [first, last] to include the delta; idempotent, one round trip per call. */
  abstract record(deltas: readonly FlagUsageDelta[]): Promise<void>;
  abstract find(envId: string, flagKey: string): Promise<FlagUsage | null>;
  /** The usage of those of `flagKeys` that have been evaluated (one query; a list page). */
  abstract findByKeys(envId: string, flagKeys: readonly string[]): Promise<FlagUsage[]>;
  /** Every flag of the environment that has been evaluated, by key. */
  abstract listByEnv(envId: string): Promise<FlagUsage[]>;
}
