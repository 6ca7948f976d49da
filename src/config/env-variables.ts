// The section tables together, and the flat list of variables the docs (README table,
// .env.example; see config-docs.ts) and the error tests are derived from.

import { ANALYTICS_CONFIG } from './sections/analytics.config';
import { AUTH_CONFIG } from './sections/auth.config';
import { CACHE_CONFIG } from './sections/cache.config';
import { DATABASE_CONFIG } from './sections/database.config';
import { EDGE_CONFIG } from './sections/edge.config';
import { EVALUATION_CONFIG } from './sections/evaluation.config';
import { LIMITS_CONFIG } from './sections/limits.config';
import { LOGGING_CONFIG } from './sections/logging.config';
import { MESSAGING_CONFIG } from './sections/messaging.config';
import { SERVER_CONFIG } from './sections/server.config';
import { TRACING_CONFIG } from './sections/tracing.config';
import { WORKFLOW_CONFIG } from './sections/workflow.config';
import type { EnvSection, EnvTable, EnvVariable, EnvVariableSpec, SectionValues } from './env-variable.types';

export * from './env-variable.types';

/** Every configuration variable, one table per section, in documentation order. */
export const CONFIG_SECTIONS = {
  server: SERVER_CONFIG,
  database: DATABASE_CONFIG,
  messaging: MESSAGING_CONFIG,
  cache: CACHE_CONFIG,
  analytics: ANALYTICS_CONFIG,
  auth: AUTH_CONFIG,
  evaluation: EVALUATION_CONFIG,
  workflow: WORKFLOW_CONFIG,
  limits: LIMITS_CONFIG,
  logging: LOGGING_CONFIG,
  tracing: TRACING_CONFIG,
  edge: EDGE_CONFIG,
} satisfies Record<EnvSection, EnvTable>;

type ConfigSections = typeof CONFIG_SECTIONS;

/** The parsed value of every variable, by section and table key. */
export type EnvValues = { readonly [S in EnvSection]: SectionValues<ConfigSections[S]> };

function exampleValue(spec: EnvVariableSpec<unknown>): string {
  const value = spec.default;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return Array.isArray(value) ? value.join(',') : '';
}

export const ENV_VARIABLES: readonly EnvVariable[] = Object.entries(CONFIG_SECTIONS).flatMap(
  ([section, table]) =>
    Object.values(table as EnvTable).map((spec) => {
      const example = spec.defaultText === undefined ? exampleValue(spec) : '';
      return {
        name: spec.name,
        section: section as EnvSection,
        description: spec.description,
        defaultText: spec.defaultText ?? example,
        exampleValue: example,
        sensitive: spec.secret ?? false,
        aliases: spec.aliases ?? [],
        allowed: spec.parser.allowed,
      };
    }),
);

export const SENSITIVE_VARIABLES: ReadonlySet<string> = new Set(
  ENV_VARIABLES.filter((v) => v.sensitive).flatMap((v) => [v.name, ...v.aliases.map((a) => a.name)]),
);
