// Public API of the evaluation core: FeatBit-exact flag evaluation as pure code (docs/evaluation.md).

export {
  type EvaluationOptions,
  type EvalResult,
  type EvaluationProblem,
  DEFAULT_EVALUATION_OPTIONS,
  REASON_ARCHIVED,
  REASON_DEFAULT,
  REASON_DISABLED,
  REASON_MALFORMED,
  REASON_TARGETED,
} from './evaluation-result';
export { EnvironmentEvaluator, evaluateFlag } from './environment-evaluator';
export { type ClientFlag, toClientFlag, timestampOf } from './client-flag';
export { dispatchBucket, isInRollout } from './dispatch';
export {
  type AttributeValueType,
  type OperatorInfo,
  type OperatorValueType,
  ADDITIVE_OPERATORS,
  OPERATORS,
  OPERATOR_NAMES,
  isKnownOperator,
} from './operators';
export { parseDotnetDouble } from './dotnet-number';
export { compareSemVer, parseSemVer, type SemVer } from './semver';
export { parseInstant } from './instant';
