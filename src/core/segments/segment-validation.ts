import { conditionProblems, type ValidationProblem } from '../flags/flag-validation';
import { isValidResourcePattern, rnIsInScope } from '../iam/resource-name';
import type { SegmentRule } from './segment';

/** Segment rules: at least one ordinary condition each, known operators, no segment conditions. */
export function validateSegmentRules(rules: readonly SegmentRule[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, i) => {
    if (ids.has(rule.id))
      problems.push({
        field: `rules[${i}].id`,
        code: 'rules_is_invalid',
        message: `duplicate rule id ${rule.id}`,
      });
    ids.add(rule.id);
    if (rule.conditions.length === 0) {
      problems.push({
        field: `rules[${i}].conditions`,
        code: 'rules_is_invalid',
        message: 'a rule needs at least one condition',
      });
    }
    rule.conditions.forEach((c, j) =>
      problems.push(...conditionProblems(`rules[${i}].conditions[${j}]`, c, null)),
    );
  });
  return problems;
}

const SCOPE = /^organization\/[a-zA-Z0-9._-]+(:project\/[a-zA-Z0-9._-]+(:env\/[a-zA-Z0-9._-]+)?)?$/;

/**
 * Scopes of a shared segment: resource names without wildcards, inside the organization
 * `organization/<orgKey>`, one of which covers the environment the segment is created from.
 */
export function validateSharedScopes(
  scopes: readonly string[],
  orgKey: string,
  envResourceName: string,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (scopes.length === 0) {
    return [
      { field: 'scopes', code: 'scopes_is_required', message: 'a shared segment needs at least one scope' },
    ];
  }
  scopes.forEach((scope, i) => {
    if (!SCOPE.test(scope) || !isValidResourcePattern(scope)) {
      problems.push({
        field: `scopes[${i}]`,
        code: 'scopes_is_invalid',
        message: 'a scope is organization/<key>[:project/<key>[:env/<key>]]',
      });
    } else if (!rnIsInScope(scope, `organization/${orgKey}`)) {
      problems.push({
        field: `scopes[${i}]`,
        code: 'scopes_is_invalid',
        message: 'scopes must stay within the current organization',
      });
    }
  });
  if (problems.length === 0 && !scopes.some((s) => rnIsInScope(envResourceName, s))) {
    problems.push({
      field: 'scopes',
      code: 'scopes_is_invalid',
      message: 'the scopes must include the current environment',
    });
  }
  return problems;
}
