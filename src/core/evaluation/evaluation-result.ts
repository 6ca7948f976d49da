// Result and option types of the evaluator (the public contract in index.ts).

export interface EvaluationOptions {
  /**
   * 'empty-string' (default, FeatBit's evaluation server and .NET SDK): a missing attribute reads
   * as "" so negated operators match. 'no-match' (FeatBit's draft spec): a missing custom attribute
   * fails every ordinary condition, negated ones included.
   */
  missingAttribute: 'empty-string' | 'no-match';
}

export const DEFAULT_EVALUATION_OPTIONS: EvaluationOptions = { missingAttribute: 'empty-string' };

/**
 * One evaluation. Results are shared, frozen objects (the evaluator allocates nothing per call):
 * copy before changing.
 */
export interface EvalResult {
  /** null for archived / malformed; '' when rollouts do not cover the bucket (server's Variation.Empty). */
  variationId: string | null;
  value: string | null;
  /** 'flag archived' | 'flag disabled' | 'targeted' | <rule name> | 'default' | 'malformed flag'. */
  reason: string;
  sendToExperiment: boolean;
  /** Set when the flag is malformed: what is wrong. */
  error?: string;
}

export interface EvaluationProblem {
  flagId: string;
  flagKey: string;
  updatedAt: string;
  message: string;
}

export const REASON_ARCHIVED = 'flag archived';
export const REASON_DISABLED = 'flag disabled';
export const REASON_TARGETED = 'targeted';
export const REASON_DEFAULT = 'default';
export const REASON_MALFORMED = 'malformed flag';

export function servedResult(
  variationId: string,
  value: string,
  reason: string,
  sendToExperiment: boolean,
): EvalResult {
  return Object.freeze({ variationId, value, reason, sendToExperiment });
}

export function malformedResult(error: string): EvalResult {
  return Object.freeze({
    variationId: null,
    value: null,
    reason: REASON_MALFORMED,
    sendToExperiment: false,
    error,
  });
}

export const ARCHIVED_RESULT: EvalResult = Object.freeze({
  variationId: null,
  value: null,
  reason: REASON_ARCHIVED,
  sendToExperiment: false,
});

/** Thrown inside the evaluator when malformed data is reached; never escapes it. */
export class EvaluationFault extends Error {}
