import type { Role } from '../roles/role';
import type { AnalyticsProvider, CacheProvider, DbProvider, MqProvider } from './env-variables';

/**
 * The validated, frozen configuration. It is the injection token too: nothing else reads
 * process.env. Built by loadAppConfig().
 */
export abstract class AppConfig {
  abstract readonly roles: readonly Role[];
  abstract readonly server: {
    readonly host: string;
    readonly port: number;
    readonly dataDir: string;
    readonly uiDir: string;
    readonly publicApiUrl: string | null;
    readonly publicEvaluationUrl: string | null;
    /** '*' or explicit origins. */
    readonly corsOrigins: readonly string[];
    readonly trustProxy: boolean;
    readonly shutdownGraceMs: number;
  };
  abstract readonly database: {
    readonly provider: DbProvider;
    readonly pglite: { readonly dataDir: string };
    readonly postgres: { readonly url: string; readonly poolSize: number } | null;
    readonly mongo: { readonly url: string; readonly database: string } | null;
  };
  abstract readonly mq: {
    readonly provider: MqProvider;
    readonly postgresUrl: string | null;
    readonly redisUrl: string | null;
    readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string } | null;
  };
  abstract readonly cache: {
    readonly provider: CacheProvider;
    readonly redisUrl: string | null;
  };
  abstract readonly analytics: {
    readonly provider: AnalyticsProvider;
    readonly clickhouse: {
      readonly url: string;
      readonly database: string;
      readonly user: string;
      readonly password: string;
    } | null;
    readonly flushIntervalMs: number;
    readonly flushSize: number;
  };
  abstract readonly auth: {
    /** null: a key is generated once and kept in the database. */
    readonly jwtSecret: string | null;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    readonly cookieSecure: 'auto' | 'true' | 'false';
    readonly adminEmail: string;
    readonly adminPassword: string | null;
    readonly loginMaxAttemptsPerAccount: number;
    readonly loginMaxAttemptsPerIp: number;
  };
  abstract readonly evaluation: {
    readonly tokenExpirySeconds: number;
    readonly missingAttribute: 'empty-string' | 'no-match';
    readonly endUserDedupeSeconds: number;
    readonly sdkRateLimitPerMinute: number;
  };
  abstract readonly limits: {
    readonly bodyLimitBytes: number;
    readonly uploadLimitBytes: number;
    readonly insightMaxItems: number;
    readonly wsMaxMessageBytes: number;
    readonly wsMaxBufferedBytes: number;
    /** Open streaming connections per client address; 0 = no limit. */
    readonly wsMaxConnectionsPerIp: number;
  };
  abstract readonly logging: {
    readonly level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
    readonly format: 'json' | 'pretty';
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
