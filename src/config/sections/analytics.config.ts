import { int, oneOf, text } from '../env-parsers';
import { ANALYTICS_PROVIDERS, variable } from '../env-variable.types';

/** Inputs of AppConfig.analytics: the provider union, then the batch writer's settings. */
export const ANALYTICS_CONFIG = {
  provider: variable({
    name: 'ANALYTICS_PROVIDER',
    description: 'Where insight events are stored',
    parser: oneOf(ANALYTICS_PROVIDERS),
    default: 'primary',
  }),
  clickhouseUrl: variable({
    name: 'CLICKHOUSE_URL',
    description: 'ClickHouse HTTP URL',
    parser: text(),
    default: undefined,
    defaultText: '-',
    secret: true,
  }),
  clickhouseDatabase: variable({
    name: 'CLICKHOUSE_DATABASE',
    description: 'ClickHouse database',
    parser: text(),
    default: 'featbit',
  }),
  clickhouseUser: variable({
    name: 'CLICKHOUSE_USER',
    description: 'ClickHouse user',
    parser: text(),
    default: 'default',
  }),
  clickhousePassword: variable({
    name: 'CLICKHOUSE_PASSWORD',
    description: 'ClickHouse password',
    parser: text(),
    default: '',
    defaultText: '-',
    secret: true,
  }),
  flushIntervalMs: variable({
    name: 'INSIGHT_FLUSH_INTERVAL_MS',
    description: 'Insight batch writer flush interval',
    parser: int(50, 60_000),
    default: 1000,
  }),
  flushSize: variable({
    name: 'INSIGHT_FLUSH_SIZE',
    description: 'Insight batch writer flushes early at this many events',
    parser: int(1, 1_000_000),
    default: 5000,
  }),
};
