import { SEGMENT_IN, SEGMENT_NOT_IN } from '../flags/feature-flag';
import { isNullOrWhiteSpace } from './dotnet-text';
import { parseDotnetDouble } from './dotnet-number';
import { EvaluationFault } from './evaluation-result';
import { parseInstant } from './instant';
import { OPCODES, Op } from './operators';
import { parseSemVer, type SemVer } from './semver';

// A condition compiled once: list values parsed into a Set, regexes compiled, numbers, semvers and
// instants parsed. Every instance has the same shape so the matcher's property reads stay monomorphic.

export const ATTR_BLANK = 0;
export const ATTR_KEY_ID = 1;
export const ATTR_NAME = 2;
export const ATTR_CUSTOM = 3;

export class CompiledCondition {
  op: number = Op.Never;
  attrKind = ATTR_BLANK;
  attr = '';
  str = '';
  num = NaN;
  set: Set<string> | null = null;
  /** IsOneOf/NotOneOf value was JSON null: IsOneOf never matches, NotOneOf always does. */
  nullList = false;
  re: RegExp | null = null;
  semver: SemVer | null = null;
  /** Segment ids of a segment condition, in order. */
  segmentIds: string[] = [];
  /** Why the condition is malformed (op = Fault): reported once, raised when reached. */
  fault: EvaluationFault | null = null;
}

function setAttribute(target: CompiledCondition, property: string): void {
  if (isNullOrWhiteSpace(property)) target.attrKind = ATTR_BLANK;
  else if (property === 'keyId') target.attrKind = ATTR_KEY_ID;
  else if (property === 'name') target.attrKind = ATTR_NAME;
  else target.attrKind = ATTR_CUSTOM;
  target.attr = property;
}

function parseStringList(value: string): { set: Set<string> | null; ok: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { set: null, ok: false };
  }
  if (parsed === null) return { set: null, ok: true };
  if (!Array.isArray(parsed)) return { set: null, ok: false };
  const set = new Set<string>();
  for (const item of parsed) {
    // .NET's List<string> accepts null items (they never equal a user value); other types throw.
    if (typeof item === 'string') set.add(item);
    else if (item !== null) return { set: null, ok: false };
  }
  return { set, ok: true };
}

/** A JSON array of id strings (JSON null counts as empty); null when malformed. */
function parseSegmentIds(value: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (parsed === null) return [];
  if (!Array.isArray(parsed) || !parsed.every((id) => typeof id === 'string')) return null;
  return parsed;
}

function fault(target: CompiledCondition, message: string, problems: string[]): CompiledCondition {
  target.op = Op.Fault;
  target.fault = new EvaluationFault(message);
  problems.push(message);
  return target;
}

function describe(where: string, condition: unknown): string {
  const c = condition as { id?: unknown; property?: unknown; op?: unknown };
  const id = typeof c?.id === 'string' ? ` ${c.id}` : '';
  return `${where}: condition${id} (${String(c?.property)} ${String(c?.op)})`;
}

/**
 * Compiles a condition (`allowSegments` false inside segment rules, where FeatBit reads
 * "User is in segment" as an ordinary attribute name). Problems, prefixed with `where`, are
 * appended to `problems`; a fault raised later carries the same message.
 */
export function compileCondition(
  condition: unknown,
  allowSegments: boolean,
  where: string,
  problems: string[],
): CompiledCondition {
  const c = new CompiledCondition();
  if (typeof condition !== 'object' || condition === null) {
    return fault(c, `${where}: a condition is not an object`, problems);
  }
  const { property, op, value } = condition as { property?: unknown; op?: unknown; value?: unknown };
  if (typeof property !== 'string') {
    return fault(c, `${describe(where, condition)} has no property`, problems);
  }

  if (allowSegments && (property === SEGMENT_IN || property === SEGMENT_NOT_IN)) {
    c.op = property === SEGMENT_IN ? Op.SegmentIn : Op.SegmentNotIn;
    if (typeof value !== 'string') {
      return fault(c, `${describe(where, condition)} has no segment list`, problems);
    }
    const ids = parseSegmentIds(value);
    if (ids === null) {
      return fault(c, `${describe(where, condition)} value is not a JSON array of segment ids`, problems);
    }
    c.segmentIds = ids;
    return c;
  }

  setAttribute(c, property);
  const code = typeof op === 'string' ? OPCODES.get(op) : undefined;
  if (code === undefined) {
    // FeatBit treats unknown operators as non-matching; keep that, but report it.
    problems.push(`${describe(where, condition)} uses an unknown operator`);
    c.op = Op.Never;
    return c;
  }
  if (typeof value !== 'string') {
    // The server's Operator.IsMatch returns false for a null condition value.
    problems.push(`${describe(where, condition)} has no value`);
    c.op = Op.Never;
    return c;
  }
  c.op = code;
  c.str = value;
  switch (code) {
    case Op.IsOneOf:
    case Op.NotOneOf: {
      const list = parseStringList(value);
      if (!list.ok) {
        // The server throws when it reaches this condition with a user value; so do we.
        return fault(c, `${describe(where, condition)} value is not a JSON array of strings`, problems);
      }
      c.set = list.set;
      c.nullList = list.set === null;
      break;
    }
    case Op.MatchRegex:
    case Op.NotMatchRegex:
      try {
        c.re = new RegExp(value);
      } catch {
        return fault(c, `${describe(where, condition)} value is not a valid regular expression`, problems);
      }
      break;
    case Op.LessThan:
    case Op.LessEqualThan:
    case Op.BiggerThan:
    case Op.BiggerEqualThan:
      c.num = parseDotnetDouble(value);
      // An unparsable number never matches (server semantics), it is not an error.
      if (Number.isNaN(c.num)) c.op = Op.Never;
      break;
    case Op.SemVerEqual:
    case Op.SemVerGreaterThan:
    case Op.SemVerLessThan:
      c.semver = parseSemVer(value);
      if (c.semver === null) {
        problems.push(`${describe(where, condition)} value is not a semantic version`);
        c.op = Op.Never;
      }
      break;
    case Op.Before:
    case Op.After:
      c.num = parseInstant(value);
      if (Number.isNaN(c.num)) {
        problems.push(
          `${describe(where, condition)} value is not an ISO-8601 date-time or epoch milliseconds`,
        );
        c.op = Op.Never;
      }
      break;
    default:
      break;
  }
  return c;
}
