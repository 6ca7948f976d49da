// Every configuration variable, its FeatBit aliases, default and meaning. The README table and
// .env.example are kept in step with this list by test/unit/config-docs.spec.ts.

import {
  DB_PROVIDERS,
  MQ_PROVIDERS,
  CACHE_PROVIDERS,
  ANALYTICS_PROVIDERS,
  LOG_LEVELS,
  LOG_FORMATS,
  MISSING_ATTRIBUTE_MODES,
  COOKIE_SECURE_MODES,
  type EnvVariable,
} from './env-variable.types';

export * from './env-variable.types';

const caseInsensitive =
  (table: Record<string, string>) =>
  (raw: string): string | undefined =>
    table[raw.trim().toLowerCase()];

export const ENV_VARIABLES: readonly EnvVariable[] = [
  // server
  {
    name: 'ROLES',
    section: 'server',
    description: 'Roles to run when --role is not given: all, api, evaluation, analytics or a comma list',
    defaultText: 'all',
  },
  {
    name: 'PORT',
    section: 'server',
    description: 'HTTP port of this process',
    defaultText: '5000 (all, api), 5100 (evaluation), 5200 (analytics)',
  },
  { name: 'HOST', section: 'server', description: 'Interface to listen on', defaultText: '0.0.0.0' },
  {
    name: 'DATA_DIR',
    section: 'server',
    description: 'Directory of the embedded database (PGlite) and other local state',
    defaultText: './data',
  },
  {
    name: 'UI_DIR',
    section: 'server',
    description:
      'Built admin console served at / by the api role (a relative value resolves against the working directory)',
    defaultText: 'apps/admin-ui/dist/admin-ui/browser inside the installation',
  },
  {
    name: 'PUBLIC_API_URL',
    section: 'server',
    description: 'Management API URL shown in the console',
    defaultText: 'the request origin',
    aliases: [{ name: 'DISPLAY_API_URL' }],
  },
  {
    name: 'PUBLIC_EVALUATION_URL',
    section: 'server',
    description: 'Evaluation server URL shown to SDK users in the console',
    defaultText: 'the request origin',
    aliases: [{ name: 'DISPLAY_EVALUATION_URL' }],
  },
  {
    name: 'CORS_ORIGINS',
    section: 'server',
    description: 'Allowed browser origins (comma list) for SDK and API routes',
    defaultText: '*',
    aliases: [{ name: 'Cors__AllowedOrigins' }],
  },
  {
    name: 'TRUST_PROXY',
    section: 'server',
    description: 'Trust X-Forwarded-* headers (behind a reverse proxy)',
    defaultText: 'false',
    allowed: ['true', 'false'],
  },
  {
    name: 'SHUTDOWN_GRACE_MS',
    section: 'server',
    description: 'Time allowed to drain requests and connections on SIGTERM',
    defaultText: '10000',
  },
  // database
  {
    name: 'DB_PROVIDER',
    section: 'database',
    description: 'Primary database',
    defaultText: 'pglite',
    allowed: DB_PROVIDERS,
    aliases: [
      {
        name: 'DbProvider',
        allowed: ['Postgres', 'MongoDb'],
        mapValue: caseInsensitive({ postgres: 'postgres', mongodb: 'mongodb' }),
      },
    ],
  },
  {
    name: 'POSTGRES_URL',
    section: 'database',
    description: 'PostgreSQL connection (URL or Npgsql key=value string)',
    defaultText: '-',
    sensitive: true,
    aliases: [{ name: 'Postgres__ConnectionString' }, { name: 'DATABASE_URL' }],
  },
  {
    name: 'POSTGRES_PASSWORD',
    section: 'database',
    description: 'Overrides the password in POSTGRES_URL',
    defaultText: '-',
    sensitive: true,
    aliases: [{ name: 'Postgres__Password' }],
  },
  {
    name: 'POSTGRES_POOL_SIZE',
    section: 'database',
    description: 'Connections per process',
    defaultText: '10',
  },
  {
    name: 'MONGO_URL',
    section: 'database',
    description: 'MongoDB connection string',
    defaultText: '-',
    sensitive: true,
    aliases: [{ name: 'MongoDb__ConnectionString' }],
  },
  {
    name: 'MONGO_DATABASE',
    section: 'database',
    description: 'MongoDB database name',
    defaultText: 'featbit',
    aliases: [{ name: 'MongoDb__Database' }],
  },
  // messaging
  {
    name: 'MQ_PROVIDER',
    section: 'messaging',
    description: 'Message queue between roles',
    defaultText: 'inprocess',
    allowed: MQ_PROVIDERS,
    aliases: [
      {
        name: 'MqProvider',
        allowed: ['Postgres', 'Redis', 'Kafka', 'None'],
        mapValue: caseInsensitive({
          postgres: 'postgres',
          redis: 'redis',
          kafka: 'kafka',
          none: 'inprocess',
        }),
      },
    ],
  },
  {
    name: 'REDIS_URL',
    section: 'messaging',
    description: 'Redis connection (URL or StackExchange string), for MQ_PROVIDER or CACHE_PROVIDER redis',
    defaultText: '-',
    sensitive: true,
    aliases: [{ name: 'Redis__ConnectionString' }],
  },
  {
    name: 'REDIS_PASSWORD',
    section: 'messaging',
    description: 'Overrides the password in REDIS_URL',
    defaultText: '-',
    sensitive: true,
    aliases: [{ name: 'Redis__Password' }],
  },
  {
    name: 'KAFKA_BROKERS',
    section: 'messaging',
    description: 'Kafka bootstrap servers (comma list)',
    defaultText: '-',
    aliases: [{ name: 'Kafka__Producer__bootstrap.servers' }, { name: 'Kafka__Consumer__bootstrap.servers' }],
  },
  {
    name: 'KAFKA_CLIENT_ID',
    section: 'messaging',
    description: 'Kafka client id prefix',
    defaultText: 'featbit-ts',
  },
  // cache
  {
    name: 'CACHE_PROVIDER',
    section: 'cache',
    description: 'Shared cache of flags, segments and secrets',
    defaultText: 'none',
    allowed: CACHE_PROVIDERS,
    aliases: [
      {
        name: 'CacheProvider',
        allowed: ['None', 'Redis'],
        mapValue: caseInsensitive({ none: 'none', redis: 'redis' }),
      },
    ],
  },
  // analytics
  {
    name: 'ANALYTICS_PROVIDER',
    section: 'analytics',
    description: 'Where insight events are stored',
    defaultText: 'primary',
    allowed: ANALYTICS_PROVIDERS,
  },
  {
    name: 'CLICKHOUSE_URL',
    section: 'analytics',
    description: 'ClickHouse HTTP URL',
    defaultText: '-',
    sensitive: true,
  },
  {
    name: 'CLICKHOUSE_DATABASE',
    section: 'analytics',
    description: 'ClickHouse database',
    defaultText: 'featbit',
  },
  { name: 'CLICKHOUSE_USER', section: 'analytics', description: 'ClickHouse user', defaultText: 'default' },
  {
    name: 'CLICKHOUSE_PASSWORD',
    section: 'analytics',
    description: 'ClickHouse password',
    defaultText: '-',
    sensitive: true,
  },
  {
    name: 'INSIGHT_FLUSH_INTERVAL_MS',
    section: 'analytics',
    description: 'Insight batch writer flush interval',
    defaultText: '1000',
  },
  {
    name: 'INSIGHT_FLUSH_SIZE',
    section: 'analytics',
    description: 'Insight batch writer flushes early at this many events',
    defaultText: '5000',
  },
  // auth
  {
    name: 'JWT_SECRET',
    section: 'auth',
    description:
      'HS256 key for console sessions (≥ 32 chars), the same on every api replica; required for the api role on PostgreSQL/MongoDB; when unset on the embedded database, generated into DATA_DIR/jwt-secret (mode 0600)',
    defaultText: 'generated (embedded database only)',
    sensitive: true,
    aliases: [{ name: 'Jwt__Key' }],
  },
  {
    name: 'JWT_ISSUER',
    section: 'auth',
    description: 'JWT issuer',
    defaultText: 'featbit',
    aliases: [{ name: 'Jwt__Issuer' }],
  },
  {
    name: 'JWT_AUDIENCE',
    section: 'auth',
    description: 'JWT audience',
    defaultText: 'featbit-api',
    aliases: [{ name: 'Jwt__Audience' }],
  },
  {
    name: 'ACCESS_TOKEN_TTL_SECONDS',
    section: 'auth',
    description: 'Lifetime of a console access token',
    defaultText: '900',
  },
  {
    name: 'REFRESH_TOKEN_TTL_DAYS',
    section: 'auth',
    description: 'Lifetime of a refresh token (rotated on every use)',
    defaultText: '30',
  },
  {
    name: 'COOKIE_SECURE',
    section: 'auth',
    description: 'Secure flag of the refresh cookie: auto follows the request scheme',
    defaultText: 'auto',
    allowed: COOKIE_SECURE_MODES,
  },
  {
    name: 'ADMIN_EMAIL',
    section: 'auth',
    description: 'E-mail of the first admin account created at first boot',
    defaultText: 'admin@featbit.local',
  },
  {
    name: 'ADMIN_PASSWORD',
    section: 'auth',
    description:
      'Password of the first admin; when unset a random one is written to DATA_DIR/initial-admin-password (mode 0600)',
    defaultText: 'random',
    sensitive: true,
  },
  {
    name: 'LOGIN_MAX_ATTEMPTS_PER_ACCOUNT',
    section: 'auth',
    description: 'Failed logins allowed per account per 15 minutes',
    defaultText: '10',
  },
  {
    name: 'LOGIN_MAX_ATTEMPTS_PER_IP',
    section: 'auth',
    description: 'Login attempts allowed per client address per 15 minutes',
    defaultText: '100',
  },
  // evaluation
  {
    name: 'TOKEN_EXPIRY_SECONDS',
    section: 'evaluation',
    description: 'Accepted clock skew of streaming tokens',
    defaultText: '30',
    aliases: [{ name: 'Streaming__TokenExpirySeconds' }],
  },
  {
    name: 'EVAL_MISSING_ATTRIBUTE',
    section: 'evaluation',
    description: "A missing user attribute is '' (FeatBit server) or fails every condition (draft spec)",
    defaultText: 'empty-string',
    allowed: MISSING_ATTRIBUTE_MODES,
  },
  {
    name: 'ENDUSER_DEDUPE_SECONDS',
    section: 'evaluation',
    description: 'An end user seen again within this window is not re-published',
    defaultText: '180',
  },
  {
    name: 'SDK_RATE_LIMIT_PER_MINUTE',
    section: 'evaluation',
    description: 'REST requests allowed per SDK secret per minute (0 = off)',
    defaultText: '0',
  },
  // limits
  {
    name: 'BODY_LIMIT_BYTES',
    section: 'limits',
    description: 'Largest accepted JSON request body',
    defaultText: '1048576',
  },
  {
    name: 'UPLOAD_LIMIT_BYTES',
    section: 'limits',
    description: 'Largest end-user import file',
    defaultText: '524288000',
  },
  {
    name: 'INSIGHT_MAX_ITEMS',
    section: 'limits',
    description: 'Most items in one insight/track request',
    defaultText: '1000',
  },
  {
    name: 'WS_MAX_MESSAGE_BYTES',
    section: 'limits',
    description: 'Largest WebSocket message accepted from an SDK',
    defaultText: '65536',
  },
  {
    name: 'WS_MAX_CONNECTIONS_PER_IP',
    section: 'limits',
    description:
      'Open /streaming connections allowed per client address; more are refused with 429 (0 = off)',
    defaultText: '1000',
  },
  {
    name: 'WS_MAX_BUFFERED_BYTES',
    section: 'limits',
    description: 'A connection whose unsent data exceeds this is closed',
    defaultText: '33554432',
  },
  // logging
  {
    name: 'LOG_LEVEL',
    section: 'logging',
    description: 'Minimum log level',
    defaultText: 'info',
    allowed: LOG_LEVELS,
  },
  {
    name: 'LOG_FORMAT',
    section: 'logging',
    description: 'json (one object per line) or pretty',
    defaultText: 'json',
    allowed: LOG_FORMATS,
  },
];

export const SENSITIVE_VARIABLES: ReadonlySet<string> = new Set(
  ENV_VARIABLES.filter((v) => v.sensitive).flatMap((v) => [v.name, ...(v.aliases ?? []).map((a) => a.name)]),
);
