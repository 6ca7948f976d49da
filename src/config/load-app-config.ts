import { resolve } from 'node:path';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../core/iam/password-policy';
import { isAllInOne, isEdge, type Role } from '../roles/role';
import { TOPICS } from '../core/ports/message-bus.port';
import { type AppConfig, ConfigError, type EdgeConfig } from './app-config';
import {
  maskUrl,
  normalizePostgresConnectionString,
  normalizeRedisConnectionString,
} from './connection-strings';
import { readEnv } from './read-env';
import { tracingConfig } from './tracing-config';

type RawEnv = Readonly<Record<string, string | undefined>>;

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
 * Variables are declared in the section tables (src/config/sections/); this function holds only
 * what spans variables: provider unions, required connections and refused combinations.
 */
export function loadAppConfig(env: RawEnv, roles: readonly Role[], cwd = process.cwd()): AppConfig {
  const { values, sources, isSet, problems } = readEnv(env, { cwd, roles });
  const { database: db, messaging: mq, cache, analytics } = values;
  const allInOne = isAllInOne(roles);
  const roleText = roles.join(',');

  // The edge role keeps its own replica and in-process bus (src/infrastructure/edge/): no database,
  // queue or cache is read, only its upstream.
  const edge = isEdge(roles);
  let edgeConfig: EdgeConfig | null = null;
  if (edge) {
    const { upstreamUrl, relayKey, dataDir, insightBufferBytes } = values.edge;
    const upstreamOk = requireSetting(
      problems,
      upstreamUrl ?? undefined,
      'EDGE_UPSTREAM_URL',
      'the edge role relays it (or give --upstream)',
    );
    const keyOk = requireSetting(
      problems,
      relayKey ?? undefined,
      'EDGE_RELAY_KEY',
      'the edge role authenticates with it (or give --relay-key)',
    );
    if (upstreamOk && keyOk && upstreamUrl !== null && relayKey !== null)
      edgeConfig = {
        upstreamUrl,
        relayKey,
        dataDir: dataDir ?? resolve(values.server.dataDir, 'edge'),
        insightBufferBytes,
      };
  }

  // Combinations that cannot work, refused with the reason.
  if (!allInOne && !edge && mq.provider === 'inprocess') {
    problems.push(
      `MQ_PROVIDER=inprocess only connects roles inside one process, but this process runs '${roleText}' ` +
        `(not all of api, evaluation, analytics): choose postgres, redis or kafka so the roles can reach each other`,
    );
  }
  if (mq.provider === 'postgres' && db.provider === 'mongodb' && !isSet('POSTGRES_URL')) {
    problems.push('MQ_PROVIDER=postgres with DB_PROVIDER=mongodb needs POSTGRES_URL for the queue tables');
  }

  let postgres: { url: string; poolSize: number } | null = null;
  const needsPostgres =
    db.provider === 'postgres' || (mq.provider === 'postgres' && db.provider !== 'pglite');
  if (
    needsPostgres &&
    requireSetting(
      problems,
      db.postgresUrl,
      'POSTGRES_URL',
      `${db.provider === 'postgres' ? 'DB_PROVIDER' : 'MQ_PROVIDER'}=postgres`,
    )
  ) {
    const postgresUrl = db.postgresUrl;
    const url = tryNormalize(problems, sources.POSTGRES_URL ?? 'POSTGRES_URL', () =>
      normalizePostgresConnectionString(postgresUrl, db.postgresPassword),
    );
    if (url) postgres = { url, poolSize: db.postgresPoolSize };
  }

  let mongo: { url: string; database: string } | null = null;
  if (
    db.provider === 'mongodb' &&
    requireSetting(problems, db.mongoUrl, 'MONGO_URL', 'DB_PROVIDER=mongodb')
  ) {
    if (!/^mongodb(\+srv)?:\/\//.test(db.mongoUrl)) {
      problems.push(`${sources.MONGO_URL}: must start with mongodb:// or mongodb+srv://`);
    } else {
      mongo = { url: db.mongoUrl, database: db.mongoDatabase };
    }
  }

  let redisUrl: string | null = null;
  const redisUsers = [
    mq.provider === 'redis' && 'MQ_PROVIDER=redis',
    cache.provider === 'redis' && 'CACHE_PROVIDER=redis',
  ].filter(Boolean) as string[];
  if (redisUsers.length > 0 && requireSetting(problems, mq.redisUrl, 'REDIS_URL', redisUsers.join(' and '))) {
    const raw = mq.redisUrl;
    redisUrl = tryNormalize(problems, sources.REDIS_URL ?? 'REDIS_URL', () =>
      normalizeRedisConnectionString(raw, mq.redisPassword),
    );
  }

  let kafka: { brokers: string[]; clientId: string } | null = null;
  if (
    mq.provider === 'kafka' &&
    requireSetting(problems, mq.kafkaBrokers, 'KAFKA_BROKERS', 'MQ_PROVIDER=kafka')
  ) {
    const brokers = mq.kafkaBrokers
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const bad = brokers.filter((b) => !/^[^:\s]+:\d{1,5}$/.test(b));
    if (bad.length > 0)
      problems.push(`${sources.KAFKA_BROKERS}: '${bad.join(',')}' must be host:port entries`);
    else kafka = { brokers, clientId: mq.kafkaClientId };
  }

  let clickhouse: NonNullable<AppConfig['analytics']['clickhouse']> | null = null;
  if (
    analytics.clickhouseIngest === 'kafka' &&
    (analytics.provider !== 'clickhouse' || mq.provider !== 'kafka')
  ) {
    problems.push(
      `${sources.ANALYTICS_CLICKHOUSE_INGEST ?? 'ANALYTICS_CLICKHOUSE_INGEST'}=kafka needs ANALYTICS_PROVIDER=clickhouse and MQ_PROVIDER=kafka (ClickHouse reads the insights topic from the Kafka brokers)`,
    );
  }
  if (
    analytics.provider === 'clickhouse' &&
    requireSetting(problems, analytics.clickhouseUrl, 'CLICKHOUSE_URL', 'ANALYTICS_PROVIDER=clickhouse')
  ) {
    clickhouse = {
      url: analytics.clickhouseUrl,
      database: analytics.clickhouseDatabase,
      user: analytics.clickhouseUser,
      password: analytics.clickhousePassword,
      retentionDays: analytics.retentionDays,
      ingest:
        analytics.clickhouseIngest === 'kafka' && kafka
          ? {
              mode: 'kafka',
              brokers: kafka.brokers,
              topic: TOPICS.insights,
              group: `${kafka.clientId}-clickhouse-insights`,
            }
          : { mode: 'role' },
    };
  }

  const adminPassword = values.auth.adminPassword;
  if (adminPassword) {
    const weak = passwordProblem(adminPassword);
    if (weak === 'too-short')
      problems.push(
        `${sources.ADMIN_PASSWORD ?? 'ADMIN_PASSWORD'}: must have at least ${MIN_PASSWORD_LENGTH} characters besides leading and trailing spaces`,
      );
    else if (weak === 'too-common')
      problems.push(
        `${sources.ADMIN_PASSWORD ?? 'ADMIN_PASSWORD'}: is a commonly used password; choose another`,
      );
  }

  // Replicas must share the key, and one kept in a server database signs sessions for anyone who
  // can read it: on PostgreSQL/MongoDB the key comes from the environment only.
  if (
    roles.includes('api') &&
    (db.provider === 'postgres' || db.provider === 'mongodb') &&
    !values.auth.jwtSecret
  ) {
    problems.push(
      `JWT_SECRET (or its FeatBit name Jwt__Key) is required because the api role runs on DB_PROVIDER=${db.provider}: ` +
        'every api replica must sign sessions with the same key, and it must not be kept in the database',
    );
  }

  const tracing = tracingConfig(values.tracing, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  // No problem: every connection its provider needs was built above.
  const built = <T>(value: T | null): T => value as T;

  const { roles: _readByMain, ...server } = values.server;
  const pglite = { dataDir: resolve(server.dataDir, 'pglite') };
  const nulls = { postgres: null, mongo: null };
  const mqNulls = { postgresUrl: null, redisUrl: null, kafka: null };
  const config: AppConfig = {
    roles: [...roles],
    server,
    database:
      db.provider === 'postgres'
        ? { provider: 'postgres', pglite, ...nulls, postgres: built(postgres) }
        : db.provider === 'mongodb'
          ? { provider: 'mongodb', pglite, ...nulls, mongo: built(mongo) }
          : { provider: 'pglite', pglite, ...nulls },
    mq: edge
      ? { provider: 'inprocess', ...mqNulls }
      : mq.provider === 'postgres'
        ? { provider: 'postgres', ...mqNulls, postgresUrl: postgres?.url ?? null }
        : mq.provider === 'redis'
          ? { provider: 'redis', ...mqNulls, redisUrl: built(redisUrl) }
          : mq.provider === 'kafka'
            ? { provider: 'kafka', ...mqNulls, kafka: built(kafka) }
            : { provider: 'inprocess', ...mqNulls },
    cache:
      cache.provider === 'redis'
        ? { provider: 'redis', redisUrl: built(redisUrl) }
        : { provider: 'none', redisUrl: null },
    analytics: {
      flushIntervalMs: analytics.flushIntervalMs,
      flushSize: analytics.flushSize,
      retentionDays: analytics.retentionDays,
      guardrailCheckSeconds: analytics.guardrailCheckSeconds,
      ...(analytics.provider === 'clickhouse'
        ? { provider: 'clickhouse', clickhouse: built(clickhouse) }
        : { provider: 'primary', clickhouse: null }),
    },
    auth: values.auth,
    evaluation: values.evaluation,
    workflow: values.workflow,
    limits: values.limits,
    logging: values.logging,
    tracing,
    edge: edgeConfig,
  };
  return deepFreeze(config);
}

function target(url: string | null): string | null {
  return url === null ? null : maskUrl(url);
}

/** A log-safe summary: providers and where they point, with credentials masked. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  const { database, mq, cache, analytics } = config;
  if (config.edge !== null) {
    return {
      roles: config.roles,
      port: config.server.port,
      edge: { upstream: maskUrl(config.edge.upstreamUrl), dataDir: config.edge.dataDir },
    };
  }
  return {
    roles: config.roles,
    port: config.server.port,
    database: {
      provider: database.provider,
      target:
        database.provider === 'pglite'
          ? database.pglite.dataDir
          : maskUrl(database.provider === 'postgres' ? database.postgres.url : database.mongo.url),
    },
    mq: {
      provider: mq.provider,
      target: mq.kafka?.brokers.join(',') ?? target(mq.redisUrl ?? mq.postgresUrl),
    },
    cache: { provider: cache.provider, target: target(cache.redisUrl) },
    analytics: { provider: analytics.provider, target: target(analytics.clickhouse?.url ?? null) },
  };
}
