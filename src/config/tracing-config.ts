import type { SectionValues } from './env-variable.types';
import type { OTEL_SAMPLERS, OTLP_PROTOCOLS, TRACING_CONFIG } from './sections/tracing.config';

// AppConfig.tracing from the standard OpenTelemetry variables (src/config/sections/tracing.config.ts):
// which ones switch tracing on and where spans go (docs/observability.md#tracing).

export type TracingConfig =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly exporter: 'otlp' | 'console';
      /** The OTLP/HTTP traces URL (null for the console exporter). */
      readonly url: string | null;
      readonly protocol: (typeof OTLP_PROTOCOLS)[number];
      readonly headers: Readonly<Record<string, string>>;
      readonly serviceName: string;
      readonly resourceAttributes: Readonly<Record<string, string>>;
      readonly sampler: (typeof OTEL_SAMPLERS)[number];
      readonly samplerArg: number;
    };

/** The collector's default OTLP/HTTP address. */
const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

/** OpenTelemetry's `key=value,key=value` lists (headers, resource attributes), values URL-encoded. */
function keyValues(
  problems: string[],
  variable: string,
  raw: string | null,
  secret: boolean,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    let value: string | null = null;
    try {
      value = at > 0 ? decodeURIComponent(pair.slice(at + 1).trim()) : null;
    } catch {
      value = null;
    }
    if (key === '' || value === null) {
      problems.push(`${variable}: '${secret ? '***' : pair}' must be key=value (the value URL-encoded)`);
      continue;
    }
    result[key] = value;
  }
  return result;
}

export function tracingConfig(
  values: SectionValues<typeof TRACING_CONFIG>,
  problems: string[],
): TracingConfig {
  const exporter = values.exporter ?? ((values.endpoint ?? values.tracesEndpoint) ? 'otlp' : 'none');
  if (values.sdkDisabled || exporter === 'none') return { enabled: false };
  return {
    enabled: true,
    exporter,
    url:
      exporter === 'console'
        ? null
        : (values.tracesEndpoint ?? `${values.endpoint ?? DEFAULT_OTLP_ENDPOINT}/v1/traces`),
    protocol: values.protocol,
    headers: keyValues(problems, 'OTEL_EXPORTER_OTLP_HEADERS', values.headers, true),
    serviceName: values.serviceName,
    resourceAttributes: keyValues(problems, 'OTEL_RESOURCE_ATTRIBUTES', values.resourceAttributes, false),
    sampler: values.sampler,
    samplerArg: values.samplerArg,
  };
}
