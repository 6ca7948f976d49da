import { compileCondition, type CompiledCondition } from './compiled-condition';
import { EvaluationFault } from './evaluation-result';

// A segment compiled once: excluded/included as Sets, rules as compiled conditions. Damage is kept
// per stage so a broken part only matters when the server would have reached it.

export interface CompiledSegmentRule {
  conditions: CompiledCondition[];
  fault: EvaluationFault | null;
}

export interface CompiledSegment {
  id: string;
  updatedAt: string;
  excluded: ReadonlySet<string>;
  included: ReadonlySet<string>;
  rules: CompiledSegmentRule[];
  /** Raised before the excluded / included / rules stage (server order) when that part is broken. */
  excludedFault: EvaluationFault | null;
  includedFault: EvaluationFault | null;
  rulesFault: EvaluationFault | null;
  /** Everything wrong with it (messages name the segment), reported against the flags using it. */
  problems: string[];
}

const EMPTY: ReadonlySet<string> = new Set();

function stringSet(value: unknown): Set<string> | null {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
  return new Set(value);
}

export function compileSegment(segment: unknown): CompiledSegment {
  const s = (typeof segment === 'object' && segment !== null ? segment : {}) as Record<string, unknown>;
  const id = typeof s.id === 'string' ? s.id : '';
  const updatedAt = typeof s.updatedAt === 'string' ? s.updatedAt : '';
  // The segment version is part of every message, so a changed segment is reported again.
  const where = `segment ${id} (updated ${updatedAt})`;
  const problems: string[] = [];
  const damage = (message: string): EvaluationFault => {
    problems.push(`${where}: ${message}`);
    return new EvaluationFault(`${where}: ${message}`);
  };
  const excluded = stringSet(s.excluded);
  const included = stringSet(s.included);
  const rules: CompiledSegmentRule[] = [];
  let rulesFault: EvaluationFault | null = null;
  if (Array.isArray(s.rules)) {
    for (const rule of s.rules as unknown[]) {
      const conditions = (rule as { conditions?: unknown } | null)?.conditions;
      if (Array.isArray(conditions)) {
        const compiled = conditions.map((c) => compileCondition(c, false, where, problems));
        rules.push({ conditions: compiled, fault: null });
      } else {
        rules.push({ conditions: [], fault: damage('a rule has no condition list') });
      }
    }
  } else {
    rulesFault = damage('rules is not a list');
  }
  return {
    id,
    updatedAt,
    excluded: excluded ?? EMPTY,
    included: included ?? EMPTY,
    rules,
    excludedFault: excluded === null ? damage('excluded is not a list of key ids') : null,
    includedFault: included === null ? damage('included is not a list of key ids') : null,
    rulesFault,
    problems,
  };
}
