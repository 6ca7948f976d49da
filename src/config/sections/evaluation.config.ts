import { int, oneOf, text } from '../env-parsers';
import { MISSING_ATTRIBUTE_MODES, variable } from '../env-variable.types';

/** AppConfig.evaluation. */
export const EVALUATION_CONFIG = {
  tokenExpirySeconds: variable({
    name: 'TOKEN_EXPIRY_SECONDS',
    description: 'Accepted clock skew of streaming tokens',
    parser: int(1, 86_400),
    default: 30,
    aliases: [{ name: 'Streaming__TokenExpirySeconds' }],
  }),
  missingAttribute: variable({
    name: 'EVAL_MISSING_ATTRIBUTE',
    description: "A missing user attribute is '' (FeatBit server) or fails every condition (draft spec)",
    parser: oneOf(MISSING_ATTRIBUTE_MODES),
    default: 'empty-string',
  }),
  endUserDedupeSeconds: variable({
    name: 'ENDUSER_DEDUPE_SECONDS',
    description: 'An end user seen again within this window is not re-published',
    parser: int(0, 86_400),
    default: 180,
  }),
  sdkRateLimitPerMinute: variable({
    name: 'SDK_RATE_LIMIT_PER_MINUTE',
    description: 'REST requests allowed per SDK secret per minute (0 = off)',
    parser: int(0, 100_000_000),
    default: 0,
  }),
  ofrepStreamKey: variable({
    name: 'OFREP_STREAM_KEY',
    description:
      'HMAC key (≥ 32 chars) signing the tokens of OFREP event-stream URLs; evaluation replicas behind one load balancer need the same value',
    parser: text(32),
    default: null,
    defaultText: 'random per process',
    secret: true,
  }),
};
