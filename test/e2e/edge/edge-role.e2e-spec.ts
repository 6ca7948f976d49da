import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../support/chromium';
import { serveStatic, type StaticSite } from '../support/browser';
import { type EnvironmentInfo, type ManagementClient, signIn } from '../support/management-client';
import {
  REPO_ROOT,
  RunningProduct,
  startProduct,
  TEST_ADMIN_EMAIL,
  TEST_ADMIN_PASSWORD,
} from '../support/product';
import { waitUntil } from '../evaluation/support/evaluation-product';

jest.setTimeout(300_000);

// The edge role (docs/relay-proxies.md#edge-role) as an operator runs it: a central all-in-one on
// its embedded database and two edges built from dist/, each relaying it with a relay-proxy key.
// The official node SDK connected to an edge, and the official js-client SDK in Chromium connected
// to the other, see central changes; the edges keep serving (and accept new SDKs) with central
// gone, an edge restarted meanwhile serves its saved copy, and once central is back a change
// reaches both. Insights sent to an edge arrive at central.

const FLAG = 'edge-flag';
const CHANGE_BOUND_MS = 10_000;
const SDK_BUNDLE = join(REPO_ROOT, 'node_modules/@featbit/js-client-sdk/dist/umd/featbit-js-client-sdk.js');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>FeatBit edge e2e</title>
<script src="/featbit-js-client-sdk.js"></script></head><body><h1>edge e2e</h1></body></html>`;

/** The js-client SDK's globals as the page uses them (its UMD bundle is untyped there). */
interface BrowserClient {
  boolVariation(key: string, fallback: boolean): boolean;
  on(event: string, listener: () => void): void;
  waitForInitialization(): Promise<unknown>;
}
interface BrowserClientBuilder {
  sdkKey(secret: string): BrowserClientBuilder;
  streamingUri(url: string): BrowserClientBuilder;
  eventsUri(url: string): BrowserClientBuilder;
  user(user: unknown): BrowserClientBuilder;
  build(): BrowserClient;
}
interface BrowserSdk {
  UserBuilder: new (keyId: string) => { name(name: string): { build(): unknown } };
  FbClientBuilder: new () => BrowserClientBuilder;
  fb: BrowserClient;
  /** Date.now() at each `update:<flag>` event: a push's arrival in the page. */
  updatedAt: number[];
}

function newDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function sdkFor(edge: RunningProduct, secret: string): IFbClient {
  return new FbClientBuilder()
    .sdkKey(secret)
    .streamingUri(edge.wsUrl)
    .eventsUri(edge.baseUrl)
    .startWaitTime(20_000)
    .flushInterval(300)
    .logLevel('error')
    .build();
}

const user = (keyId: string) => new UserBuilder(keyId).name(keyId).build();

async function flagValue(sdk: IFbClient): Promise<boolean> {
  return sdk.boolVariation(FLAG, user('reader'), false);
}

describe('edge role', () => {
  const centralDir = newDir('featbit-ts-edge-central-');
  const edgeDirs = [newDir('featbit-ts-edge-a-'), newDir('featbit-ts-edge-b-')];
  let centralPort = 0;
  let central: RunningProduct | null = null;
  const edges: (RunningProduct | null)[] = [null, null];
  const sdks: IFbClient[] = [];
  let api: ManagementClient;
  let dev: EnvironmentInfo;
  let serverSecret = '';
  let relayKey = '';
  let site: StaticSite | null = null;
  let browser: Browser | null = null;

  const startCentral = async (): Promise<RunningProduct> => {
    if (centralPort === 0) {
      const product = await startProduct({ roles: 'all', dataDir: centralDir });
      centralPort = product.port;
      return product;
    }
    // A restart must listen where the edges look: the same port (startProduct picks a free one).
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'main.js'), '--role', 'all'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(centralPort),
        DATA_DIR: centralDir,
        ADMIN_EMAIL: TEST_ADMIN_EMAIL,
        ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const product = new RunningProduct(child, centralPort, centralDir, false);
    await product.waitForReady();
    return product;
  };
  const startEdge = (index: number, env: Record<string, string> = {}) =>
    startProduct({
      roles: 'edge',
      env: {
        EDGE_UPSTREAM_URL: `http://127.0.0.1:${centralPort}`,
        EDGE_RELAY_KEY: relayKey,
        EDGE_DATA_DIR: edgeDirs[index],
        ...env,
      },
    });
  const connect = async (edge: RunningProduct): Promise<IFbClient> => {
    const sdk = sdkFor(edge, serverSecret);
    sdks.push(sdk);
    await sdk.waitForInitialization();
    return sdk;
  };
  /** Toggles the flag centrally and waits until every SDK sees it; returns the latency in ms. */
  const toggleAndWait = async (on: boolean, clients: IFbClient[]): Promise<number> => {
    const started = Date.now();
    await api.toggleFlag(dev.id, FLAG, on);
    await waitUntil(async () => {
      for (const sdk of clients) if ((await flagValue(sdk)) !== on) return false;
      return true;
    }, CHANGE_BOUND_MS);
    return Date.now() - started;
  };

  beforeAll(async () => {
    central = await startCentral();
    api = await signIn(central.baseUrl);
    dev = await api.environment('dev');
    serverSecret = dev.secrets.find((s) => s.type === 'server')!.value;
    await api.createFlag(dev.id, { key: FLAG, variationType: 'boolean', values: ['true', 'false'] });
    const proxy = await api.ok<{ key: string }>('POST', '/relay-proxies', {
      name: 'edges',
      description: 'e2e',
      isAllEnvs: false,
      scopes: [dev.id],
      agents: [],
    });
    relayKey = proxy.key;
    edges[0] = await startEdge(0);
    edges[1] = await startEdge(1);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    for (const sdk of sdks) await sdk.close();
    for (const product of [central, ...edges]) await product?.stop();
    for (const dir of [centralDir, ...edgeDirs]) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the upstream’s flags to the node SDK and pushes a central change to both edges', async () => {
    const [a, b] = [await connect(edges[0]!), await connect(edges[1]!)];
    expect(await flagValue(a)).toBe(true);
    expect(await flagValue(b)).toBe(true);
    const latency = await toggleAndWait(false, [a, b]);
    console.log(`edge e2e: central toggle reached both edges' SDKs in ${latency} ms`);
  });

  it('pushes a central change to the js-client SDK in Chromium connected to an edge', async () => {
    site = await serveStatic({ '/': PAGE, '/featbit-js-client-sdk.js': `file:${SDK_BUNDLE}` });
    browser = await launchChromium();
    const page: Page = await browser.newPage();
    const clientSecret = dev.secrets.find((s) => s.type === 'client')!.value;
    await page.goto(site.url);
    const initial = await page.evaluate(
      async ({ secret, ws, http, flag }) => {
        const w = globalThis as unknown as BrowserSdk;
        const user = new w.UserBuilder('edge-browser-user').name('Edge browser user').build();
        w.fb = new w.FbClientBuilder().sdkKey(secret).streamingUri(ws).eventsUri(http).user(user).build();
        w.updatedAt = [];
        w.fb.on(`update:${flag}`, () => w.updatedAt.push(Date.now()));
        await w.fb.waitForInitialization();
        return w.fb.boolVariation(flag, true);
      },
      { secret: clientSecret, ws: edges[1]!.wsUrl, http: edges[1]!.baseUrl, flag: FLAG },
    );
    expect(initial).toBe(false);
    const browserValue = () =>
      page.evaluate((flag) => (globalThis as unknown as BrowserSdk).fb.boolVariation(flag, false), FLAG);
    const arrivals = () => page.evaluate(() => (globalThis as unknown as BrowserSdk).updatedAt);

    const seen = (await arrivals()).length;
    const started = Date.now();
    const nodeLatency = await toggleAndWait(true, [sdks[0], sdks[1]]);
    await waitUntil(async () => (await browserValue()) === true, CHANGE_BOUND_MS, 'the browser SDK update');
    const pushedAt = (await arrivals())[seen];
    expect(pushedAt - started).toBeLessThan(CHANGE_BOUND_MS);
    console.log(
      `edge e2e: central toggle reached the js-client SDK in Chromium (edge 2) in ${pushedAt - started} ms ` +
        `(its update event); the node SDKs on both edges within ${nodeLatency} ms (polled)`,
    );
    // Back to the state the later tests expect (off), seen everywhere.
    await toggleAndWait(false, [sdks[0], sdks[1]]);
    await waitUntil(async () => (await browserValue()) === false, CHANGE_BOUND_MS, 'the browser SDK update');
    expect((await arrivals()).length).toBe(seen + 2);
  });

  it('forwards insights sent to an edge to central (its end-user list)', async () => {
    const sdk = sdks[0];
    await sdk.boolVariation(FLAG, user('edge-insight-user'), true);
    sdk.track(user('edge-insight-user'), 'edge-event', 1);
    await waitUntil(async () => {
      const found = await api.ok<{ keyId: string }[]>('POST', `/envs/${dev.id}/end-users/by-keyIds`, [
        'edge-insight-user',
      ]);
      return found.some((u) => u.keyId === 'edge-insight-user');
    }, 30_000);
    // The evaluation itself (only the forwarded track body carries it): central's flag end users.
    const range = `from=${Date.now() - 3_600_000}&to=${Date.now() + 3_600_000}`;
    await waitUntil(async () => {
      const page = await api.ok<unknown>(
        'GET',
        `/envs/${dev.id}/end-users/get-by-featureflag?featureFlagKey=${FLAG}&${range}&query=edge-insight-user`,
      );
      return JSON.stringify(page).includes('edge-insight-user');
    }, 30_000);
  });

  it('reports its status to central as FeatBit’s agent does', async () => {
    await waitUntil(async () => {
      const proxies = await api.ok<{ items: { autoAgents?: { status: string }[] }[] }>(
        'GET',
        '/relay-proxies?pageIndex=0&pageSize=10',
      );
      const agents = proxies.items.flatMap((p) => p.autoAgents ?? []);
      return agents.some(
        (agent) => (JSON.parse(agent.status) as { syncState?: string }).syncState === 'Stable',
      );
    }, 30_000);
  });

  it('keeps serving with central down, accepts new SDKs, and serves a restarted edge from disk', async () => {
    await central!.stop('SIGKILL');
    central = null;
    expect(await flagValue(sdks[0])).toBe(false);
    const fresh = await connect(edges[0]!);
    expect(await flagValue(fresh)).toBe(false);

    await edges[1]!.stop();
    edges[1] = await startEdge(1);
    const restarted = await connect(edges[1]);
    expect(await flagValue(restarted)).toBe(false);
  });

  it('catches up when central is back: a change made then reaches both edges', async () => {
    const logged = edges.map((e) => e!.logs().length);
    central = await startCentral();
    api = await signIn(central.baseUrl);
    // Both edges reconnect with back-off (at most about 30 s) and ask for a patch after their cursors.
    for (const [i, edge] of edges.entries()) {
      await waitUntil(
        () => edge!.logs().slice(logged[i]).includes('synchronised with the upstream'),
        60_000,
        `edge ${i} resynchronised`,
      );
    }
    const latency = await toggleAndWait(true, [sdks[0], sdks[3]]);
    console.log(`edge e2e: after central's restart a toggle reached both edges' SDKs in ${latency} ms`);
  });
});
