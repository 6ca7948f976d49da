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
  clickhouseIngest: variable({
    name: 'ANALYTICS_CLICKHOUSE_INGEST',
    description:
      "How insight events reach ClickHouse: role (the analytics role's batch inserts) or kafka (ClickHouse reads the insights topic itself; needs MQ_PROVIDER=kafka)",
    parser: oneOf(['role', 'kafka']),
    default: 'role',
  }),
  retentionDays: variable({
    name: 'ANALYTICS_RETENTION_DAYS',
    description:
      'Insight events older than this many days are removed (ClickHouse: table TTL; primary database: an hourly bounded purge); 0 keeps everything',
    parser: int(0, 36_500),
    default: 0,
  }),
  guardrailCheckSeconds: variable({
    name: 'GUARDRAIL_CHECK_INTERVAL_SECONDS',
    description:
      'How often the api role checks the guardrail metric of each guarded rollout (a regression rolls it back)',
    parser: int(1, 3600),
    default: 60,
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
