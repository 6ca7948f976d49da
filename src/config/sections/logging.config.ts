import { oneOf } from '../env-parsers';
import { LOG_FORMATS, LOG_LEVELS, variable } from '../env-variable.types';

/** AppConfig.logging. */
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
};
