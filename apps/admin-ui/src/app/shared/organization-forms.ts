import { environmentResourceName } from '@domain/tenancy/tenancy';

// Small rules of the workspace, organization and shared-segment forms, kept pure for unit tests.

/** FeatBit's onboarding suggests these environments for the first project. */
export const DEFAULT_ONBOARDING_ENVIRONMENTS = 'Dev, Prod';

/** Environment names typed as a comma or line separated list: trimmed, blank and repeated ones dropped. */
export function environmentNames(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const name = raw.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names;
}

/** A destructive action asks for the exact name first (surrounding spaces forgiven). */
export function confirmationMatches(typed: string, expected: string): boolean {
  return expected.length > 0 && typed.trim() === expected.trim();
}

/**
 * The scopes of a shared segment covering these environments: one environment resource name each
 * (the server checks they stay inside the organization and include the current environment).
 */
export function sharedSegmentScopes(
  orgKey: string,
  environments: readonly { projectKey: string; envKey: string }[],
): string[] {
  return [...new Set(environments.map((e) => environmentResourceName(orgKey, e.projectKey, e.envKey)))];
}
