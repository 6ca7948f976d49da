import type { FeatureFlag } from '../flags/feature-flag';
import {
  ATTR_BLANK,
  ATTR_CUSTOM,
  ATTR_KEY_ID,
  ATTR_NAME,
  compileCondition,
  type CompiledCondition,
} from './compiled-condition';
import { coversEveryBucket } from './dispatch';
import { isNullOrWhiteSpace } from './dotnet-text';
import {
  ARCHIVED_RESULT,
  EvaluationFault,
  REASON_DEFAULT,
  REASON_DISABLED,
  REASON_TARGETED,
  servedResult,
  type EvalResult,
} from './evaluation-result';
import { Op } from './operators';

// A flag compiled once into matchers and precomputed (frozen) results. Damage is kept where the server would
// meet it (docs/reference/evaluation.md#error-containment), so a broken part only matters when reached.

export const SERVE_FULL = 0; // [0, ~1]: the full-range shortcut, no hashing
export const SERVE_NEVER = 1; // [0, 0]
export const SERVE_RANGE = 2; // lo <= bucket <= hi

export const EXPT_FALSE = 0;
export const EXPT_TRUE = 1;
export const EXPT_HASH = 2;

export interface CompiledServe {
  mode: number;
  lo: number;
  hi: number;
  /** The rollout pair itself is malformed (raised when reached in order). */
  fault: EvaluationFault | null;
  /** Selected, but the variation or exptRollout is unusable (raised when selected). */
  selectFault: EvaluationFault | null;
  expt: number;
  exptUpper: number;
  inExperiment: EvalResult;
  notInExperiment: EvalResult;
}

export interface CompiledRollout {
  /** ATTR_BLANK: dispatch on keyId; otherwise the attribute kind of the dispatch key. */
  dispatchKind: number;
  dispatchAttr: string;
  serves: CompiledServe[];
  /** Variation.Empty results when no interval covers the bucket. */
  emptyInExperiment: EvalResult;
  emptyNotInExperiment: EvalResult;
  exptIncludeAll: boolean;
  includedInExpt: boolean;
  fault: EvaluationFault | null;
}

export interface CompiledRule {
  conditions: CompiledCondition[];
  /** The condition list itself is missing (raised when the rule is reached). */
  fault: EvaluationFault | null;
  rollout: CompiledRollout;
}

export interface CompiledFlag {
  source: FeatureFlag;
  id: string;
  key: string;
  updatedAt: string;
  archived: boolean;
  /** Raised right after the archived check (isEnabled unusable). */
  fault: EvaluationFault | null;
  enabled: boolean;
  disabled: EvalResult | EvaluationFault;
  /** Raised before targeting (targetUsers or exptIncludeAllTargets unusable). */
  targetsFault: EvaluationFault | null;
  targets: Map<string, EvalResult | EvaluationFault>;
  /** Raised before the rules (key or rules unusable). */
  rulesFault: EvaluationFault | null;
  rules: CompiledRule[];
  fallthrough: CompiledRollout;
  exptPrefix: string;
  segmentIds: Set<string>;
  problems: string[];
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null ? (v as Obj) : null);

function dispatchKind(key: string): number {
  if (isNullOrWhiteSpace(key)) return ATTR_BLANK;
  return key === 'keyId' ? ATTR_KEY_ID : key === 'name' ? ATTR_NAME : ATTR_CUSTOM;
}

function compileRollout(
  raw: unknown,
  where: string,
  reason: unknown,
  variations: ReadonlyMap<string, string>,
  exptIncludeAll: boolean,
  problems: string[],
): CompiledRollout {
  const o = asObj(raw);
  const rollout: CompiledRollout = {
    dispatchKind: ATTR_BLANK,
    dispatchAttr: '',
    serves: [],
    emptyInExperiment: servedResult('', '', typeof reason === 'string' ? reason : '', true),
    emptyNotInExperiment: servedResult('', '', typeof reason === 'string' ? reason : '', false),
    exptIncludeAll,
    includedInExpt: false,
    fault: null,
  };
  const damage = (message: string): CompiledRollout => {
    problems.push(`${where}: ${message}`);
    rollout.fault = new EvaluationFault(`${where}: ${message}`);
    return rollout;
  };
  if (o === null) return damage('missing');
  if (typeof reason !== 'string') return damage('has no name');
  if (o.dispatchKey != null && typeof o.dispatchKey !== 'string')
    return damage('dispatchKey is not a string');
  const dk = typeof o.dispatchKey === 'string' ? o.dispatchKey : null;
  if (typeof o.includedInExpt !== 'boolean') return damage('includedInExpt is not a boolean');
  if (!Array.isArray(o.variations)) return damage('variations is not a list');
  rollout.dispatchKind = dispatchKind(dk ?? '');
  rollout.dispatchAttr = dk ?? '';
  rollout.includedInExpt = o.includedInExpt;

  const intervals: [number, number][] = [];
  for (const item of o.variations as unknown[]) {
    const rv = asObj(item) ?? {};
    const serve: CompiledServe = {
      mode: SERVE_NEVER,
      lo: 0,
      hi: 0,
      fault: null,
      selectFault: null,
      expt: EXPT_FALSE,
      exptUpper: 0,
      inExperiment: servedResult('', '', reason, true),
      notInExperiment: servedResult('', '', reason, false),
    };
    rollout.serves.push(serve);
    const pair = rv.rollout;
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'number' ||
      typeof pair[1] !== 'number'
    ) {
      problems.push(`${where}: a rollout is not a pair of numbers`);
      serve.fault = new EvaluationFault(`${where}: a rollout is not a pair of numbers`);
      continue;
    }
    const [lo, hi] = pair as [number, number];
    serve.lo = lo;
    serve.hi = hi;
    serve.mode = lo === 0 && 1 - hi < 1e-5 ? SERVE_FULL : lo === 0 && hi === 0 ? SERVE_NEVER : SERVE_RANGE;
    if (serve.mode !== SERVE_NEVER) intervals.push(serve.mode === SERVE_FULL ? [0, 1] : [lo, hi]);
    const id = rv.id;
    const value = typeof id === 'string' ? variations.get(id) : undefined;
    if (value === undefined) {
      problems.push(`${where}: rollout variation ${String(id)} does not exist`);
      serve.selectFault = new EvaluationFault(`${where}: rollout variation ${String(id)} does not exist`);
      continue;
    }
    if (typeof rv.exptRollout !== 'number') {
      problems.push(`${where}: exptRollout is not a number`);
      serve.selectFault = new EvaluationFault(`${where}: exptRollout is not a number`);
      continue;
    }
    serve.inExperiment = servedResult(id as string, value, reason, true);
    serve.notInExperiment = servedResult(id as string, value, reason, false);
    // docs/reference/evaluation.md#experiment-eligibility: eligibility beyond
    // exptIncludeAllTargets / includedInExpt.
    const width = hi - lo;
    const exptRollout = rv.exptRollout;
    if (exptRollout === 0 || width === 0) {
      serve.expt = EXPT_FALSE;
    } else {
      const upper = Math.min(exptRollout / width, 1);
      serve.exptUpper = upper;
      serve.expt = 1 - upper < 1e-5 ? EXPT_TRUE : upper === 0 ? EXPT_FALSE : EXPT_HASH;
    }
  }
  if (!coversEveryBucket(intervals)) {
    // Not an error for the server (it serves Variation.Empty), but almost certainly a mistake.
    problems.push(`${where}: rollouts do not cover every bucket; uncovered users get an empty variation`);
  }
  return rollout;
}

function collectSegmentIds(conditions: readonly CompiledCondition[], into: Set<string>): void {
  for (const c of conditions) {
    if (c.op === Op.SegmentIn || c.op === Op.SegmentNotIn) for (const id of c.segmentIds) into.add(id);
  }
}

export function compileFlag(flag: FeatureFlag): CompiledFlag {
  const f = asObj(flag) ?? {};
  const problems: string[] = [];
  const fault = (message: string): EvaluationFault => {
    problems.push(message);
    return new EvaluationFault(message);
  };
  const key = typeof f.key === 'string' ? f.key : '';
  const compiled: CompiledFlag = {
    source: flag,
    id: typeof f.id === 'string' ? f.id : '',
    key,
    updatedAt: typeof f.updatedAt === 'string' ? f.updatedAt : '',
    archived: f.isArchived === true,
    fault: null,
    enabled: f.isEnabled === true,
    disabled: ARCHIVED_RESULT,
    targetsFault: null,
    targets: new Map(),
    rulesFault: null,
    rules: [],
    fallthrough: undefined as unknown as CompiledRollout,
    exptPrefix: 'expt' + key,
    segmentIds: new Set(),
    problems,
  };
  if (typeof f.isEnabled !== 'boolean') compiled.fault = fault('isEnabled is not a boolean');

  const variations = new Map<string, string>();
  if (Array.isArray(f.variations)) {
    for (const v of f.variations as unknown[]) {
      const o = asObj(v);
      if (o !== null && typeof o.id === 'string' && typeof o.value === 'string' && !variations.has(o.id)) {
        variations.set(o.id, o.value);
      } else if (o === null || typeof o.id !== 'string' || typeof o.value !== 'string') {
        problems.push('a variation has no string id or value');
      }
    }
  } else {
    problems.push('variations is not a list');
  }
  const variation = (
    id: unknown,
    where: string,
    reason: string,
    expt: boolean,
  ): EvalResult | EvaluationFault => {
    const value = typeof id === 'string' ? variations.get(id) : undefined;
    if (value === undefined) return fault(`${where}: variation ${String(id)} does not exist`);
    return servedResult(id as string, value, reason, expt);
  };

  compiled.disabled = variation(f.disabledVariationId, 'disabledVariationId', REASON_DISABLED, false);

  const exptIncludeAll = f.exptIncludeAllTargets === true;
  if (typeof f.exptIncludeAllTargets !== 'boolean') {
    compiled.targetsFault = fault('exptIncludeAllTargets is not a boolean');
  } else if (!Array.isArray(f.targetUsers)) {
    compiled.targetsFault = fault('targetUsers is not a list');
  } else {
    for (const t of f.targetUsers as unknown[]) {
      const o = asObj(t);
      if (o === null || !Array.isArray(o.keyIds)) {
        // The server would throw on reaching this entry: users not targeted earlier are affected.
        compiled.targetsFault = fault('a targetUsers entry has no keyIds list');
        break;
      }
      let served: EvalResult | EvaluationFault | null = null;
      for (const keyId of o.keyIds as unknown[]) {
        if (typeof keyId !== 'string' || compiled.targets.has(keyId)) continue;
        served ??= variation(o.variationId, 'targetUsers', REASON_TARGETED, exptIncludeAll);
        compiled.targets.set(keyId, served); // first entry wins, as in the server's ordered scan
      }
    }
  }

  if (typeof f.key !== 'string') compiled.rulesFault = fault('key is not a string');
  else if (!Array.isArray(f.rules)) compiled.rulesFault = fault('rules is not a list');
  else {
    (f.rules as unknown[]).forEach((r, index) => {
      const o = asObj(r) ?? {};
      const name = o.name;
      const where = `rule ${typeof name === 'string' ? `"${name}"` : `#${index + 1}`}`;
      const conditions = Array.isArray(o.conditions)
        ? (o.conditions as unknown[]).map((c) => compileCondition(c, true, where, problems))
        : [];
      collectSegmentIds(conditions, compiled.segmentIds);
      compiled.rules.push({
        conditions,
        fault: Array.isArray(o.conditions) ? null : fault(`${where}: conditions is not a list`),
        rollout: compileRollout(o, where, name, variations, exptIncludeAll, problems),
      });
    });
  }
  compiled.fallthrough = compileRollout(
    f.fallthrough,
    'fallthrough',
    REASON_DEFAULT,
    variations,
    exptIncludeAll,
    problems,
  );
  return compiled;
}
