import type { ValidationProblem } from '../flags/flag-validation';
import type { PolicyStatement } from './iam';
import { isPermissionAction, resourceTypeOf, RESOURCE_TYPES } from './permissions';
import { isValidResourcePattern } from './resource-name';

/**
 * Statements are only accepted when they can mean something: a known resource type, actions that
 * exist for it (or "*") and structurally valid resource patterns.
 */
export function validateStatements(
  statements: readonly PolicyStatement[],
  field = 'statements',
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const code = `${field}_is_invalid`;
  statements.forEach((s, i) => {
    const at = `${field}[${i}]`;
    const knownType = (RESOURCE_TYPES as readonly string[]).includes(s.resourceType);
    if (!knownType) {
      problems.push({
        field: `${at}.resourceType`,
        code,
        message: `unknown resource type ${s.resourceType}`,
      });
    }
    if (s.effect !== 'allow' && s.effect !== 'deny')
      problems.push({ field: `${at}.effect`, code, message: 'effect is allow or deny' });
    if (s.actions.length === 0)
      problems.push({ field: `${at}.actions`, code, message: 'at least one action' });
    for (const action of s.actions) {
      if (action === '*') continue;
      if (!isPermissionAction(action))
        problems.push({ field: `${at}.actions`, code, message: `unknown action ${action}` });
      else if (knownType && s.resourceType !== '*' && resourceTypeOf(action) !== s.resourceType) {
        problems.push({
          field: `${at}.actions`,
          code,
          message: `${action} applies to ${resourceTypeOf(action)}, not ${s.resourceType}`,
        });
      }
    }
    if (s.resources.length === 0)
      problems.push({ field: `${at}.resources`, code, message: 'at least one resource' });
    for (const pattern of s.resources) {
      if (!isValidResourcePattern(pattern))
        problems.push({ field: `${at}.resources`, code, message: `invalid resource name ${pattern}` });
    }
  });
  return problems;
}
