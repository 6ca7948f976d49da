/**
 * The scopes that cover an environment, i.e. every ':'-bounded prefix of its resource name
 * (`organization/a`, `organization/a:project/b`, `organization/a:project/b:env/c`). A shared
 * segment is visible in the environment exactly when one of its scopes is in this list, which is
 * what `segmentScopeCovers` checks, but as an indexable "array overlaps" / `$in` query.
 */
export function coveringScopes(envResourceName: string): string[] {
  const parts = envResourceName.split(':');
  return parts.map((_, i) => parts.slice(0, i + 1).join(':'));
}
