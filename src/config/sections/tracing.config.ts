import { bool, httpUrl, oneOf, ratio, text } from '../env-parsers';
import { variable } from '../env-variable.types';

// OpenTelemetry's standard variables for traces (docs/observability.md#tracing), read here like
// every other setting and handed to the SDK explicitly. Tracing is off unless an exporter or an
// OTLP endpoint is set.

export const OTEL_TRACES_EXPORTERS = ['otlp', 'console', 'none'] as const;
export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export const OTEL_SAMPLERS = [
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
  'always_on',
  'always_off',
  'traceidratio',
] as const;

/** The inputs of AppConfig.tracing (built by src/config/tracing-config.ts). */
export const TRACING_CONFIG = {
  sdkDisabled: variable({
    name: 'OTEL_SDK_DISABLED',
    description: 'OpenTelemetry: true switches tracing off whatever else is set',
    parser: bool(),
    default: false,
  }),
  exporter: variable({
    name: 'OTEL_TRACES_EXPORTER',
    description:
      'OpenTelemetry: where spans go; unset means otlp when an OTLP endpoint below is set, else no tracing (none)',
    parser: oneOf(OTEL_TRACES_EXPORTERS),
    default: null,
    defaultText: 'none unless an endpoint is set',
  }),
  endpoint: variable({
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description:
      'OpenTelemetry: OTLP/HTTP base URL; traces go to its /v1/traces (setting it switches tracing on)',
    parser: httpUrl(),
    default: null,
    defaultText: 'http://localhost:4318 when OTEL_TRACES_EXPORTER=otlp',
  }),
  tracesEndpoint: variable({
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    description:
      'OpenTelemetry: full OTLP/HTTP URL for traces, used as it is (overrides the base URL; setting it switches tracing on)',
    parser: httpUrl(),
    default: null,
    defaultText: '-',
  }),
  protocol: variable({
    name: 'OTEL_EXPORTER_OTLP_PROTOCOL',
    description: 'OpenTelemetry: OTLP encoding over HTTP (grpc is not supported)',
    parser: oneOf(OTLP_PROTOCOLS),
    default: 'http/protobuf',
  }),
  headers: variable({
    name: 'OTEL_EXPORTER_OTLP_HEADERS',
    description:
      'OpenTelemetry: headers sent with every export, key=value pairs separated by commas (URL-encoded)',
    parser: text(),
    default: null,
    defaultText: '-',
    secret: true,
  }),
  serviceName: variable({
    name: 'OTEL_SERVICE_NAME',
    description: 'OpenTelemetry: service.name of the spans',
    parser: text(),
    default: 'featbit-ts',
  }),
  resourceAttributes: variable({
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    description: 'OpenTelemetry: more resource attributes, key=value pairs separated by commas (URL-encoded)',
    parser: text(),
    default: null,
    defaultText: '-',
  }),
  sampler: variable({
    name: 'OTEL_TRACES_SAMPLER',
    description: 'OpenTelemetry: which traces are recorded',
    parser: oneOf(OTEL_SAMPLERS),
    default: 'parentbased_always_on',
  }),
  samplerArg: variable({
    name: 'OTEL_TRACES_SAMPLER_ARG',
    description: 'OpenTelemetry: the ratio (0 to 1) of the traceidratio samplers',
    parser: ratio(),
    default: 1,
  }),
};
