import type { Role } from '../roles/role';
import type { SectionValues } from './env-variable.types';
import type { ANALYTICS_CONFIG } from './sections/analytics.config';
import type { AUTH_CONFIG } from './sections/auth.config';
import type { EDGE_CONFIG } from './sections/edge.config';
import type { EVALUATION_CONFIG } from './sections/evaluation.config';
import type { LIMITS_CONFIG } from './sections/limits.config';
import type { LOGGING_CONFIG } from './sections/logging.config';
import type { SERVER_CONFIG } from './sections/server.config';
import type { TracingConfig } from './tracing-config';
import type { WORKFLOW_CONFIG } from './sections/workflow.config';

/**
 * One provider's settings: `provider` names it, its own settings are typed, and the settings of
 * the other providers are null (so readers written before the union still type-check).
 */
type Variant<P extends string, Settings, Own extends keyof Settings = never> = { readonly provider: P } & {
  readonly [K in Own]: Settings[K];
} & { readonly [K in Exclude<keyof Settings, Own>]: null };

interface DatabaseSettings {
  postgres: { readonly url: string; readonly poolSize: number };
  mongo: { readonly url: string; readonly database: string };
}

type DatabaseConfig = {
  /** Where the embedded database lives (only opened when the provider is pglite). */
  readonly pglite: { readonly dataDir: string };
} & (
  | Variant<'pglite', DatabaseSettings>
  | Variant<'postgres', DatabaseSettings, 'postgres'>
  | Variant<'mongodb', DatabaseSettings, 'mongo'>
);

interface MqSettings {
  /** null: the embedded database (PGlite) holds the queue tables. */
  postgresUrl: string | null;
  redisUrl: string;
  kafka: { readonly brokers: readonly string[]; readonly clientId: string };
}

type MqConfig =
  | Variant<'inprocess', MqSettings>
  | Variant<'postgres', MqSettings, 'postgresUrl'>
  | Variant<'redis', MqSettings, 'redisUrl'>
  | Variant<'kafka', MqSettings, 'kafka'>;

type CacheConfig = Variant<'none', { redisUrl: string }> | Variant<'redis', { redisUrl: string }, 'redisUrl'>;

interface AnalyticsSettings {
  clickhouse: {
    readonly url: string;
    readonly database: string;
    readonly user: string;
    readonly password: string;
    readonly retentionDays: number;
    /** kafka: ClickHouse consumes the insights topic (ANALYTICS_CLICKHOUSE_INGEST). */
    readonly ingest:
      | { readonly mode: 'role' }
      | {
          readonly mode: 'kafka';
          readonly brokers: readonly string[];
          readonly topic: string;
          readonly group: string;
        };
  };
}

type AnalyticsConfig = Pick<
  SectionValues<typeof ANALYTICS_CONFIG>,
  'flushIntervalMs' | 'flushSize' | 'retentionDays' | 'guardrailCheckSeconds'
> &
  (Variant<'primary', AnalyticsSettings> | Variant<'clickhouse', AnalyticsSettings, 'clickhouse'>);

/**
 * The validated, frozen configuration. It is the injection token too: nothing else reads
 * process.env. Built by loadAppConfig(); the plain sections are the section tables' values
 * (src/config/sections/), the provider sections are unions keyed by provider.
 */
export abstract class AppConfig {
  abstract readonly roles: readonly Role[];
  /** ROLES is read by main.ts before the configuration (it chooses the roles). */
  abstract readonly server: Omit<SectionValues<typeof SERVER_CONFIG>, 'roles'>;
  abstract readonly database: DatabaseConfig;
  abstract readonly mq: MqConfig;
  abstract readonly cache: CacheConfig;
  abstract readonly analytics: AnalyticsConfig;
  abstract readonly auth: SectionValues<typeof AUTH_CONFIG>;
  abstract readonly evaluation: SectionValues<typeof EVALUATION_CONFIG>;
  abstract readonly workflow: SectionValues<typeof WORKFLOW_CONFIG>;
  abstract readonly limits: SectionValues<typeof LIMITS_CONFIG>;
  abstract readonly logging: SectionValues<typeof LOGGING_CONFIG>;
  /** OpenTelemetry traces: off unless an exporter or an OTLP endpoint is set (docs/observability.md#tracing). */
  abstract readonly tracing: TracingConfig;
  /** The edge role's upstream; null everywhere else (loadAppConfig requires both for the edge). */
  abstract readonly edge: EdgeConfig | null;
}

type EdgeValues = SectionValues<typeof EDGE_CONFIG>;
export interface EdgeConfig {
  readonly upstreamUrl: string;
  readonly relayKey: string;
  readonly dataDir: string;
  readonly insightBufferBytes: EdgeValues['insightBufferBytes'];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
