import { FbClientBuilder, type IFbClient, UserBuilder } from '@featbit/node-server-sdk';
import { type ManagementClient, signIn } from '../support/management-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { type RunningProduct, startProduct } from '../support/product';

jest.setTimeout(300_000);

// Issue 19's proof for scheduled changes on the built product: two api replicas on one PostgreSQL
// database both poll the durable job queue; a schedule made through one of them is applied once (one
// ApplyFlagSchedule audit entry, by the person who scheduled it) and the official node SDK, connected
// to the other, serves the new value.

describe('scheduled changes with two api replicas and the official node SDK', () => {
  let database: TestDatabase;
  let first: RunningProduct;
  let second: RunningProduct;
  let viaSecond: ManagementClient;
  let sdk: IFbClient;
  let envId: string;

  beforeAll(async () => {
    database = await createTestDatabase('schedule_replicas');
    const env = {
      DB_PROVIDER: 'postgres',
      POSTGRES_URL: database.url,
      MQ_PROVIDER: 'postgres',
      JWT_SECRET: 'schedule-replicas-e2e-jwt-secret-0123456789',
      JOB_POLL_INTERVAL_MS: '200',
    };
    first = await startProduct({ roles: 'all', env });
    second = await startProduct({ roles: 'api', env });
    viaSecond = await signIn(second.baseUrl);
    const environment = await viaSecond.environment('dev');
    envId = environment.id;
    sdk = new FbClientBuilder()
      .sdkKey(environment.secrets.find((s) => s.type === 'server')!.value)
      .streamingUri(first.wsUrl)
      .eventsUri(first.baseUrl)
      .startWaitTime(30_000)
      .logLevel('warn')
      .build();
    await sdk.waitForInitialization();
  });

  afterAll(async () => {
    await sdk?.close();
    await second?.stop();
    await first?.stop();
    await database?.drop();
  });

  it('applies the schedule once and the SDK serves the change', async () => {
    const flag = await viaSecond.createFlag(envId, {
      key: 'launch-banner',
      variationType: 'boolean',
      values: ['true', 'false'],
      isEnabled: false,
    });
    const at = Date.now() + 2500;
    await viaSecond.ok('POST', `/envs/${envId}/feature-flags/launch-banner/schedules`, {
      revision: flag.revision,
      isEnabled: true,
      title: 'Launch at noon',
      scheduledTime: new Date(at).toISOString(),
      withChangeRequest: false,
    });
    const user = new UserBuilder('visitor').build();
    expect(await sdk.boolVariation('launch-banner', user, false)).toBe(false);
    let seenAt = 0;
    while (Date.now() < at + 15_000) {
      if (await sdk.boolVariation('launch-banner', user, false)) {
        seenAt = Date.now();
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seenAt).toBeGreaterThanOrEqual(at);
    // Within the 10 s of the scheduled time (polling every 200 ms here).
    expect(seenAt - at).toBeLessThan(10_000);
    // Both replicas keep polling; give them a few more rounds to (wrongly) apply it again.
    await new Promise((r) => setTimeout(r, 1000));
    const audit = await viaSecond.ok<{ items: { operation: string; creatorId: string }[] }>(
      'GET',
      `/envs/${envId}/audit-logs?refId=${flag.id}&pageSize=50`,
    );
    const applied = audit.items.filter((a) => a.operation === 'ApplyFlagSchedule');
    expect(applied).toHaveLength(1);
    const me = await viaSecond.ok<{ id: string }>('GET', '/user/profile');
    expect(applied[0].creatorId).toBe(me.id);
    expect(await viaSecond.ok('GET', `/envs/${envId}/feature-flags/launch-banner/pending-changes`)).toEqual(
      [],
    );
  });
});
