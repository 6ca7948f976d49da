import { SECRET_TYPES, type SecretContext, type SecretType } from '../../../core/tenancy/tenancy';

/**
 * FeatBit's Redis layout (docs/reference/wire-protocol.md#cache-layout) under a configurable prefix
 * ('featbit:').
 */
export class RedisCacheKeys {
  constructor(private readonly prefix = 'featbit:') {}

  flag(flagId: string): string {
    return `${this.prefix}flag:${flagId}`;
  }

  flagIndex(envId: string): string {
    return `${this.prefix}flag-index:${envId}`;
  }

  /** One JSON per segment; only `envId` differs between environments, and reads set it. */
  segment(segmentId: string): string {
    return `${this.prefix}segment:${segmentId}`;
  }

  segmentIndex(envId: string): string {
    return `${this.prefix}segment-index:${envId}`;
  }

  /** Our addition: environments indexing a segment, so its JSON goes when the last one drops it. */
  segmentEnvs(segmentId: string): string {
    return `${this.prefix}segment-envs:${segmentId}`;
  }

  secret(value: string): string {
    return `${this.prefix}secret:${value}`;
  }

  get populateLock(): string {
    return `${this.prefix}populate-redis`;
  }

  get populatedMarker(): string {
    return `${this.prefix}redis-is-populated`;
  }
}

/** FeatBit's secret HASH fields (plus workspaceId, which FeatBit readers ignore). */
export function secretToHash(context: SecretContext): Record<string, string> {
  return {
    type: context.type,
    organizationId: context.organizationId,
    organizationKey: context.organizationKey,
    projectId: context.projectId,
    projectKey: context.projectKey,
    envId: context.envId,
    envKey: context.envKey,
    workspaceId: context.workspaceId,
  };
}

export function hashToSecret(hash: Record<string, string>): SecretContext | null {
  if (!hash.envId || !(SECRET_TYPES as readonly string[]).includes(hash.type)) return null;
  return {
    type: hash.type as SecretType,
    envId: hash.envId,
    envKey: hash.envKey ?? '',
    projectId: hash.projectId ?? '',
    projectKey: hash.projectKey ?? '',
    organizationId: hash.organizationId ?? '',
    organizationKey: hash.organizationKey ?? '',
    workspaceId: hash.workspaceId ?? '',
  };
}

/** Index score: updatedAt in ms, as FeatBit and the SDKs compute versions (truncated). */
export function scoreOf(kind: string, id: string, updatedAt: string): number {
  const ms = Date.parse(updatedAt);
  if (!Number.isFinite(ms))
    throw new Error(`${kind} ${id} has an invalid updatedAt: ${JSON.stringify(updatedAt)}`);
  return ms;
}
