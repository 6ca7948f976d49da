import type { PolicyStatement } from './iam';
import { type PermissionAction, resourceTypeOf } from './permissions';
import { rnMatches } from './resource-name';

// Policy decision (docs/reference/iam.md#decision): collect the statements that apply to (action,
// resource); none → deny, any deny → deny, otherwise allow.
//
// One deliberate tightening over FeatBit: a statement only applies to actions of its own resource
// type (or resourceType "*"). FeatBit ignores resourceType unless it is "*", so a "flag" statement
// with actions ["*"] and resources ["project/*"] would also grant DeleteProject there.

export function statementApplies(
  statement: PolicyStatement,
  action: PermissionAction,
  resource: string,
): boolean {
  if (statement.resourceType !== '*' && statement.resourceType !== resourceTypeOf(action)) return false;
  const actionMatches = statement.actions.some((a) => a === '*' || a === action);
  if (!actionMatches) return false;
  return statement.resources.some((pattern) => pattern === '*' || rnMatches(resource, pattern));
}

export function isAllowed(
  statements: readonly PolicyStatement[],
  action: PermissionAction,
  resource: string,
): boolean {
  let applied = false;
  for (const statement of statements) {
    if (!statementApplies(statement, action, resource)) continue;
    if (statement.effect !== 'allow') return false;
    applied = true;
  }
  return applied;
}
