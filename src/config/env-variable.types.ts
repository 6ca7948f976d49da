// Provider names, allowed values and the shape of one documented configuration variable.

export const DB_PROVIDERS = ['pglite', 'postgres', 'mongodb'] as const;
export const MQ_PROVIDERS = ['inprocess', 'postgres', 'redis', 'kafka'] as const;
export const CACHE_PROVIDERS = ['none', 'redis'] as const;
export const ANALYTICS_PROVIDERS = ['primary', 'clickhouse'] as const;
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;
export const MISSING_ATTRIBUTE_MODES = ['empty-string', 'no-match'] as const;
export const COOKIE_SECURE_MODES = ['auto', 'true', 'false'] as const;

export type DbProvider = (typeof DB_PROVIDERS)[number];
export type MqProvider = (typeof MQ_PROVIDERS)[number];
export type CacheProvider = (typeof CACHE_PROVIDERS)[number];
export type AnalyticsProvider = (typeof ANALYTICS_PROVIDERS)[number];

export type EnvSection =
  'server' | 'database' | 'messaging' | 'cache' | 'analytics' | 'auth' | 'evaluation' | 'limits' | 'logging';

export interface EnvAlias {
  name: string;
  /** FeatBit spells values differently (`Postgres`, `None`): map them, or return undefined if unknown. */
  mapValue?: (raw: string) => string | undefined;
  /** Values FeatBit accepts for this alias (for error messages). */
  allowed?: readonly string[];
}

export interface EnvVariable {
  name: string;
  section: EnvSection;
  description: string;
  /** Shown in docs; the typed default lives in the schema. */
  defaultText: string;
  sensitive?: boolean;
  aliases?: EnvAlias[];
  allowed?: readonly string[];
}
