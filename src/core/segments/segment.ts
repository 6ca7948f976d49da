import type { Condition } from '../flags/feature-flag';

export const SEGMENT_TYPES = ['environment-specific', 'shared'] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

export interface SegmentRule {
  id: string;
  name: string;
  /** Ordinary conditions only: segment rules never reference other segments. */
  conditions: Condition[];
}

/** A segment as stored. Shared segments have envId "" and reach environments through `scopes`. */
export interface Segment {
  id: string;
  workspaceId: string;
  envId: string;
  name: string;
  key: string;
  type: SegmentType;
  /** Resource-name prefixes such as `organization/acme:project/web:env/prod` (shared segments only). */
  scopes: string[];
  description: string;
  included: string[];
  excluded: string[];
  rules: SegmentRule[];
  tags: string[];
  isArchived: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * The shape sent to server SDKs and carried in segment-change messages
 * (docs/reference/data-model.md#segment).
 */
export type WireSegment = Omit<Segment, 'workspaceId' | 'type' | 'scopes'>;

export function toWireSegment(segment: Segment, envId: string): WireSegment {
  const { workspaceId: _w, type: _t, scopes: _s, ...rest } = segment;
  return { ...rest, envId };
}

/**
 * Whether a shared segment's scopes cover an environment. The environment's resource name is
 * `organization/<org>:project/<project>:env/<env>`; a scope covers it when it is a ':'-prefix.
 */
export function segmentScopeCovers(scopes: readonly string[], envResourceName: string): boolean {
  const target = envResourceName + ':';
  return scopes.some((scope) => target.startsWith(scope + ':'));
}
