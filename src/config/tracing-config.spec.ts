import { ConfigError } from './app-config';
import { loadAppConfig } from './load-app-config';

const tracing = (env: Record<string, string>) =>
  loadAppConfig(env, ['api', 'evaluation', 'analytics']).tracing;

describe('AppConfig.tracing from the standard OTEL variables', () => {
  it('is off without an exporter or endpoint, and when switched off explicitly', () => {
    expect(tracing({})).toEqual({ enabled: false });
    expect(tracing({ OTEL_SERVICE_NAME: 'x', OTEL_TRACES_SAMPLER: 'always_on' })).toEqual({ enabled: false });
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' })).toEqual({
      enabled: false,
    });
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toEqual({
      enabled: false,
    });
  });

  it('is on with an endpoint, the traces URL derived as OpenTelemetry specifies', () => {
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      url: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      headers: {},
      serviceName: 'featbit-ts',
      resourceAttributes: {},
      sampler: 'parentbased_always_on',
      samplerArg: 1,
    });
    const explicit = tracing({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/custom/traces',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'api-key=s%20ecret,x-tenant=a',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(explicit).toMatchObject({
      url: 'https://collector/custom/traces',
      protocol: 'http/json',
      headers: { 'api-key': 's ecret', 'x-tenant': 'a' },
      resourceAttributes: { 'deployment.environment': 'prod' },
      sampler: 'parentbased_traceidratio',
      samplerArg: 0.25,
    });
    expect(tracing({ OTEL_TRACES_EXPORTER: 'otlp' })).toMatchObject({
      url: 'http://localhost:4318/v1/traces',
    });
    expect(tracing({ OTEL_TRACES_EXPORTER: 'console' })).toMatchObject({ exporter: 'console', url: null });
  });

  it('refuses unsupported values, naming the variable and never showing a header value', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        tracing(env);
      } catch (err) {
        if (err instanceof ConfigError) return err.message;
      }
      return '';
    };
    expect(problems({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toContain('OTEL_EXPORTER_OTLP_PROTOCOL');
    expect(problems({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toContain('OTEL_TRACES_SAMPLER_ARG');
    expect(problems({ OTEL_TRACES_EXPORTER: 'zipkin' })).toContain('OTEL_TRACES_EXPORTER');
    const headers = problems({
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_HEADERS: 'token-without-key',
    });
    expect(headers).toContain('OTEL_EXPORTER_OTLP_HEADERS');
    expect(headers).not.toContain('token-without-key');
  });
});
