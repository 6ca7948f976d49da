import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import { type ManagementClient, signIn } from '../support/management-client';
import { type RunningProduct, startProduct } from '../support/product';

jest.setTimeout(300_000);

// Issue 19's proof for flag triggers on the built product: a trigger URL, called with no other
// credential, switches a flag and the official node SDK serves the new value within 1 s.

describe('flag triggers with the official node SDK', () => {
  let product: RunningProduct;
  let api: ManagementClient;
  let envId: string;
  let sdk: IFbClient;

  beforeAll(async () => {
    product = await startProduct();
    api = await signIn(product.baseUrl);
    const env = await api.environment('dev');
    envId = env.id;
    sdk = new FbClientBuilder()
      .sdkKey(env.secrets.find((s) => s.type === 'server')!.value)
      .streamingUri(product.wsUrl)
      .eventsUri(product.baseUrl)
      .startWaitTime(30_000)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
  });

  afterAll(async () => {
    await sdk?.close();
    await product?.stop();
  });

  const user = new UserBuilder('on-call').name('On call').build();

  async function trigger(flagId: string, action: string): Promise<string> {
    const created = await api.ok<{ token: string }>('POST', '/triggers', {
      targetId: flagId,
      type: 'feature-flag-general',
      action,
      description: `Monitoring: ${action}`,
    });
    return created.token;
  }

  /** Calls the trigger URL as a monitoring tool would, and answers how long until the SDK sees `want`. */
  async function runAndWait(token: string, want: boolean): Promise<number> {
    const started = Date.now();
    const res = await fetch(`${product.baseUrl}/api/v1/triggers/run/${token}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: true, data: true });
    while (Date.now() - started < 5000) {
      if ((await sdk.boolVariation('kill-switch', user, !want)) === want) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    return Number.POSITIVE_INFINITY;
  }

  it('switches a flag through its trigger URL and the SDK sees it within 1 s', async () => {
    const flag = await api.createFlag(envId, {
      key: 'kill-switch',
      variationType: 'boolean',
      values: ['true', 'false'],
      isEnabled: false,
    });
    await new Promise((r) => setTimeout(r, 300)); // the SDK has the new flag
    expect(await sdk.boolVariation('kill-switch', user, true)).toBe(false);
    const on = await trigger(flag.id, 'turn-on');
    const off = await trigger(flag.id, 'turn-off');

    const turnedOn = await runAndWait(on, true);
    const turnedOff = await runAndWait(off, false);
    process.stdout.write(`trigger to SDK: on ${turnedOn} ms, off ${turnedOff} ms\n`);
    expect(turnedOn).toBeLessThan(1000);
    expect(turnedOff).toBeLessThan(1000);

    const listed = await api.ok<{ token: string; triggeredTimes: number }[]>(
      'GET',
      `/triggers?targetId=${flag.id}`,
    );
    expect(listed.map((t) => t.triggeredTimes)).toEqual([1, 1]);
    expect(listed.every((t) => t.token !== on && t.token !== off)).toBe(true);
  });
});
