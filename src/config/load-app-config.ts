import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../core/iam/password-policy';
import { defaultPort, isAllInOne, type Role } from '../roles/role';
import { type AppConfig, ConfigError } from './app-config';
import {
  maskUrl,
  normalizePostgresConnectionString,
  normalizeRedisConnectionString,
} from './connection-strings';
import { ENV_VARIABLES, SENSITIVE_VARIABLES } from './env-variables';
import { EnvSchema } from './env.schema';

/**
 * The built console inside the installation (this file is src/config/ or dist/config/), so that
 * `node /opt/featbit-ts/dist/main.js` finds it from any working directory.
 */
export const DEFAULT_UI_DIR = resolve(__dirname, '../../apps/admin-ui/dist/admin-ui/browser');

type RawEnv = Readonly<Record<string, string | undefined>>;

interface Resolved {
  values: Record<string, string>;
  /** Which variable each value came from, for messages ("DbProvider (alias of DB_PROVIDER)"). */
  sources: Record<string, string>;
  problems: string[];
}

function shown(name: string, value: string): string {
  return SENSITIVE_VARIABLES.has(name) ? '***' : value;
}

function resolveAliases(env: RawEnv): Resolved {
  const values: Record<string, string> = {};
  const sources: Record<string, string> = {};
  const problems: string[] = [];
  for (const variable of ENV_VARIABLES) {
    const direct = env[variable.name];
    if (direct !== undefined && direct.trim() !== '') {
      values[variable.name] = direct.trim();
      sources[variable.name] = variable.name;
      continue;
    }
    for (const alias of variable.aliases ?? []) {
      const raw = env[alias.name];
      if (raw === undefined || raw.trim() === '') continue;
      const mapped = alias.mapValue ? alias.mapValue(raw) : raw.trim();
      if (mapped === undefined) {
        problems.push(
          `${alias.name} (alias of ${variable.name})='${shown(alias.name, raw)}': must be one of ` +
            `${(alias.allowed ?? []).join(', ')} (or set ${variable.name} to one of ${(variable.allowed ?? []).join(', ')})`,
        );
      } else {
        values[variable.name] = mapped;
        sources[variable.name] = `${alias.name} (alias of ${variable.name})`;
      }
      break;
    }
  }
  return { values, sources, problems };
}

function validateSchema(resolved: Resolved): EnvSchema {
  const schema = plainToInstance(EnvSchema, resolved.values, { exposeDefaultValues: true });
  for (const error of validateSync(schema, { whitelist: false })) {
    const source = resolved.sources[error.property] ?? error.property;
    const raw = resolved.values[error.property];
    const message = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    resolved.problems.push(`${source}='${shown(error.property, raw ?? '')}': ${message}`);
  }
  return schema;
}

function requireSetting(
  problems: string[],
  value: string | undefined,
  variable: string,
  because: string,
): value is string {
  if (value) return true;
  problems.push(`${variable} is required because ${because}`);
  return false;
}

function tryNormalize(problems: string[], variable: string, fn: () => string): string | null {
  try {
    return fn();
  } catch (err) {
    problems.push(`${variable}: cannot be parsed (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  }
  return value;
}

/**
 * Validate the environment once and build the typed, frozen configuration. Every problem is
 * collected (not just the first) and raised together as a ConfigError naming each variable.
 */
export function loadAppConfig(env: RawEnv, roles: readonly Role[], cwd = process.cwd()): AppConfig {
  const resolved = resolveAliases(env);
  const e = validateSchema(resolved);
  const problems = resolved.problems;
  const allInOne = isAllInOne(roles);
  const roleText = roles.join(',');

  // Combinations that cannot work, refused with the reason.
  if (!allInOne && e.MQ_PROVIDER === 'inprocess') {
    problems.push(
      `MQ_PROVIDER=inprocess only connects roles inside one process, but this process runs '${roleText}' ` +
        `(not all of api, evaluation, analytics): choose postgres, redis or kafka so the roles can reach each other`,
    );
  }
  if (e.MQ_PROVIDER === 'postgres' && e.DB_PROVIDER === 'mongodb' && !resolved.values.POSTGRES_URL) {
    problems.push('MQ_PROVIDER=postgres with DB_PROVIDER=mongodb needs POSTGRES_URL for the queue tables');
  }

  const dataDir = resolve(cwd, e.DATA_DIR);
  let postgres: AppConfig['database']['postgres'] = null;
  const needsPostgres =
    e.DB_PROVIDER === 'postgres' || (e.MQ_PROVIDER === 'postgres' && e.DB_PROVIDER !== 'pglite');
  if (
    needsPostgres &&
    requireSetting(
      problems,
      e.POSTGRES_URL,
      'POSTGRES_URL',
      `${e.DB_PROVIDER === 'postgres' ? 'DB_PROVIDER' : 'MQ_PROVIDER'}=postgres`,
    )
  ) {
    const url = tryNormalize(problems, resolved.sources.POSTGRES_URL ?? 'POSTGRES_URL', () =>
      normalizePostgresConnectionString(e.POSTGRES_URL!, e.POSTGRES_PASSWORD),
    );
    if (url) postgres = { url, poolSize: e.POSTGRES_POOL_SIZE };
  }

  let mongo: AppConfig['database']['mongo'] = null;
  if (
    e.DB_PROVIDER === 'mongodb' &&
    requireSetting(problems, e.MONGO_URL, 'MONGO_URL', 'DB_PROVIDER=mongodb')
  ) {
    if (!/^mongodb(\+srv)?:\/\//.test(e.MONGO_URL)) {
      problems.push(`${resolved.sources.MONGO_URL}: must start with mongodb:// or mongodb+srv://`);
    } else {
      mongo = { url: e.MONGO_URL, database: e.MONGO_DATABASE };
    }
  }

  let redisUrl: string | null = null;
  const redisUsers = [
    e.MQ_PROVIDER === 'redis' && 'MQ_PROVIDER=redis',
    e.CACHE_PROVIDER === 'redis' && 'CACHE_PROVIDER=redis',
  ].filter(Boolean) as string[];
  if (redisUsers.length > 0 && requireSetting(problems, e.REDIS_URL, 'REDIS_URL', redisUsers.join(' and '))) {
    redisUrl = tryNormalize(problems, resolved.sources.REDIS_URL ?? 'REDIS_URL', () =>
      normalizeRedisConnectionString(e.REDIS_URL!, e.REDIS_PASSWORD),
    );
  }

  let kafka: AppConfig['mq']['kafka'] = null;
  if (
    e.MQ_PROVIDER === 'kafka' &&
    requireSetting(problems, e.KAFKA_BROKERS, 'KAFKA_BROKERS', 'MQ_PROVIDER=kafka')
  ) {
    const brokers = e.KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const bad = brokers.filter((b) => !/^[^:\s]+:\d{1,5}$/.test(b));
    if (bad.length > 0)
      problems.push(`${resolved.sources.KAFKA_BROKERS}: '${bad.join(',')}' must be host:port entries`);
    else kafka = { brokers, clientId: e.KAFKA_CLIENT_ID };
  }

  let clickhouse: AppConfig['analytics']['clickhouse'] = null;
  if (
    e.ANALYTICS_PROVIDER === 'clickhouse' &&
    requireSetting(problems, e.CLICKHOUSE_URL, 'CLICKHOUSE_URL', 'ANALYTICS_PROVIDER=clickhouse')
  ) {
    clickhouse = {
      url: e.CLICKHOUSE_URL,
      database: e.CLICKHOUSE_DATABASE,
      user: e.CLICKHOUSE_USER,
      password: e.CLICKHOUSE_PASSWORD ?? '',
    };
  }

  for (const name of ['PUBLIC_API_URL', 'PUBLIC_EVALUATION_URL'] as const) {
    const value = e[name];
    if (value && !/^https?:\/\/[^\s]+$/.test(value))
      problems.push(`${resolved.sources[name]}='${value}': must be an http(s) URL`);
  }

  if (e.ADMIN_PASSWORD) {
    const weak = passwordProblem(e.ADMIN_PASSWORD);
    if (weak === 'too-short')
      problems.push(
        `${resolved.sources.ADMIN_PASSWORD ?? 'ADMIN_PASSWORD'}: must have at least ${MIN_PASSWORD_LENGTH} characters besides leading and trailing spaces`,
      );
    else if (weak === 'too-common')
      problems.push(
        `${resolved.sources.ADMIN_PASSWORD ?? 'ADMIN_PASSWORD'}: is a commonly used password; choose another`,
      );
  }

  // Replicas must share the key, and one kept in a server database signs sessions for anyone who
  // can read it: on PostgreSQL/MongoDB the key comes from the environment only.
  if (
    roles.includes('api') &&
    (e.DB_PROVIDER === 'postgres' || e.DB_PROVIDER === 'mongodb') &&
    !e.JWT_SECRET
  ) {
    problems.push(
      `JWT_SECRET (or its FeatBit name Jwt__Key) is required because the api role runs on DB_PROVIDER=${e.DB_PROVIDER}: ` +
        'every api replica must sign sessions with the same key, and it must not be kept in the database',
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const config: AppConfig = {
    roles: [...roles],
    server: {
      host: e.HOST,
      port: e.PORT ?? defaultPort(roles),
      dataDir,
      uiDir: e.UI_DIR === undefined ? DEFAULT_UI_DIR : resolve(cwd, e.UI_DIR),
      publicApiUrl: e.PUBLIC_API_URL?.replace(/\/+$/, '') ?? null,
      publicEvaluationUrl: e.PUBLIC_EVALUATION_URL?.replace(/\/+$/, '') ?? null,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      trustProxy: e.TRUST_PROXY === 'true',
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    },
    database: { provider: e.DB_PROVIDER, pglite: { dataDir: resolve(dataDir, 'pglite') }, postgres, mongo },
    mq: {
      provider: e.MQ_PROVIDER,
      postgresUrl: e.MQ_PROVIDER === 'postgres' ? (postgres?.url ?? null) : null,
      redisUrl: e.MQ_PROVIDER === 'redis' ? redisUrl : null,
      kafka,
    },
    cache: { provider: e.CACHE_PROVIDER, redisUrl: e.CACHE_PROVIDER === 'redis' ? redisUrl : null },
    analytics: {
      provider: e.ANALYTICS_PROVIDER,
      clickhouse,
      flushIntervalMs: e.INSIGHT_FLUSH_INTERVAL_MS,
      flushSize: e.INSIGHT_FLUSH_SIZE,
    },
    auth: {
      jwtSecret: e.JWT_SECRET ?? null,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      cookieSecure: e.COOKIE_SECURE,
      adminEmail: e.ADMIN_EMAIL,
      adminPassword: e.ADMIN_PASSWORD ?? null,
      loginMaxAttemptsPerAccount: e.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
      loginMaxAttemptsPerIp: e.LOGIN_MAX_ATTEMPTS_PER_IP,
    },
    evaluation: {
      tokenExpirySeconds: e.TOKEN_EXPIRY_SECONDS,
      missingAttribute: e.EVAL_MISSING_ATTRIBUTE,
      endUserDedupeSeconds: e.ENDUSER_DEDUPE_SECONDS,
      sdkRateLimitPerMinute: e.SDK_RATE_LIMIT_PER_MINUTE,
    },
    limits: {
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
      insightMaxItems: e.INSIGHT_MAX_ITEMS,
      wsMaxMessageBytes: e.WS_MAX_MESSAGE_BYTES,
      wsMaxBufferedBytes: e.WS_MAX_BUFFERED_BYTES,
      wsMaxConnectionsPerIp: e.WS_MAX_CONNECTIONS_PER_IP,
    },
    logging: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
  };
  return deepFreeze(config);
}

/** A log-safe summary: providers and where they point, with credentials masked. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    roles: config.roles,
    port: config.server.port,
    database: {
      provider: config.database.provider,
      target:
        config.database.provider === 'pglite'
          ? config.database.pglite.dataDir
          : config.database.provider === 'postgres'
            ? maskUrl(config.database.postgres!.url)
            : maskUrl(config.database.mongo!.url),
    },
    mq: {
      provider: config.mq.provider,
      target:
        config.mq.kafka?.brokers.join(',') ??
        ((config.mq.redisUrl ?? config.mq.postgresUrl)
          ? maskUrl((config.mq.redisUrl ?? config.mq.postgresUrl)!)
          : null),
    },
    cache: {
      provider: config.cache.provider,
      target: config.cache.redisUrl ? maskUrl(config.cache.redisUrl) : null,
    },
    analytics: {
      provider: config.analytics.provider,
      target: config.analytics.clickhouse ? maskUrl(config.analytics.clickhouse.url) : null,
    },
  };
}
