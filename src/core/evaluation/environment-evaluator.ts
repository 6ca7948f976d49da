import type { EndUser } from '../end-users/end-user';
import type { FeatureFlag } from '../flags/feature-flag';
import type { Segment, WireSegment } from '../segments/segment';
import { compileFlag, type CompiledFlag } from './compiled-flag';
import { compileSegment, type CompiledSegment } from './compiled-segment';
import {
  DEFAULT_EVALUATION_OPTIONS,
  EvaluationFault,
  malformedResult,
  type EvalResult,
  type EvaluationOptions,
  type EvaluationProblem,
} from './evaluation-result';
import { evaluateCompiled } from './flag-evaluation';
import type { MatchContext } from './matcher';

const evaluateWith = evaluateCompiled; // a module-local reference (see matcher.ts)

// Compile-time faults are thrown as the same object every time: one frozen result each.
const faultResults = new WeakMap<EvaluationFault, EvalResult>();

/** Holds one environment's compiled flags and segments. */
export class EnvironmentEvaluator {
  private readonly byId = new Map<string, CompiledFlag>();
  private readonly byKey = new Map<string, CompiledFlag>();
  private readonly segments = new Map<string, CompiledSegment>();
  /** segment id → ids of flags whose rules reference it. */
  private readonly referencing = new Map<string, Set<string>>();
  /** Flags evaluated without being stored (debug views), compiled once per object. */
  private readonly adHoc = new WeakMap<FeatureFlag, CompiledFlag>();
  /** flag id → the version whose problems were reported, and the messages already sent. */
  private readonly reported = new Map<string, { updatedAt: string; messages: Set<string> }>();
  private readonly ctx: MatchContext;

  constructor(
    options?: Partial<EvaluationOptions>,
    private readonly onProblem?: (p: EvaluationProblem) => void,
  ) {
    const missing = options?.missingAttribute ?? DEFAULT_EVALUATION_OPTIONS.missingAttribute;
    this.ctx = { segments: this.segments, missingFails: missing === 'no-match' };
  }

  setFlags(flags: readonly FeatureFlag[]): void {
    this.byId.clear();
    this.byKey.clear();
    this.referencing.clear();
    for (const flag of flags) this.store(compileFlag(flag));
  }

  upsertFlag(flag: FeatureFlag): void {
    this.unstore(typeof flag?.id === 'string' ? flag.id : '');
    this.store(compileFlag(flag));
  }

  removeFlag(flagId: string): void {
    this.unstore(flagId);
    this.reported.delete(flagId);
  }

  setSegments(segments: readonly (Segment | WireSegment)[]): void {
    this.segments.clear();
    for (const segment of segments) {
      const compiled = compileSegment(segment);
      this.segments.set(compiled.id, compiled);
    }
    for (const flag of this.byId.values()) this.reportSegmentProblems(flag);
  }

  upsertSegment(segment: Segment | WireSegment): void {
    const compiled = compileSegment(segment);
    this.segments.set(compiled.id, compiled);
    for (const flag of this.referencingFlags(compiled.id)) this.reportSegmentProblems(flag);
  }

  removeSegment(segmentId: string): void {
    this.segments.delete(segmentId);
  }

  getFlagByKey(key: string): FeatureFlag | undefined {
    return this.byKey.get(key)?.source;
  }

  *flags(): Iterable<FeatureFlag> {
    for (const compiled of this.byId.values()) yield compiled.source;
  }

  /** null when no such flag. */
  evaluate(flagKey: string, user: EndUser): EvalResult | null {
    const compiled = this.byKey.get(flagKey);
    return compiled === undefined ? null : this.run(compiled, user, true);
  }

  /** Uses the stored compiled form when `flag` is the stored object; otherwise compiles it once. */
  evaluateFlag(flag: FeatureFlag, user: EndUser): EvalResult {
    const stored = this.byId.get(flag?.id);
    if (stored !== undefined && stored.source === flag) return this.run(stored, user, true);
    // Not the stored version (e.g. an unsaved edit): its problems come back in the result only.
    let compiled = this.adHoc.get(flag);
    if (compiled === undefined) {
      compiled = compileFlag(flag);
      if (typeof flag === 'object' && flag !== null) this.adHoc.set(flag, compiled);
    }
    return this.run(compiled, user, false);
  }

  /** Flags whose rules reference the segment (for pushing client re-evaluations). */
  flagsReferencingSegment(segmentId: string): FeatureFlag[] {
    return this.referencingFlags(segmentId).map((f) => f.source);
  }

  private run(compiled: CompiledFlag, user: EndUser, report: boolean): EvalResult {
    try {
      return evaluateWith(compiled, user, this.ctx);
    } catch (error) {
      // Never let one flag's bad data escape: a defined result, reported once per flag version.
      if (error instanceof EvaluationFault) {
        if (report) this.report(compiled, error.message);
        let result = faultResults.get(error);
        if (result === undefined) faultResults.set(error, (result = malformedResult(error.message)));
        return result;
      }
      const message = `unexpected evaluation error: ${error instanceof Error ? error.message : String(error)}`;
      if (report) this.report(compiled, message);
      return malformedResult(message);
    }
  }

  private store(compiled: CompiledFlag): void {
    this.byId.set(compiled.id, compiled);
    this.byKey.set(compiled.key, compiled);
    for (const segmentId of compiled.segmentIds) {
      let ids = this.referencing.get(segmentId);
      if (ids === undefined) this.referencing.set(segmentId, (ids = new Set()));
      ids.add(compiled.id);
    }
    for (const problem of compiled.problems) this.report(compiled, problem);
    this.reportSegmentProblems(compiled);
  }

  private unstore(flagId: string): void {
    const old = this.byId.get(flagId);
    if (old === undefined) return;
    this.byId.delete(flagId);
    if (this.byKey.get(old.key) === old) this.byKey.delete(old.key);
    for (const segmentId of old.segmentIds) this.referencing.get(segmentId)?.delete(flagId);
  }

  private referencingFlags(segmentId: string): CompiledFlag[] {
    const ids = this.referencing.get(segmentId);
    if (ids === undefined) return [];
    const result: CompiledFlag[] = [];
    for (const id of ids) {
      const compiled = this.byId.get(id);
      if (compiled !== undefined) result.push(compiled);
    }
    return result;
  }

  private reportSegmentProblems(flag: CompiledFlag): void {
    for (const segmentId of flag.segmentIds) {
      const segment = this.segments.get(segmentId);
      if (segment === undefined) continue; // reported when an evaluation reaches it
      for (const problem of segment.problems) this.report(flag, problem);
    }
  }

  private report(flag: CompiledFlag, message: string): void {
    if (this.onProblem === undefined) return;
    let seen = this.reported.get(flag.id);
    if (seen === undefined || seen.updatedAt !== flag.updatedAt) {
      seen = { updatedAt: flag.updatedAt, messages: new Set() };
      this.reported.set(flag.id, seen);
    }
    if (seen.messages.has(message)) return;
    seen.messages.add(message);
    try {
      this.onProblem({ flagId: flag.id, flagKey: flag.key, updatedAt: flag.updatedAt, message });
    } catch {
      // A failing reporter must not break evaluation.
    }
  }
}

/** Stateless convenience (management API debug view). */
export function evaluateFlag(
  flag: FeatureFlag,
  user: EndUser,
  segments: readonly (Segment | WireSegment)[],
  options?: Partial<EvaluationOptions>,
): EvalResult {
  const evaluator = new EnvironmentEvaluator(options);
  evaluator.setSegments(segments);
  return evaluator.evaluateFlag(flag, user);
}
