import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import { FlagCache } from '../../../../src/core/ports/flag-cache.port';
import type { HealthStatus } from '../../../../src/core/ports/health-checkable.port';
import type { WireSegment } from '../../../../src/core/segments/segment';
import type { SecretContext } from '../../../../src/core/tenancy/tenancy';

/** An in-memory FlagCache that records what the api role writes (tests of cache upkeep). */
export class RecordingFlagCache extends FlagCache {
  readonly healthName = 'cache';
  readonly flags = new Map<string, FeatureFlag>();
  readonly segments = new Map<string, WireSegment>();
  readonly secrets = new Map<string, SecretContext>();
  populated = false;

  constructor(readonly enabled: boolean) {
    super();
  }

  upsertFlag(flag: FeatureFlag): Promise<void> {
    this.flags.set(flag.id, flag);
    return Promise.resolve();
  }
  removeFlag(_envId: string, flagId: string): Promise<void> {
    this.flags.delete(flagId);
    return Promise.resolve();
  }
  upsertSegment(envId: string, segment: WireSegment): Promise<void> {
    this.segments.set(`${envId}/${segment.id}`, segment);
    return Promise.resolve();
  }
  removeSegment(envId: string, segmentId: string): Promise<void> {
    this.segments.delete(`${envId}/${segmentId}`);
    return Promise.resolve();
  }
  upsertSecret(value: string, context: SecretContext): Promise<void> {
    this.secrets.set(value, context);
    return Promise.resolve();
  }
  removeSecret(value: string): Promise<void> {
    this.secrets.delete(value);
    return Promise.resolve();
  }
  getFlagsSince(): Promise<FeatureFlag[] | null> {
    return Promise.resolve(null);
  }
  getSegmentsSince(): Promise<WireSegment[] | null> {
    return Promise.resolve(null);
  }
  getSecret(value: string): Promise<SecretContext | null> {
    return Promise.resolve(this.enabled ? (this.secrets.get(value) ?? null) : null);
  }
  async populate(load: (sink: FlagCache) => Promise<void>): Promise<boolean> {
    if (!this.enabled || this.populated) return false;
    this.populated = true;
    await load(this);
    return true;
  }
  health(): Promise<HealthStatus> {
    return Promise.resolve({ ok: true });
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
