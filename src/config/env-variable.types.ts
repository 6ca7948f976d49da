// Provider names, allowed values and the shape of one configuration variable in a section table.

import type { Role } from '../roles/role';

export const DB_PROVIDERS = ['pglite', 'postgres', 'mongodb'] as const;
export const MQ_PROVIDERS = ['inprocess', 'postgres', 'redis', 'kafka'] as const;
export const CACHE_PROVIDERS = ['none', 'redis'] as const;
export const ANALYTICS_PROVIDERS = ['primary', 'clickhouse'] as const;
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;
export const MISSING_ATTRIBUTE_MODES = ['empty-string', 'no-match'] as const;
export const COOKIE_SECURE_MODES = ['auto', 'true', 'false'] as const;

export type EnvSection =
  | 'server'
  | 'database'
  | 'messaging'
  | 'cache'
  | 'analytics'
  | 'auth'
  | 'evaluation'
  | 'workflow'
  | 'limits'
  | 'logging'
  | 'tracing'
  | 'edge';

export interface EnvAlias {
  name: string;
  /** FeatBit spells values differently (`Postgres`, `None`): map them, or return undefined if unknown. */
  mapValue?: (raw: string) => string | undefined;
  /** Values FeatBit accepts for this alias (for error messages). */
  allowed?: readonly string[];
}

/** What a value may depend on besides itself: relative paths and role-dependent defaults. */
export interface EnvContext {
  cwd: string;
  roles: readonly Role[];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface EnvParser<T> {
  parse(raw: string, context: EnvContext): ParseResult<T>;
  /** The closed value set, for docs and error messages. */
  allowed?: readonly string[];
}

/** One configuration variable: the single place it is declared. */
export interface EnvVariableSpec<T> {
  /** Environment variable name. */
  name: string;
  description: string;
  parser: EnvParser<T>;
  /** Typed default (a function when it depends on the roles or the working directory). */
  default: T | ((context: EnvContext) => T);
  /** Default as the docs show it, when the typed default does not say it well (or is computed). */
  defaultText?: string;
  /** Masked in logs and error messages. */
  secret?: boolean;
  aliases?: readonly EnvAlias[];
}

/**
 * A section table: AppConfig field (or, in provider sections, input name) → variable. The value
 * type is the parser's, widened by the default (`null` when unset).
 */
export type EnvTable = Readonly<Record<string, EnvVariableSpec<unknown>>>;

type Declared<T> = Omit<EnvVariableSpec<T>, 'default'>;

/** Declare one variable; the value type is the parser's, plus null or undefined when that is the default. */
export function variable<T>(
  spec: Declared<T> & { default: NoInfer<T> | ((context: EnvContext) => NoInfer<T>) },
): EnvVariableSpec<T>;
export function variable<T>(spec: Declared<T> & { default: null }): EnvVariableSpec<T | null>;
export function variable<T>(spec: Declared<T> & { default: undefined }): EnvVariableSpec<T | undefined>;
export function variable<T>(spec: EnvVariableSpec<T>): EnvVariableSpec<T> {
  return spec;
}

type ValueOf<V> = V extends EnvVariableSpec<infer T> ? T : never;

/** The parsed values of one section table, keyed like the table. */
export type SectionValues<S extends EnvTable> = { readonly [K in keyof S]: ValueOf<S[K]> };

/** One variable as the docs list it (README table, .env.example, error tests). */
export interface EnvVariable {
  name: string;
  section: EnvSection;
  description: string;
  defaultText: string;
  /** The typed default as an .env value ('' when there is none or it is computed). */
  exampleValue: string;
  sensitive: boolean;
  aliases: readonly EnvAlias[];
  allowed?: readonly string[];
}
