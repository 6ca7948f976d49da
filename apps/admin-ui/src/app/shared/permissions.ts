import type { PolicyStatement } from '@domain/iam/iam';
import { isAllowed } from '@domain/iam/policy-decision';
import { type PermissionAction, PERMISSIONS, RESOURCE_TYPES } from '@domain/iam/permissions';
import { RN } from '@domain/iam/resource-name';

// The console's view of the signed-in user's permissions. The decision is the server's own pure
// code (src/core/iam/policy-decision.ts: deny wins, nothing that applies means deny), imported
// through @domain like the operator catalogue, so the console can never disagree with the API.

export type { PermissionAction };
export { RN, RESOURCE_TYPES };

/** Statements as the API answers them (`GET user/policies` → policies[].statements). */
export interface StatementLike {
  id?: string;
  effect: 'allow' | 'deny';
  resourceType: string;
  actions: string[];
  resources: string[];
}

/** Every policy statement of the user, flattened (the order does not matter: deny wins). */
export function statementsOf(
  policies: readonly { statements: readonly StatementLike[] }[],
): PolicyStatement[] {
  return policies.flatMap((p) =>
    p.statements.map((s, i) => ({
      id: s.id ?? String(i),
      effect: s.effect,
      resourceType: s.resourceType,
      actions: [...s.actions],
      resources: [...s.resources],
    })),
  );
}

/** The resource words callers pass (and the catalogue's resource types) in the console's language. */
const RESOURCE_WORDS: Readonly<Record<string, string>> = {
  flag: $localize`:denied action, "on this flag":flag`,
  segment: $localize`:denied action, "on this segment":segment`,
  env: $localize`:denied action, "on this environment":environment`,
  environment: $localize`:denied action, "on this environment":environment`,
  project: $localize`:denied action, "on this project":project`,
  organization: $localize`:denied action, "on this organization":organization`,
  workspace: $localize`:denied action, "on this workspace":workspace`,
  iam: $localize`:denied action, "on this IAM resource":IAM resource`,
  'access-token': $localize`:denied action, "on this access token":access token`,
  'relay-proxy': $localize`:denied action, "on this relay proxy":relay proxy`,
};

/** Why the action is refused ("Your policies do not allow X on this flag"), or null when allowed. */
export function deniedReason(
  statements: readonly PolicyStatement[],
  action: PermissionAction,
  resource: string,
  what: string = PERMISSIONS[action],
): string | null {
  return isAllowed(statements, action, resource)
    ? null
    : $localize`Your policies do not allow ${action}:action: on this ${RESOURCE_WORDS[what] ?? what}:resource:`;
}

/** The actions a statement of this resource type may list (all of them for '*'), for the editor. */
export function actionsFor(resourceType: string): PermissionAction[] {
  return (Object.keys(PERMISSIONS) as PermissionAction[]).filter(
    (a) => resourceType === '*' || PERMISSIONS[a] === resourceType,
  );
}
