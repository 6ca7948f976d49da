import { context, propagation, trace } from '@opentelemetry/api';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  ParentBasedSampler,
  type Sampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import type { TracingConfig } from '../../config/tracing-config';

// The OpenTelemetry SDK, loaded by OtelTracing with a dynamic import only when tracing is on: a
// process without OTEL variables never loads it. Everything comes from AppConfig.tracing, nothing
// from the SDK's own environment lookups that has a setting here (docs/observability.md#tracing).

type Enabled = Extract<TracingConfig, { enabled: true }>;

function sampler(config: Enabled): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.samplerArg);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

async function exporter(config: Enabled): Promise<SpanExporter> {
  if (config.exporter === 'console' || config.url === null) return new ConsoleSpanExporter();
  const options = { url: config.url, headers: { ...config.headers } };
  if (config.protocol === 'http/json') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter(options);
  }
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter(options);
}

/**
 * Registers a tracer provider, the W3C trace-context propagator and the AsyncLocalStorage context
 * manager globally; the returned function flushes the spans left and unregisters them.
 */
export async function startOtelSdk(config: Enabled, roles: readonly string[]): Promise<() => Promise<void>> {
  const resource = defaultResource().merge(
    resourceFromAttributes({
      ...config.resourceAttributes,
      'service.name': config.serviceName,
      'featbit.roles': roles.join(','),
    }),
  );
  const provider = new NodeTracerProvider({
    resource,
    sampler: sampler(config),
    spanProcessors: [new BatchSpanProcessor(await exporter(config))],
  });
  provider.register();
  return async () => {
    try {
      await provider.shutdown();
    } finally {
      trace.disable();
      propagation.disable();
      context.disable();
    }
  };
}
