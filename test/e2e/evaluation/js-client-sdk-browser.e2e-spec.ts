/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK lives in the page as untyped globals */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { serveStatic, type StaticSite } from '../support/browser';
import { type EnvironmentInfo, type ManagementClient, signIn } from '../support/management-client';
import { REPO_ROOT, type RunningProduct, startProduct } from '../support/product';
import { waitUntil } from './support/evaluation-product';

jest.setTimeout(240_000);

// The official FeatBit browser SDK (npm, its own UMD bundle) in headless chromium, on a page served
// from another origin, against the whole product in its zero-setup mode (PGlite, in-process bus).

const SDK_BUNDLE = join(REPO_ROOT, 'node_modules/@featbit/js-client-sdk/dist/umd/featbit-js-client-sdk.js');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>FeatBit browser e2e</title>
<script src="/featbit-js-client-sdk.js"></script></head><body><h1>e2e</h1></body></html>`;

describe('@featbit/js-client-sdk in a real browser', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let env: EnvironmentInfo;
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    product = await startProduct({ roles: 'all', env: { LOG_LEVEL: 'debug' } });
    api = await signIn(product.baseUrl);
    env = await api.environment('dev');
    const banner = await api.createFlag(env.id, {
      key: 'browser-banner',
      variationType: 'string',
      values: ['blue', 'green'],
      enabledIndex: 1,
    });
    await api.updateTargeting(env.id, 'browser-banner', {
      rules: [
        {
          id: randomUUID(),
          name: 'pro plan',
          dispatchKey: null,
          includedInExpt: false,
          conditions: [{ id: randomUUID(), property: 'plan', op: 'Equal', value: 'pro' }],
          variations: [{ id: banner.variations[0].id, rollout: [0, 1], exptRollout: 1 }],
        },
      ],
    });
    await api.createFlag(env.id, {
      key: 'browser-toggle',
      variationType: 'boolean',
      values: ['true', 'false'],
    });

    site = await serveStatic({ '/': PAGE, '/featbit-js-client-sdk.js': `file:${SDK_BUNDLE}` });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(site.url);
  });

  afterAll(async () => {
    await page?.evaluate(() => (globalThis as any).fb?.close?.()).catch(() => undefined);
    await browser?.close();
    await site?.close();
    await product?.stop();
  });

  it('initializes over streaming and evaluates flags for the user', async () => {
    const clientSecret = env.secrets.find((s) => s.type === 'client')!.value;
    const result = await page.evaluate(
      async ({ secret, ws, http }) => {
        const w = globalThis as any;
        const user = new w.UserBuilder('browser-user-1').name('Browser One').custom('plan', 'free').build();
        w.updates = [];
        w.fb = new w.FbClientBuilder().sdkKey(secret).streamingUri(ws).eventsUri(http).user(user).build();
        w.fb.on('update', (keys: string[]) => w.updates.push(keys));
        await w.fb.waitForInitialization();
        return {
          banner: w.fb.stringVariation('browser-banner', 'none'),
          toggle: w.fb.boolVariation('browser-toggle', false),
        };
      },
      { secret: clientSecret, ws: product.wsUrl, http: product.baseUrl },
    );
    expect(result).toEqual({ banner: 'green', toggle: true });
  });

  it('identifies another user on the same connection', async () => {
    const banner = await page.evaluate(async () => {
      const w = globalThis as any;
      await w.fb.identify(
        new w.UserBuilder('browser-user-2').name('Browser Two').custom('plan', 'pro').build(),
      );
      return w.fb.stringVariation('browser-banner', 'none');
    });
    expect(banner).toBe('blue');
  });

  it('receives a change pushed after a management API call', async () => {
    await page.evaluate(() => ((globalThis as any).updates = []));
    await api.toggleFlag(env.id, 'browser-toggle', false);
    await page.waitForFunction(
      () => (globalThis as any).fb.boolVariation('browser-toggle', true) === false,
      undefined,
      {
        timeout: 15_000,
      },
    );
    const updates = await page.evaluate(() => (globalThis as any).updates as unknown[]);
    expect(updates.flat(3)).toContain('browser-toggle');
    expect(updates.flat(3)).not.toContain('browser-banner');
  });

  it('decodes a compressed server payload fetched across origins (issue 22)', async () => {
    // Chromium offers gzip and br by itself; enough flags to pass the 1 KiB threshold.
    for (const key of ['browser-extra-1', 'browser-extra-2', 'browser-extra-3']) {
      await api.createFlag(env.id, { key, variationType: 'boolean', values: ['true', 'false'] });
    }
    const serverSecret = env.secrets.find((s) => s.type === 'server')!.value;
    const url = `${product.baseUrl}/api/public/sdk/server/latest-all?timestamp=0`;
    const [response, keys] = await Promise.all([
      page.waitForResponse((r) => r.url() === url && r.request().method() === 'GET'),
      page.evaluate(
        async ({ u, secret }) => {
          const res = await fetch(u, { headers: { authorization: secret } });
          const json = (await res.json()) as { data: { featureFlags: { key: string }[] } };
          return json.data.featureFlags.map((f) => f.key).sort();
        },
        { u: url, secret: serverSecret },
      ),
    ]);
    expect((await response.allHeaders())['content-encoding']).toBe('br');
    expect(keys).toEqual(
      ['browser-banner', 'browser-extra-1', 'browser-extra-2', 'browser-extra-3', 'browser-toggle'].sort(),
    );
  });

  it('sends its events across origins (CORS preflight) and they are accepted', async () => {
    await page.evaluate(async () => {
      const w = globalThis as any;
      w.fb.track('clicked-banner', 1);
      await w.fb.flush();
    });
    expect(pageErrors.filter((e) => /cors|access-control/i.test(e))).toEqual([]);
    // The access log (debug level for SDK paths, written just after each response) shows the
    // preflight and the accepted POST.
    const accepted = () => {
      const access = product
        .logs()
        .split('\n')
        .filter((l) => l.includes('"path":"/api/public/insight/track"'));
      return (
        access.some((l) => l.includes('"method":"OPTIONS"') && /"status":20\d/.test(l)) &&
        access.some((l) => l.includes('"method":"POST"') && l.includes('"status":200'))
      );
    };
    await waitUntil(accepted, 5_000, 'the access log lines of the insight requests');
  });
});
