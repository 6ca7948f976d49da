/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK lives in the page as untyped globals */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { serveStatic, type StaticSite } from '../support/browser';
import { type EnvironmentInfo, type ManagementClient, signIn } from '../support/management-client';
import { REPO_ROOT, type RunningProduct, startProduct } from '../support/product';

jest.setTimeout(240_000);

// Issue 22: Chromium offers permessage-deflate on every WebSocket; the official browser SDK's full
// sync then arrives compressed (one message per user and payload version) and the SDK, through the
// browser's own decoder, serves the right values. The server's counters prove it was compressed.

const SDK_BUNDLE = join(REPO_ROOT, 'node_modules/@featbit/js-client-sdk/dist/umd/featbit-js-client-sdk.js');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>deflate e2e</title>
<script src="/featbit-js-client-sdk.js"></script></head><body><h1>e2e</h1></body></html>`;
const FLAGS = 10;

function sample(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('@featbit/js-client-sdk in Chromium receives compressed full syncs', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let env: EnvironmentInfo;
  let site: StaticSite;
  let browser: Browser;
  let page: Page;

  const clientSyncs = async (encoding: 'plain' | 'deflate') => {
    const body = await (await fetch(`${product.baseUrl}/metrics`)).text();
    return {
      count: sample(body, `featbit_full_syncs_total{type="client",encoding="${encoding}"}`),
      bytes: sample(body, `featbit_full_sync_bytes_total{type="client",encoding="${encoding}"}`),
    };
  };

  beforeAll(async () => {
    product = await startProduct({ roles: 'all' });
    api = await signIn(product.baseUrl);
    env = await api.environment('dev');
    // Enough flags for the client full sync to pass the 1 KiB threshold.
    for (let i = 0; i < FLAGS; i++) {
      await api.createFlag(env.id, {
        key: `deflate-flag-${i}`,
        variationType: 'string',
        values: [`off-${i}`, `on-${i}`],
        enabledIndex: 1,
      });
    }
    site = await serveStatic({ '/': PAGE, '/featbit-js-client-sdk.js': `file:${SDK_BUNDLE}` });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(site.url);
  });

  afterAll(async () => {
    await page?.evaluate(() => (globalThis as any).fb?.close?.()).catch(() => undefined);
    await browser?.close();
    await site?.close();
    await product?.stop();
  });

  it('initializes from a compressed full sync and serves every flag', async () => {
    const before = await clientSyncs('deflate');
    const plainBefore = await clientSyncs('plain');
    const extensions: string[] = [];
    page.on('websocket', (ws) => extensions.push(ws.url()));
    const clientSecret = env.secrets.find((s) => s.type === 'client')!.value;
    const values = await page.evaluate(
      async ({ secret, ws, http, count }) => {
        const w = globalThis as any;
        const user = new w.UserBuilder('deflate-user-1').name('Deflate One').build();
        w.fb = new w.FbClientBuilder().sdkKey(secret).streamingUri(ws).eventsUri(http).user(user).build();
        await w.fb.waitForInitialization();
        return Array.from({ length: count }, (_, i) => w.fb.stringVariation(`deflate-flag-${i}`, 'none'));
      },
      { secret: clientSecret, ws: product.wsUrl, http: product.baseUrl, count: FLAGS },
    );
    expect(values).toEqual(Array.from({ length: FLAGS }, (_, i) => `on-${i}`));
    expect(extensions.some((u) => u.includes('/streaming'))).toBe(true);
    const after = await clientSyncs('deflate');
    expect(after.count).toBe(before.count + 1);
    expect((await clientSyncs('plain')).count).toBe(plainBefore.count);
    // The compressed message is a fraction of the plain payload's size (plain: over 1 KiB).
    expect(after.bytes - before.bytes).toBeGreaterThan(0);
    expect(after.bytes - before.bytes).toBeLessThan(1024);
  });

  it('identifies another user on the same connection (a second compressed full sync)', async () => {
    const before = await clientSyncs('deflate');
    const value = await page.evaluate(async () => {
      const w = globalThis as any;
      await w.fb.identify(new w.UserBuilder('deflate-user-2').name('Deflate Two').build());
      return w.fb.stringVariation('deflate-flag-3', 'none');
    });
    expect(value).toBe('on-3');
    expect((await clientSyncs('deflate')).count).toBe(before.count + 1);
  });
});
