import { OPERATORS, parseDotnetDouble, parseInstant, parseSemVer } from '../evaluation';
import {
  type Condition,
  type Fallthrough,
  type RolloutVariation,
  SEGMENT_IN,
  SEGMENT_NOT_IN,
  type TargetRule,
  type TargetUser,
  type Variation,
  type VariationType,
} from './feature-flag';

// Semantic checks the request validator cannot express: values by variation type, references
// between the parts of a flag (variation ids, segment ids), rollouts that cover [0, 1] exactly
// once, known operators with well-formed values. Each problem names the offending field.

export interface ValidationProblem {
  field: string;
  code: string;
  message: string;
}

const EPSILON = 1e-9;
const OPERATOR_TYPES = new Map(OPERATORS.map((o) => [o.op, o.valueType]));

export function variationValueProblem(type: VariationType, value: string): string | null {
  switch (type) {
    case 'boolean':
      return value === 'true' || value === 'false' ? null : 'a boolean variation is "true" or "false"';
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? null : 'not a number';
    case 'json':
      try {
        JSON.parse(value);
        return null;
      } catch {
        return 'not valid JSON';
      }
    case 'string':
      return null;
  }
}

export function validateVariations(
  type: VariationType,
  variations: readonly Variation[],
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (variations.length === 0) {
    problems.push({
      field: 'variations',
      code: 'variations_is_required',
      message: 'at least one variation is required',
    });
  }
  if (type === 'boolean' && variations.length !== 2) {
    problems.push({
      field: 'variations',
      code: 'variations_is_invalid',
      message: 'a boolean flag has exactly two variations',
    });
  }
  const ids = new Set<string>();
  const values = new Set<string>();
  variations.forEach((v, i) => {
    if (ids.has(v.id)) {
      problems.push({
        field: `variations[${i}].id`,
        code: 'variations_is_invalid',
        message: `duplicate variation id ${v.id}`,
      });
    }
    ids.add(v.id);
    const valueProblem = variationValueProblem(type, v.value);
    if (valueProblem) {
      problems.push({
        field: `variations[${i}].value`,
        code: 'variations_is_invalid',
        message: `${valueProblem}: ${v.value.slice(0, 50)}`,
      });
    }
    if (values.has(v.value)) {
      problems.push({
        field: `variations[${i}].value`,
        code: 'variations_is_invalid',
        message: 'variation values must be distinct',
      });
    }
    values.add(v.value);
  });
  return problems;
}

function rolloutProblems(
  field: string,
  rollouts: readonly RolloutVariation[],
  variationIds: ReadonlySet<string>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const code = field.startsWith('fallthrough') ? 'fallthrough_is_invalid' : 'rules_is_invalid';
  const fail = (message: string, at = field) => problems.push({ field: at, code, message });
  if (rollouts.length === 0) {
    fail('at least one variation must be served');
    return problems;
  }
  const seen = new Set<string>();
  rollouts.forEach((r, i) => {
    if (!variationIds.has(r.id)) fail(`unknown variation id ${r.id}`, `${field}[${i}].id`);
    if (seen.has(r.id)) fail(`variation ${r.id} is listed twice`, `${field}[${i}].id`);
    seen.add(r.id);
    const [lo, hi] = r.rollout;
    if (!(lo >= 0 && hi <= 1 && lo <= hi))
      fail('a rollout is an interval [from, to] within [0, 1]', `${field}[${i}].rollout`);
    if (!(r.exptRollout >= 0 && r.exptRollout <= 1))
      fail('exptRollout is a fraction within [0, 1]', `${field}[${i}].exptRollout`);
  });
  if (problems.length > 0) return problems;
  const sorted = [...rollouts].sort((a, b) => a.rollout[0] - b.rollout[0] || a.rollout[1] - b.rollout[1]);
  let cursor = 0;
  for (const r of sorted) {
    if (Math.abs(r.rollout[0] - cursor) > EPSILON) {
      fail('rollouts must be contiguous and cover [0, 1] exactly once (percentages add up to 100)');
      return problems;
    }
    cursor = r.rollout[1];
  }
  if (Math.abs(cursor - 1) > EPSILON) fail('rollouts must add up to 100%');
  return problems;
}

function parseStringArray(value: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** Problems of one condition; `segmentIds` are the segments visible in the flag's environment. */
export function conditionProblems(
  field: string,
  condition: Condition,
  segmentIds: ReadonlySet<string> | null,
  code = 'rules_is_invalid',
): ValidationProblem[] {
  const fail = (message: string): ValidationProblem[] => [{ field, code, message }];
  if (condition.property === SEGMENT_IN || condition.property === SEGMENT_NOT_IN) {
    if (segmentIds === null) return fail('segment conditions are not allowed here');
    const ids = parseStringArray(condition.value);
    if (!ids || ids.length === 0) return fail('a segment condition lists segment ids as a JSON array');
    const unknown = ids.filter((id) => !segmentIds.has(id));
    return unknown.length > 0 ? fail(`unknown segment ${unknown.join(', ')}`) : [];
  }
  if (!condition.property.trim()) return fail('a condition needs a property');
  const valueType = condition.op === null ? undefined : OPERATOR_TYPES.get(condition.op);
  if (valueType === undefined) return fail(`unknown operator ${String(condition.op)}`);
  switch (valueType) {
    case 'none':
    case 'string':
      return [];
    case 'list':
      return parseStringArray(condition.value) ? [] : fail(`${condition.op} takes a JSON array of strings`);
    case 'number':
      return Number.isNaN(parseDotnetDouble(condition.value)) ? fail(`${condition.op} takes a number`) : [];
    case 'regex':
      try {
        new RegExp(condition.value);
        return [];
      } catch {
        return fail('invalid regular expression');
      }
    case 'semver':
      return parseSemVer(condition.value) ? [] : fail(`${condition.op} takes a semantic version`);
    case 'datetime':
      return Number.isNaN(parseInstant(condition.value))
        ? fail(`${condition.op} takes an ISO-8601 date or epoch milliseconds`)
        : [];
  }
}

export interface TargetingInput {
  targetUsers: readonly TargetUser[];
  rules: readonly TargetRule[];
  fallthrough: Fallthrough;
}

export function validateTargeting(
  variations: readonly Variation[],
  targeting: TargetingInput,
  segmentIds: ReadonlySet<string>,
): ValidationProblem[] {
  const ids = new Set(variations.map((v) => v.id));
  const problems: ValidationProblem[] = [];
  const targeted = new Set<string>();
  targeting.targetUsers.forEach((t, i) => {
    if (!ids.has(t.variationId)) {
      problems.push({
        field: `targetUsers[${i}].variationId`,
        code: 'targetUsers_is_invalid',
        message: `unknown variation id ${t.variationId}`,
      });
    }
    for (const keyId of t.keyIds) {
      if (targeted.has(keyId)) {
        problems.push({
          field: `targetUsers[${i}].keyIds`,
          code: 'targetUsers_is_invalid',
          message: `user ${keyId} is targeted twice`,
        });
      }
      targeted.add(keyId);
    }
  });
  const ruleIds = new Set<string>();
  targeting.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id))
      problems.push({
        field: `rules[${i}].id`,
        code: 'rules_is_invalid',
        message: `duplicate rule id ${rule.id}`,
      });
    ruleIds.add(rule.id);
    if (rule.conditions.length === 0) {
      problems.push({
        field: `rules[${i}].conditions`,
        code: 'rules_is_invalid',
        message: 'a rule needs at least one condition',
      });
    }
    rule.conditions.forEach((c, j) =>
      problems.push(...conditionProblems(`rules[${i}].conditions[${j}]`, c, segmentIds)),
    );
    problems.push(...rolloutProblems(`rules[${i}].variations`, rule.variations, ids));
  });
  problems.push(...rolloutProblems('fallthrough.variations', targeting.fallthrough.variations, ids));
  return problems;
}

/** Segment ids referenced by the flag's rules (for reference checks and "flag-references"). */
export function referencedSegmentIds(rules: readonly TargetRule[]): string[] {
  const ids = new Set<string>();
  for (const rule of rules) {
    for (const c of rule.conditions) {
      if (c.property !== SEGMENT_IN && c.property !== SEGMENT_NOT_IN) continue;
      for (const id of parseStringArray(c.value) ?? []) ids.add(id);
    }
  }
  return [...ids];
}
