import type { FeatureFlag } from '../flags/feature-flag';
import type { WireSegment } from '../segments/segment';
import type { SecretContext } from '../tenancy/tenancy';
import type { HealthCheckable, HealthStatus } from './health-checkable.port';

/**
 * Read cache of what the evaluation role serves, in FeatBit's Redis layout
 * (docs/reference/wire-protocol.md#cache-layout):
 * flags and segments by id, per-environment indexes scored by updatedAt ms, secrets by value.
 * Reads return null when the cache cannot answer (disabled, unavailable, not populated): callers
 * then read the database.
 */
export abstract class FlagCache implements HealthCheckable {
  abstract readonly healthName: string;
  abstract readonly enabled: boolean;
  abstract upsertFlag(flag: FeatureFlag): Promise<void>;
  abstract removeFlag(envId: string, flagId: string): Promise<void>;
  /** A segment as visible in one environment (shared segments are written once per environment). */
  abstract upsertSegment(envId: string, segment: WireSegment): Promise<void>;
  abstract removeSegment(envId: string, segmentId: string): Promise<void>;
  abstract upsertSecret(value: string, context: SecretContext): Promise<void>;
  abstract removeSecret(value: string): Promise<void>;
  abstract getFlagsSince(envId: string, sinceMs: number): Promise<FeatureFlag[] | null>;
  abstract getSegmentsSince(envId: string, sinceMs: number): Promise<WireSegment[] | null>;
  abstract getSecret(value: string): Promise<SecretContext | null>;
  /**
   * Fill the cache once across replicas: the first caller takes a lock and runs `load`, the others
   * wait for the populated marker (bounded). Returns whether this caller did the work.
   */
  abstract populate(load: (sink: FlagCache) => Promise<void>): Promise<boolean>;
  abstract health(): Promise<HealthStatus>;
  abstract close(): Promise<void>;
}
