import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import {
  ANALYTICS_PROVIDERS,
  CACHE_PROVIDERS,
  COOKIE_SECURE_MODES,
  DB_PROVIDERS,
  LOG_FORMATS,
  LOG_LEVELS,
  MISSING_ATTRIBUTE_MODES,
  MQ_PROVIDERS,
  type AnalyticsProvider,
  type CacheProvider,
  type DbProvider,
  type MqProvider,
} from './env-variables';

const oneOf = (values: readonly string[]) =>
  IsIn(values as string[], { message: `must be one of ${values.join(', ')}` });
const int = (min: number, max: number) => [
  Type(() => Number),
  IsInt({ message: `must be an integer between ${min} and ${max}` }),
  Min(min, { message: `must be an integer between ${min} and ${max}` }),
  Max(max, { message: `must be an integer between ${min} and ${max}` }),
];
const Int =
  (min: number, max: number): PropertyDecorator =>
  (target, key) => {
    for (const d of int(min, max)) d(target, key);
  };

/** Raw variables after alias resolution, validated once with class-validator. */
export class EnvSchema {
  @IsOptional() @Int(1, 65535) PORT?: number;
  @IsString() HOST = '0.0.0.0';
  @IsString() DATA_DIR = './data';
  @IsOptional() @IsString() UI_DIR?: string;
  @IsOptional() @IsString() PUBLIC_API_URL?: string;
  @IsOptional() @IsString() PUBLIC_EVALUATION_URL?: string;
  @IsString() CORS_ORIGINS = '*';
  @oneOf(['true', 'false']) TRUST_PROXY = 'false';
  @Int(0, 600_000) SHUTDOWN_GRACE_MS = 10_000;

  @oneOf(DB_PROVIDERS) DB_PROVIDER: DbProvider = 'pglite';
  @IsOptional() @IsString() POSTGRES_URL?: string;
  @IsOptional() @IsString() POSTGRES_PASSWORD?: string;
  @Int(1, 1000) POSTGRES_POOL_SIZE = 10;
  @IsOptional() @IsString() MONGO_URL?: string;
  @IsString() MONGO_DATABASE = 'featbit';

  @oneOf(MQ_PROVIDERS) MQ_PROVIDER: MqProvider = 'inprocess';
  @IsOptional() @IsString() REDIS_URL?: string;
  @IsOptional() @IsString() REDIS_PASSWORD?: string;
  @IsOptional() @IsString() KAFKA_BROKERS?: string;
  @IsString() KAFKA_CLIENT_ID = 'featbit-ts';

  @oneOf(CACHE_PROVIDERS) CACHE_PROVIDER: CacheProvider = 'none';

  @oneOf(ANALYTICS_PROVIDERS) ANALYTICS_PROVIDER: AnalyticsProvider = 'primary';
  @IsOptional() @IsString() CLICKHOUSE_URL?: string;
  @IsString() CLICKHOUSE_DATABASE = 'featbit';
  @IsString() CLICKHOUSE_USER = 'default';
  @IsOptional() @IsString() CLICKHOUSE_PASSWORD?: string;
  @Int(50, 60_000) INSIGHT_FLUSH_INTERVAL_MS = 1000;
  @Int(1, 1_000_000) INSIGHT_FLUSH_SIZE = 5000;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET?: string;
  @IsString() JWT_ISSUER = 'featbit';
  @IsString() JWT_AUDIENCE = 'featbit-api';
  @Int(30, 86_400) ACCESS_TOKEN_TTL_SECONDS = 900;
  @Int(1, 365) REFRESH_TOKEN_TTL_DAYS = 30;
  @oneOf(COOKIE_SECURE_MODES) COOKIE_SECURE: (typeof COOKIE_SECURE_MODES)[number] = 'auto';
  @IsString() ADMIN_EMAIL = 'admin@featbit.local';
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters long' })
  ADMIN_PASSWORD?: string;
  @Int(1, 100_000) LOGIN_MAX_ATTEMPTS_PER_ACCOUNT = 10;
  @Int(1, 1_000_000) LOGIN_MAX_ATTEMPTS_PER_IP = 100;

  @Int(1, 86_400) TOKEN_EXPIRY_SECONDS = 30;
  @oneOf(MISSING_ATTRIBUTE_MODES) EVAL_MISSING_ATTRIBUTE: (typeof MISSING_ATTRIBUTE_MODES)[number] =
    'empty-string';
  @Int(0, 86_400) ENDUSER_DEDUPE_SECONDS = 180;
  @Int(0, 100_000_000) SDK_RATE_LIMIT_PER_MINUTE = 0;

  @Int(1024, 1_073_741_824) BODY_LIMIT_BYTES = 1_048_576;
  @Int(1024, 10_737_418_240) UPLOAD_LIMIT_BYTES = 524_288_000;
  @Int(1, 1_000_000) INSIGHT_MAX_ITEMS = 1000;
  @Int(256, 67_108_864) WS_MAX_MESSAGE_BYTES = 65_536;
  @Int(65_536, 4_294_967_296) WS_MAX_BUFFERED_BYTES = 33_554_432;
  @Int(0, 100_000_000) WS_MAX_CONNECTIONS_PER_IP = 1000;

  @oneOf(LOG_LEVELS) LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
  @oneOf(LOG_FORMATS) LOG_FORMAT: (typeof LOG_FORMATS)[number] = 'json';
}
