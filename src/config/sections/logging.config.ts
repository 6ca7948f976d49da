import { oneOf, text } from '../env-parsers';
import { LOG_FORMATS, LOG_LEVELS, variable } from '../env-variable.types';

/** AppConfig.logging: logs and metrics (docs/observability.md). */
export const LOGGING_CONFIG = {
  level: variable({
    name: 'LOG_LEVEL',
    description: 'Minimum log level',
    parser: oneOf(LOG_LEVELS),
    default: 'info',
  }),
  format: variable({
    name: 'LOG_FORMAT',
    description: 'json (one object per line) or pretty',
    parser: oneOf(LOG_FORMATS),
    default: 'json',
  }),
  metricsToken: variable({
    name: 'METRICS_TOKEN',
    description:
      'Bearer token required by GET /metrics (Prometheus scrape); unset or empty leaves it open like /health',
    parser: text(),
    default: null,
    defaultText: 'none (open)',
    secret: true,
  }),
};
