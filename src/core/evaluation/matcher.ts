import type { EndUser } from '../end-users/end-user';
import { ATTR_CUSTOM, ATTR_KEY_ID, ATTR_NAME, type CompiledCondition } from './compiled-condition';
import type { CompiledSegment } from './compiled-segment';
import { parseDotnetDouble } from './dotnet-number';
import { EvaluationFault } from './evaluation-result';
import { parseInstant } from './instant';
import { Op } from './operators';
import { compareSemVer, parseSemVer } from './semver';

// Condition and segment matching on compiled data (FeatBit server semantics,
// docs/reference/evaluation.md#attribute-lookup, docs/reference/evaluation.md#operators,
// docs/reference/evaluation.md#segment-conditions). No parsing of condition values and no allocation on the
// common paths.

// Module-local copies: transpilers that emit live-binding getters for imports (swc, used by Jest
// and the benchmark) would otherwise run a getter for every opcode comparison.
const {
  Never: NEVER,
  SegmentIn: SEGMENT_IN,
  SegmentNotIn: SEGMENT_NOT_IN,
  Equal: EQUAL,
  NotEqual: NOT_EQUAL,
  IsOneOf: IS_ONE_OF,
  NotOneOf: NOT_ONE_OF,
  Contains: CONTAINS,
  NotContain: NOT_CONTAIN,
  StartsWith: STARTS_WITH,
  EndsWith: ENDS_WITH,
  MatchRegex: MATCH_REGEX,
  NotMatchRegex: NOT_MATCH_REGEX,
  LessThan: LESS_THAN,
  LessEqualThan: LESS_EQUAL_THAN,
  BiggerThan: BIGGER_THAN,
  BiggerEqualThan: BIGGER_EQUAL_THAN,
  IsTrue: IS_TRUE,
  IsFalse: IS_FALSE,
  SemVerEqual: SEMVER_EQUAL,
  SemVerGreaterThan: SEMVER_GREATER_THAN,
  SemVerLessThan: SEMVER_LESS_THAN,
  Before: BEFORE,
  After: AFTER,
  Fault: FAULT,
} = Op;
const KEY_ID = ATTR_KEY_ID;
const NAME = ATTR_NAME;
const CUSTOM = ATTR_CUSTOM;
const toNumber = parseDotnetDouble;
const toInstant = parseInstant;
const toSemVer = parseSemVer;
const semverCompare = compareSemVer;

/** .NET OrdinalIgnoreCase equality with "TRUE" / "FALSE" without allocating. */
function isWord(v: string, upper: string): boolean {
  if (v.length !== upper.length) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const u = upper.charCodeAt(i);
    if (c === u || c === u + 32) continue;
    // Non-ASCII letters whose simple upper case is ASCII (e.g. dotless ı, long ſ): defer to toUpperCase.
    if (c > 0x7f) return v.toUpperCase() === upper;
    return false;
  }
  return true;
}

export interface MatchContext {
  segments: ReadonlyMap<string, CompiledSegment>;
  /** 'no-match' missing-attribute mode. */
  missingFails: boolean;
}

/**
 * The first custom property named `name` (ordinal): its value, "" for a null value, undefined
 * when there is none.
 */
export function customValue(user: EndUser, name: string): string | undefined {
  const props = user.customizedProperties;
  if (props == null) return undefined;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    if (p.name === name) {
      const v = p.value;
      return typeof v === 'string' ? v : v == null ? '' : String(v);
    }
  }
  return undefined;
}

export function matchCondition(c: CompiledCondition, user: EndUser, ctx: MatchContext): boolean {
  const op = c.op;
  if (op === NEVER) return false;
  if (op === SEGMENT_IN) return matchAnySegment(c.segmentIds, user, ctx);
  if (op === SEGMENT_NOT_IN) return !matchAnySegment(c.segmentIds, user, ctx);

  let v: string | null | undefined;
  switch (c.attrKind) {
    case KEY_ID:
      v = user.keyId;
      break;
    case NAME:
      v = user.name;
      break;
    case CUSTOM:
      v = customValue(user, c.attr);
      if (v === undefined) {
        if (ctx.missingFails) return false;
        v = '';
      }
      break;
    default:
      v = '';
  }
  // Operator.IsMatch: a null user value (only `name` can be null) never matches.
  if (v == null) return false;

  switch (op) {
    case EQUAL:
      return v === c.str;
    case NOT_EQUAL:
      return v !== c.str;
    case IS_ONE_OF:
      return c.set !== null && c.set.has(v);
    case NOT_ONE_OF:
      return c.set === null || !c.set.has(v);
    case CONTAINS:
      return v.includes(c.str);
    case NOT_CONTAIN:
      return !v.includes(c.str);
    case STARTS_WITH:
      return v.startsWith(c.str);
    case ENDS_WITH:
      return v.endsWith(c.str);
    case MATCH_REGEX:
      return c.re!.test(v);
    case NOT_MATCH_REGEX:
      return !c.re!.test(v);
    case LESS_THAN:
      return toNumber(v) < c.num;
    case LESS_EQUAL_THAN:
      return toNumber(v) <= c.num;
    case BIGGER_THAN:
      return toNumber(v) > c.num;
    case BIGGER_EQUAL_THAN:
      return toNumber(v) >= c.num;
    case IS_TRUE:
      return isWord(v, 'TRUE');
    case IS_FALSE:
      return isWord(v, 'FALSE');
    case SEMVER_EQUAL:
    case SEMVER_GREATER_THAN:
    case SEMVER_LESS_THAN: {
      const parsed = toSemVer(v);
      if (parsed === null) return false;
      const cmp = semverCompare(parsed, c.semver!);
      return op === SEMVER_EQUAL ? cmp === 0 : op === SEMVER_GREATER_THAN ? cmp > 0 : cmp < 0;
    }
    case BEFORE:
      // NaN compares false both ways, so an invalid user value never matches.
      return toInstant(v) < c.num;
    case AFTER:
      return toInstant(v) > c.num;
    case FAULT:
      throw c.fault!;
    default:
      return false;
  }
}

/** All conditions match (an empty list matches); short-circuits like the server. */
export function matchAll(
  conditions: readonly CompiledCondition[],
  user: EndUser,
  ctx: MatchContext,
): boolean {
  for (let i = 0; i < conditions.length; i++) {
    if (!matchCondition(conditions[i], user, ctx)) return false;
  }
  return true;
}

function matchAnySegment(ids: readonly string[], user: EndUser, ctx: MatchContext): boolean {
  for (let i = 0; i < ids.length; i++) {
    const segment = ctx.segments.get(ids[i]);
    if (segment === undefined) throw new EvaluationFault(`segment ${ids[i]} not found`);
    if (matchSegment(segment, user, ctx)) return true;
  }
  return false;
}

/** Excluded beats included; then any rule whose conditions all match. Archived is not consulted. */
export function matchSegment(segment: CompiledSegment, user: EndUser, ctx: MatchContext): boolean {
  if (segment.excludedFault !== null) throw segment.excludedFault;
  if (segment.excluded.has(user.keyId)) return false;
  if (segment.includedFault !== null) throw segment.includedFault;
  if (segment.included.has(user.keyId)) return true;
  if (segment.rulesFault !== null) throw segment.rulesFault;
  const rules = segment.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.fault !== null) throw rule.fault;
    if (matchAll(rule.conditions, user, ctx)) return true;
  }
  return false;
}
