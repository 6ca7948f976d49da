import {
  CONFIG_SECTIONS,
  SENSITIVE_VARIABLES,
  type EnvContext,
  type EnvTable,
  type EnvValues,
  type EnvVariableSpec,
} from './env-variables';

type RawEnv = Readonly<Record<string, string | undefined>>;

export interface ReadEnv {
  values: EnvValues;
  /** Which variable each value came from, for messages ("DbProvider (alias of DB_PROVIDER)"). */
  sources: Record<string, string>;
  /** Whether the variable (canonical name) was set, directly or through an alias. */
  isSet: (name: string) => boolean;
  problems: string[];
}

function shown(name: string, value: string): string {
  return SENSITIVE_VARIABLES.has(name) ? '***' : value;
}

/** The variable's raw value and where it came from, FeatBit aliases after the canonical name. */
function lookUp(
  env: RawEnv,
  spec: EnvVariableSpec<unknown>,
  aliasProblems: string[],
): { raw: string; source: string } | null {
  const direct = env[spec.name];
  if (direct !== undefined && direct.trim() !== '') return { raw: direct.trim(), source: spec.name };
  for (const alias of spec.aliases ?? []) {
    const raw = env[alias.name];
    if (raw === undefined || raw.trim() === '') continue;
    const mapped = alias.mapValue ? alias.mapValue(raw) : raw.trim();
    if (mapped !== undefined) return { raw: mapped, source: `${alias.name} (alias of ${spec.name})` };
    aliasProblems.push(
      `${alias.name} (alias of ${spec.name})='${shown(alias.name, raw)}': must be one of ` +
        `${(alias.allowed ?? []).join(', ')} (or set ${spec.name} to one of ${(spec.parser.allowed ?? []).join(', ')})`,
    );
    return null;
  }
  return null;
}

/**
 * Resolve aliases, parse and default every variable of every section table. A value that fails
 * is reported and kept raw, so no check that compares it with a known value fires on it too
 * (the caller throws when there are problems).
 */
export function readEnv(env: RawEnv, context: EnvContext): ReadEnv {
  const aliasProblems: string[] = [];
  const valueProblems: string[] = [];
  const sources: Record<string, string> = {};
  const values: Record<string, Record<string, unknown>> = {};
  for (const [section, table] of Object.entries(CONFIG_SECTIONS)) {
    const sectionValues: Record<string, unknown> = (values[section] = {});
    for (const [key, spec] of Object.entries(table as EnvTable)) {
      const found = lookUp(env, spec, aliasProblems);
      if (found === null) {
        sectionValues[key] =
          typeof spec.default === 'function'
            ? (spec.default as (context: EnvContext) => unknown)(context)
            : spec.default;
        continue;
      }
      sources[spec.name] = found.source;
      const parsed = spec.parser.parse(found.raw, context);
      if (parsed.ok) sectionValues[key] = parsed.value;
      else {
        sectionValues[key] = found.raw;
        valueProblems.push(`${found.source}='${shown(spec.name, found.raw)}': ${parsed.message}`);
      }
    }
  }
  return {
    values: values as unknown as EnvValues,
    sources,
    isSet: (name) => name in sources,
    problems: [...aliasProblems, ...valueProblems],
  };
}
