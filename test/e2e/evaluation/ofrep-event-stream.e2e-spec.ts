/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies and page globals are untyped */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OFREPWebProviderOptions } from '@openfeature/ofrep-web-provider';
import type { ConfigChangeEvent } from '@openfeature/web-sdk';
import type { Browser, Page } from 'playwright-core';
import { issueStreamToken, secretFingerprint } from '../../../src/core/sdk/ofrep-stream-token';
import { launchChromium } from '../../support/chromium';
import { serveStatic, type StaticSite } from '../support/browser';
import { type EnvironmentInfo, type ManagementClient, signIn } from '../support/management-client';
import { REPO_ROOT, type RunningProduct, startProduct } from '../support/product';
import { openSse, type SseReader } from './support/sse-reader';
import { waitUntil } from './support/evaluation-product';

jest.setTimeout(240_000);

// OFREP's event-stream extension (docs/evaluation-server.md#push-event-streams) against the whole product
// (api + evaluation, embedded database, in-process bus): flag changes made through the management
// API reach an SSE client, and the official OpenFeature web provider in Chromium, without polling.

const STREAM_KEY = 'ofrep-stream-e2e-key-0123456789abcdef0123';
const STREAM_PATH = '/ofrep/v1/event-stream';

const OF = join(REPO_ROOT, 'node_modules/@openfeature');
const nestedCore = join(OF, 'ofrep-web-provider/node_modules/@openfeature/ofrep-core/index.esm.js');
// The browser loads the packages' own ESM files, unbundled, through an import map.
const MODULES: Record<string, string> = {
  '@openfeature/ofrep-web-provider': join(OF, 'ofrep-web-provider/index.esm.js'),
  '@openfeature/ofrep-core': existsSync(nestedCore) ? nestedCore : join(OF, 'ofrep-core/index.esm.js'),
  '@openfeature/web-sdk': join(OF, 'web-sdk/dist/esm/index.js'),
  '@openfeature/core': join(OF, 'core/dist/esm/index.js'),
};
const fileOf = (name: string) => `/${name.replace('@openfeature/', '')}.js`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>OFREP web provider e2e</title>
<script type="importmap">${JSON.stringify({
  imports: Object.fromEntries(Object.keys(MODULES).map((name) => [name, fileOf(name)])),
})}</script>
<script type="module">
  import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';
  import { OpenFeature, ProviderEvents } from '@openfeature/web-sdk';
  globalThis.start = async (options, context) => {
    globalThis.changes = [];
    OpenFeature.addHandler(ProviderEvents.ConfigurationChanged, (e) => globalThis.changes.push(e));
    await OpenFeature.setProviderAndWait(new OFREPWebProvider(options), context);
    globalThis.client = OpenFeature.getClient();
  };
  globalThis.ready = true;
</script></head><body><h1>e2e</h1></body></html>`;

const refetches = (r: SseReader) => r.events.filter((e) => (e.data as any)?.type === 'refetchEvaluation');

describe('OFREP event streams (push)', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let dev: EnvironmentInfo;
  let prod: EnvironmentInfo;
  const readers: SseReader[] = [];

  const clientSecret = (env: EnvironmentInfo) => env.secrets.find((s) => s.type === 'client')!.value;
  const bulk = async (env: EnvironmentInfo, headers: Record<string, string> = {}) => {
    const res = await fetch(`${product.baseUrl}/ofrep/v1/evaluate/flags`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': clientSecret(env), ...headers },
      body: JSON.stringify({ context: { targetingKey: 'user-1' } }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  };
  const streamUrl = async (env: EnvironmentInfo): Promise<string> =>
    (await bulk(env)).json.eventStreams[0].url;
  const open = async (url: string, headers: Record<string, string> = {}) => {
    const reader = await openSse(url, headers);
    readers.push(reader);
    return reader;
  };

  beforeAll(async () => {
    product = await startProduct({ roles: 'all', env: { OFREP_STREAM_KEY: STREAM_KEY, LOG_LEVEL: 'debug' } });
    api = await signIn(product.baseUrl);
    dev = await api.environment('dev');
    prod = await api.environment('prod');
    for (const env of [dev, prod]) {
      await api.createFlag(env.id, {
        key: 'push-toggle',
        variationType: 'boolean',
        values: ['true', 'false'],
      });
    }
  });

  afterAll(async () => {
    for (const r of readers) r.close();
    await product?.stop();
  });

  it('advertises one SSE stream with a token (not the secret) in every bulk answer; the ETag ignores it', async () => {
    const first = await bulk(dev);
    expect(first.status).toBe(200);
    expect(first.json.eventStreams).toEqual([{ type: 'sse', url: expect.any(String) }]);
    const url = new URL(first.json.eventStreams[0].url as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${product.baseUrl}${STREAM_PATH}`);
    expect(url.searchParams.get('token')).toMatch(/^v1\./);
    expect(first.json.eventStreams[0].url).not.toContain(clientSecret(dev));
    const again = await bulk(dev);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.json.eventStreams).toEqual(first.json.eventStreams); // reused: the provider keeps its connection
    const notModified = await bulk(dev, { 'if-none-match': first.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    const behindProxy = await bulk(dev, { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(behindProxy.json.eventStreams[0].url).toMatch(/^http:\/\/127\.0\.0\.1:/); // TRUST_PROXY is off
  });

  it('pushes refetchEvaluation after a management API change, to that environment only', async () => {
    const devStream = await open(await streamUrl(dev), { origin: 'http://elsewhere.example' });
    const prodStream = await open(await streamUrl(prod));
    expect(devStream.status).toBe(200);
    expect(devStream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(devStream.headers.get('access-control-allow-origin')).toBe('*');
    await waitUntil(
      () => devStream.raw.includes('retry:') && prodStream.raw.includes('retry:'),
      5_000,
      'opening',
    );
    expect(refetches(devStream)).toEqual([]);

    const started = Date.now();
    await api.toggleFlag(dev.id, 'push-toggle', false);
    await waitUntil(() => refetches(devStream).length > 0, 10_000, 'the dev refetch event');
    const latency = refetches(devStream)[0].at - started;
    process.stdout.write(`OFREP event stream: management API call → SSE event in ${latency} ms\n`);
    const event = refetches(devStream)[0].data as any;
    expect(event).toEqual({
      type: 'refetchEvaluation',
      etag: expect.any(String),
      lastModified: expect.any(Number),
    });
    expect((await bulk(dev)).json.flags.find((f: any) => f.key === 'push-toggle').value).toBe(false);

    await new Promise((r) => setTimeout(r, 1_000));
    expect(refetches(prodStream)).toEqual([]); // nothing of dev's change
    expect(refetches(devStream)).toHaveLength(1); // one change, one event

    await api.toggleFlag(prod.id, 'push-toggle', false);
    await waitUntil(() => refetches(prodStream).length > 0, 10_000, 'the prod refetch event');
    await new Promise((r) => setTimeout(r, 500));
    expect(refetches(devStream)).toHaveLength(1);
  });

  it('tells a reconnecting client (Last-Event-ID) to re-fetch at once', async () => {
    const reconnected = await open(await streamUrl(dev), { 'last-event-id': '1' });
    await waitUntil(() => refetches(reconnected).length > 0, 5_000, 'the catch-up event');
  });

  it('refuses missing, malformed, forged and expired tokens with 401', async () => {
    const valid = new URL(await streamUrl(dev)).searchParams.get('token')!;
    const context = {
      type: 'client' as const,
      envId: dev.id,
      envKey: 'dev',
      projectId: 'p',
      projectKey: 'default',
      organizationId: 'o',
      organizationKey: 'org',
      workspaceId: 'w',
    };
    const fingerprint = secretFingerprint(STREAM_KEY, clientSecret(dev));
    const expired = issueStreamToken(STREAM_KEY, { context, fingerprint, expiresAt: Date.now() - 1_000 });
    const forged = issueStreamToken('another-key-0123456789abcdef0123456789', {
      context,
      fingerprint,
      expiresAt: Date.now() + 60_000,
    });
    const [v, payload, signature] = valid.split('.');
    const otherEnv = new URL(await streamUrl(prod)).searchParams.get('token')!.split('.')[1];
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const cases = [
      '',
      '?token=',
      '?token=nonsense',
      `?token=${clientSecret(dev)}`,
      `?token=${expired}`,
      `?token=${forged}`,
      `?token=${v}.${otherEnv}.${signature}`,
      `?token=${v}.${payload}.${flipped}`,
    ];
    for (const query of cases) {
      const res = await fetch(`${product.baseUrl}${STREAM_PATH}${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 401 });
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    const healthy = await fetch(`${product.baseUrl}/health/readiness`);
    expect(healthy.status).toBe(200);
  });

  it('ends the streams of a deleted environment', async () => {
    const projects = await api.ok<{ id: string; key: string }[]>('GET', '/projects');
    const projectId = projects.find((p) => p.key === 'default')!.id;
    await api.ok('POST', `/projects/${projectId}/envs`, { name: 'Doomed', key: 'doomed' });
    const doomed = await api.environment('doomed');
    const stream = await open(await streamUrl(doomed));
    await waitUntil(() => stream.raw.includes('retry:'), 5_000, 'opening');
    let ended = false;
    void stream.ended.then(() => (ended = true));
    await api.ok('DELETE', `/projects/${projectId}/envs/${doomed.id}`);
    await waitUntil(() => ended, 10_000, 'the stream to end');
    expect((await bulk(doomed)).status).toBe(401);
  });

  describe('@openfeature/ofrep-web-provider in Chromium (default options)', () => {
    let site: StaticSite;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      await api.createFlag(dev.id, { key: 'web-push', variationType: 'boolean', values: ['true', 'false'] });
      const files: Record<string, string> = { '/': PAGE };
      for (const [name, file] of Object.entries(MODULES)) files[fileOf(name)] = `file:${file}`;
      site = await serveStatic(files);
      browser = await launchChromium();
      page = await browser.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      await page.goto(site.url);
      await page.waitForFunction(() => (globalThis as any).ready === true);
    });

    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('sees a flag change made through the API without any visibility or context change', async () => {
      const options: OFREPWebProviderOptions = {
        baseUrl: product.baseUrl,
        headers: [['X-API-Key', clientSecret(dev)]],
      };
      await page.evaluate((o) => (globalThis as any).start(o, { targetingKey: 'browser-1' }), options);
      const value = () => page.evaluate(() => (globalThis as any).client.getBooleanValue('web-push', false));
      expect(await value()).toBe(true);

      const started = Date.now();
      await api.toggleFlag(dev.id, 'web-push', false);
      await page.waitForFunction(
        () => (globalThis as any).client.getBooleanValue('web-push', true) === false,
        undefined,
        { timeout: 15_000 },
      );
      process.stdout.write(
        `OFREP web provider: management API call → new value in the page in ${Date.now() - started} ms\n`,
      );
      const changes = await page.evaluate(() => (globalThis as any).changes as ConfigChangeEvent[]);
      expect(changes.flatMap((c) => c.flagsChanged ?? [])).toContain('web-push');
      expect(pageErrors).toEqual([]);
      expect(product.logs()).toContain('event stream opened'); // the push came over SSE
    });
  });

  it('ends open streams cleanly on shutdown', async () => {
    const stream = await open(await streamUrl(dev));
    await waitUntil(() => stream.raw.includes('retry:'), 5_000, 'opening');
    const started = Date.now();
    const exit = await product.stop();
    await stream.ended;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000); // well inside SHUTDOWN_GRACE_MS
  });
});
