import type { UserProperty } from '../../../core/end-users/end-user';

/**
 * Custom properties are a map on the wire carried as an array: keep one entry per name (the last
 * one wins) in name order, so "did anything change?" is a plain comparison on every provider.
 */
export function normalizeProperties(properties: readonly UserProperty[] | null | undefined): UserProperty[] {
  const byName = new Map<string, string | null>();
  for (const p of properties ?? []) byName.set(String(p.name), p.value == null ? null : String(p.value));
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, value }));
}

export function samePropertyList(a: readonly UserProperty[], b: readonly UserProperty[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i].name && p.value === b[i].value);
}
