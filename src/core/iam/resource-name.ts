// Resource names (RN) and FeatBit's matcher (docs/reference/iam.md#resource-names). An RN is a ':'-separated
// list of `type/key` segments, the last of which may carry `;tag1,tag2`. A pattern matches a
// resource when it has no more segments than the resource and each of its segments matches: the
// path by `*` wildcards, and — when the pattern lists tags — at least one resource tag.

export const RN = {
  workspace: (): string => 'workspace/*',
  organization: (): string => 'organization/*',
  iam: (): string => 'iam/*',
  accessToken: (): string => 'access-token/*',
  relayProxy: (): string => 'relay-proxy/*',
  project: (projectKey: string): string => `project/${projectKey}`,
  env: (projectKey: string, envKey: string): string => `project/${projectKey}:env/${envKey}`,
  flag: (projectKey: string, envKey: string, flagKey: string, tags: readonly string[] = []): string =>
    `project/${projectKey}:env/${envKey}:flag/${flagKey}${tagSuffix(tags)}`,
  segment: (projectKey: string, envKey: string, segmentKey: string, tags: readonly string[] = []): string =>
    `project/${projectKey}:env/${envKey}:segment/${segmentKey}${tagSuffix(tags)}`,
};

function tagSuffix(tags: readonly string[]): string {
  return tags.length > 0 ? `;${tags.join(',')}` : '';
}

const regexCache = new Map<string, RegExp>();

function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let regex = regexCache.get(pattern);
  if (!regex) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    regex = new RegExp(`^${body}$`, 's');
    if (regexCache.size > 5000) regexCache.clear();
    regexCache.set(pattern, regex);
  }
  return regex.test(value);
}

export function rnMatches(resource: string, pattern: string): boolean {
  if (resource.length === 0 || pattern.length === 0) return false;
  const resourceSegments = resource.split(':');
  const patternSegments = pattern.split(':');
  if (patternSegments.length > resourceSegments.length) return false;
  for (let i = 0; i < patternSegments.length; i++) {
    const [patternPath, patternTags] = splitTags(patternSegments[i]);
    const [resourcePath, resourceTags] = splitTags(resourceSegments[i]);
    if (!wildcardMatch(patternPath, resourcePath)) return false;
    if (patternTags === null || patternTags.length === 0) continue;
    if (resourceTags === null || resourceTags.length === 0) return false;
    const wanted = patternTags.split(',');
    const present = resourceTags.split(',');
    if (!wanted.some((w) => present.some((p) => wildcardMatch(w, p)))) return false;
  }
  return true;
}

function splitTags(segment: string): [string, string | null] {
  const at = segment.indexOf(';');
  return at < 0 ? [segment, null] : [segment.slice(0, at), segment.slice(at + 1)];
}

const SEGMENT_SHAPE = /^[a-z-]+\/[^:/;]*(;[^:;]*)?$/;

/**
 * Structural check for policy resource patterns and segment scopes: `type/key` segments joined by
 * ':', or the bare `*`. Keys may contain wildcards; they may not contain ':' or '/'.
 */
export function isValidResourcePattern(pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.length === 0 || pattern.length > 512) return false;
  return pattern.split(':').every((segment) => SEGMENT_SHAPE.test(segment) && !segment.endsWith('/'));
}

/** Whether `rn` lies inside `scope` (scope is a ':'-prefix of the RN). */
export function rnIsInScope(rn: string, scope: string): boolean {
  return `${rn}:`.startsWith(`${scope}:`);
}
