import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import { payloadJson } from '../../../src/core/messages/raw-json';
import { tracingState } from '../../../src/infrastructure/observability/change-tracing';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';
import { openStreaming } from '../support/streaming-client';

jest.setTimeout(120_000);

// OpenTelemetry traces (docs/observability.md#tracing): the whole product in-process with the
// standard OTEL variables pointing at an OTLP/HTTP receiver in this test (the JSON encoding). One
// toggle with a connected server SDK gives one trace from the management request to the push:
// request → outbox "create" → relay "send" and evaluation "process" → fan-out. Without OTEL
// variables nothing is exported and change messages carry no trace context.

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
};
interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: {
      spans?: (Omit<ReceivedSpan, 'attributes'> & { attributes?: { key: string; value: OtlpValue }[] })[];
    }[];
  }[];
}

const SPAN_KIND = { SERVER: 2, PRODUCER: 4, CONSUMER: 5, INTERNAL: 1 };

function plain(value: OtlpValue): unknown {
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.boolValue ?? value.doubleValue;
}

/** A minimal OTLP/HTTP JSON traces endpoint: it keeps every span and resource it is sent. */
class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly resources: Record<string, unknown>[] = [];
  requests = 0;
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJson;
        for (const rs of body.resourceSpans ?? []) {
          this.resources.push(
            Object.fromEntries((rs.resource?.attributes ?? []).map((a) => [a.key, plain(a.value)])),
          );
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              this.spans.push({
                ...s,
                attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, plain(a.value)])),
              });
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** The product, signed in, listening, with a flag and a synced server SDK connection. */
async function startWithSdk(env: Record<string, string>) {
  const api = await ApiApp.start({ env });
  await api.loginAsAdmin();
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const env0 = (await api.defaultProject()).environments.find((e) => e.key === 'dev')!;
  const secret = (env0.secrets as { type: string; value: string }[]).find((s) => s.type === 'server')!.value;
  expect((await api.post(`/api/v1/envs/${env0.id}/feature-flags`, boolFlag('traced'))).status).toBe(200);
  const conn = openStreaming(`ws://127.0.0.1:${port}`, secret, { type: 'server' });
  await conn.opened;
  await conn.dataSync({ timestamp: 0 });
  // Every change message the api role publishes, as its wire text.
  const published: string[] = [];
  const bus = api.bus;
  const publish = bus.publish.bind(bus);
  jest.spyOn(bus, 'publish').mockImplementation(async (topic, payload) => {
    if (topic === TOPICS.flagChange) published.push(payloadJson(payload));
    return publish(topic, payload);
  });
  return { api, envId: env0.id, conn, published, baseUrl: `http://127.0.0.1:${port}`, secret };
}

async function toggle(
  setup: Awaited<ReturnType<typeof startWithSdk>>,
  to: boolean,
  headers: Record<string, string> = {},
): Promise<string> {
  const received = setup.conn.raw.length;
  const res = await setup.api.put(
    `/api/v1/envs/${setup.envId}/feature-flags/traced/toggle/${to}`,
    {},
    { headers },
  );
  expect(res.status).toBe(200);
  await setup.conn.message(received + 1);
  await setup.api.outbox.idle();
  return setup.conn.raw[received];
}

describe('OpenTelemetry traces', () => {
  let receiver: OtlpReceiver;
  const savedEnv = { ...process.env };

  beforeEach(async () => {
    receiver = await new OtlpReceiver().start();
  });

  afterEach(async () => {
    process.env = { ...savedEnv };
    await receiver.stop();
  });

  it('exports nothing and adds no trace context without OTEL variables', async () => {
    // Even an OTEL variable in the process environment is not read behind the configuration's back.
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
    const setup = await startWithSdk({});
    try {
      expect(tracingState.on).toBe(false);
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
      const pushed = await toggle(setup, true);
      expect(pushed).not.toContain('traceparent');
      expect(setup.published).toHaveLength(1);
      expect(setup.published[0]).not.toContain('traceparent');
    } finally {
      setup.conn.close();
      await setup.api.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toBe(0);
  });

  it('links a toggle from the management request to the SDK push in one trace', async () => {
    const setup = await startWithSdk({
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'featbit-ts-e2e',
    });
    const callerTrace = '0af7651916cd43dd8448eb211c80319c';
    const callerSpan = 'b7ad6b7169203331';
    let pushed: string;
    let continued: string;
    try {
      expect(tracingState.on).toBe(true);
      pushed = await toggle(setup, true);
      continued = await toggle(setup, false, { traceparent: `00-${callerTrace}-${callerSpan}-01` });
      expect(setup.published).toHaveLength(2);
      for (const text of setup.published) expect(JSON.parse(text)).toHaveProperty('traceparent');
      // The SDK REST fast path answers ahead of Fastify's hooks: no span, even with tracing on.
      const rest = await fetch(`${setup.baseUrl}/api/public/sdk/server/latest-all`, {
        headers: { authorization: setup.secret },
      });
      expect(rest.status).toBe(200);
    } finally {
      setup.conn.close();
      await setup.api.close(); // flushes the batch of spans
    }
    // The SDK-facing payloads never carry the trace context.
    expect(pushed).not.toContain('traceparent');
    expect(continued).not.toContain('traceparent');
    expect(receiver.resources[0]).toMatchObject({
      'service.name': 'featbit-ts-e2e',
      'featbit.roles': 'api,evaluation,analytics',
    });

    const toggles = receiver.spans.filter(
      (s) => s.attributes['http.route'] === '/api/v1/envs/:envId/feature-flags/:key/toggle/:status',
    );
    expect(toggles).toHaveLength(2);
    for (const request of toggles) {
      const inTrace = receiver.spans.filter((s) => s.traceId === request.traceId);
      const one = (name: string, parent: ReceivedSpan): ReceivedSpan => {
        const found = inTrace.filter((s) => s.name === name && s.parentSpanId === parent.spanId);
        expect(found).toHaveLength(1);
        return found[0];
      };
      expect(request).toMatchObject({
        name: 'PUT /api/v1/envs/:envId/feature-flags/:key/toggle/:status',
        kind: SPAN_KIND.SERVER,
        attributes: { 'http.request.method': 'PUT', 'http.response.status_code': 200 },
      });
      const create = one(`create ${TOPICS.flagChange}`, request);
      expect(create).toMatchObject({
        kind: SPAN_KIND.PRODUCER,
        attributes: { 'featbit.env_id': setup.envId },
      });
      const send = one(`send ${TOPICS.flagChange}`, create);
      expect(send.kind).toBe(SPAN_KIND.PRODUCER);
      const processed = one(`process ${TOPICS.flagChange}`, create);
      expect(processed).toMatchObject({
        kind: SPAN_KIND.CONSUMER,
        attributes: { 'featbit.env_id': setup.envId },
      });
      const fanout = one('change fan-out', processed);
      expect(fanout.kind).toBe(SPAN_KIND.INTERNAL);
      expect(fanout.attributes).toMatchObject({
        'featbit.env_id': setup.envId,
        'featbit.fanout.connections': 1,
      });
      expect(fanout.attributes['featbit.fanout.bytes']).toBeGreaterThan(0);
    }
    // The request that carried a traceparent continues the caller's trace.
    const [first, second] = toggles.sort(
      (a, b) => Number(a.traceId === callerTrace) - Number(b.traceId === callerTrace),
    );
    expect(first.parentSpanId ?? '').toBe('');
    expect(first.traceId).not.toBe(callerTrace);
    expect(second).toMatchObject({ traceId: callerTrace, parentSpanId: callerSpan });
    // Server spans only for management routes (the latest-all request above has none).
    const servers = receiver.spans.filter((s) => s.kind === SPAN_KIND.SERVER);
    for (const span of servers) expect(String(span.attributes['http.route'])).toMatch(/^\/api\/v1\//);
    expect(tracingState.on).toBe(false);
  });
});
