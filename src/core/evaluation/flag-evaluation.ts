import type { EndUser } from '../end-users/end-user';
import { ATTR_BLANK, ATTR_CUSTOM, ATTR_KEY_ID } from './compiled-condition';
import {
  EXPT_FALSE,
  EXPT_TRUE,
  SERVE_FULL,
  SERVE_NEVER,
  type CompiledFlag,
  type CompiledRollout,
  type CompiledServe,
} from './compiled-flag';
import { bucketOf } from './dispatch';
import { ARCHIVED_RESULT, EvaluationFault, type EvalResult } from './evaluation-result';
import { customValue, matchAll, type MatchContext } from './matcher';

// Module-local copies (see matcher.ts: avoids per-access import getters under swc).
const FULL = SERVE_FULL;
const NEVER = SERVE_NEVER;
const NOT_IN_EXPERIMENT = EXPT_FALSE;
const IN_EXPERIMENT = EXPT_TRUE;
const BLANK = ATTR_BLANK;
const KEY_ID = ATTR_KEY_ID;
const CUSTOM = ATTR_CUSTOM;
const hashBucket = bucketOf;
const attribute = customValue;
const allMatch = matchAll;

// Evaluation of a compiled flag in the server's order (docs/reference/evaluation.md#evaluation-order):
// archived → disabled → individual targets → first fully matching rule → default rule. Malformed parts raise
// an EvaluationFault where the server would throw; the caller turns it into a result.

/** The attribute part of the dispatch key: keyId for a blank dispatchKey, missing/null → "". */
function dispatchValue(rollout: CompiledRollout, user: EndUser): string {
  switch (rollout.dispatchKind) {
    case BLANK:
    case KEY_ID:
      return user.keyId;
    case CUSTOM:
      return attribute(user, rollout.dispatchAttr) ?? '';
    default:
      return user.name ?? '';
  }
}

function serve(flag: CompiledFlag, rollout: CompiledRollout, user: EndUser): EvalResult {
  if (rollout.fault !== null) throw rollout.fault;
  const serves = rollout.serves;
  let bucket = -1;
  let chosen: CompiledServe | null = null;
  for (let i = 0; i < serves.length; i++) {
    const s = serves[i];
    if (s.fault !== null) throw s.fault;
    if (s.mode === FULL) {
      chosen = s;
      break;
    }
    if (s.mode === NEVER) continue;
    if (bucket < 0) bucket = hashBucket(flag.key, dispatchValue(rollout, user));
    if (bucket >= s.lo && bucket <= s.hi) {
      chosen = s;
      break;
    }
  }
  if (chosen === null) {
    // Variation.Empty: eligible only through exptIncludeAllTargets (its rollout width is 0).
    return rollout.exptIncludeAll ? rollout.emptyInExperiment : rollout.emptyNotInExperiment;
  }
  if (chosen.selectFault !== null) throw chosen.selectFault;
  if (rollout.exptIncludeAll) return chosen.inExperiment;
  if (!rollout.includedInExpt || chosen.expt === NOT_IN_EXPERIMENT) return chosen.notInExperiment;
  if (chosen.expt === IN_EXPERIMENT) return chosen.inExperiment;
  const exptBucket = hashBucket(flag.exptPrefix, dispatchValue(rollout, user));
  return exptBucket <= chosen.exptUpper ? chosen.inExperiment : chosen.notInExperiment;
}

export function evaluateCompiled(flag: CompiledFlag, user: EndUser, ctx: MatchContext): EvalResult {
  if (flag.archived) return ARCHIVED_RESULT;
  if (flag.fault !== null) throw flag.fault;
  if (!flag.enabled) {
    const disabled = flag.disabled;
    if (disabled instanceof EvaluationFault) throw disabled;
    return disabled;
  }
  const targeted = flag.targets.get(user.keyId);
  if (targeted !== undefined) {
    if (targeted instanceof EvaluationFault) throw targeted;
    return targeted;
  }
  if (flag.targetsFault !== null) throw flag.targetsFault;
  if (flag.rulesFault !== null) throw flag.rulesFault;
  const rules = flag.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.fault !== null) throw rule.fault;
    // A matched rule never falls through, even when no interval covers the bucket.
    if (allMatch(rule.conditions, user, ctx)) return serve(flag, rule.rollout, user);
  }
  return serve(flag, flag.fallthrough, user);
}
