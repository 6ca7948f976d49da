/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON */
import { signIn } from '../support/management-client';
import { createTestDatabase, type TestDatabase } from '../support/postgres-database';
import { SplitDeployment } from './support/split-deployment';

jest.setTimeout(300_000);

// A flag deleted through the api process disappears from a separate evaluation process's memory
// (MQ_PROVIDER=postgres, no cache): the removal travels through the queue, no restart needed.

describe('split roles: a deleted flag leaves the evaluation process (MQ_PROVIDER=postgres)', () => {
  let database: TestDatabase;
  let deployment: SplitDeployment;

  beforeAll(async () => {
    database = await createTestDatabase('split_removals');
    deployment = await SplitDeployment.start({
      env: {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: database.url,
        MQ_PROVIDER: 'postgres',
        CACHE_PROVIDER: 'none',
      },
      evaluations: 1,
    });
  });

  afterAll(async () => {
    await deployment?.stop();
    await database?.drop();
  });

  it('drops the flag from latest-all without a restart', async () => {
    const api = await signIn(deployment.api.baseUrl);
    const env = await api.environment('dev');
    const secret = env.secrets.find((s) => s.type === 'server')!.value;
    const evaluation = deployment.evaluations[0];
    // A patch from the beginning of time lists every flag held in memory, archived ones included.
    const held = async (timestamp = 1): Promise<any[]> => {
      const res = await fetch(
        `${evaluation.baseUrl}/api/public/sdk/server/latest-all?timestamp=${timestamp}`,
        {
          headers: { authorization: secret },
        },
      );
      expect(res.status).toBe(200);
      const text = await res.text();
      return text === '' ? [] : (JSON.parse(text).data.featureFlags as any[]); // empty patch: empty body
    };
    const keys = async (): Promise<string[]> => (await held()).map((f) => f.key as string);
    const doomed = await api.createFlag(env.id, {
      key: 'split-doomed',
      variationType: 'boolean',
      values: ['true', 'false'],
    });
    await eventually(async () => (await keys()).includes('split-doomed'), 'the flag to be served');

    await api.ok('PUT', `/envs/${env.id}/feature-flags/split-doomed/archive`, {});
    await eventually(
      async () => (await held()).some((f) => f.id === doomed.id && f.isArchived === true),
      'the archived flag in patches',
    );
    await api.ok('DELETE', `/envs/${env.id}/feature-flags/split-doomed`, {});
    await eventually(
      async () => !(await held()).some((f) => f.id === doomed.id),
      'the deleted flag to leave the evaluation process',
    );
    await api.ok('POST', `/envs/${env.id}/feature-flags`, {
      name: 'split-doomed',
      key: 'split-doomed',
      isEnabled: true,
      variationType: 'boolean',
      variations: [
        { id: 'a0000000-0000-4000-8000-000000000001', name: 'A', value: 'true' },
        { id: 'a0000000-0000-4000-8000-000000000002', name: 'B', value: 'false' },
      ],
      enabledVariationId: 'a0000000-0000-4000-8000-000000000001',
      disabledVariationId: 'a0000000-0000-4000-8000-000000000002',
      tags: [],
    });
    // Exactly one flag with the key: the deleted one is gone, the new one is served.
    await eventually(
      async () => (await keys()).filter((k) => k === 'split-doomed').length === 1,
      'exactly one flag with the re-created key',
    );
    expect((await held(0)).filter((f) => f.key === 'split-doomed').map((f) => f.isArchived)).toEqual([false]);
  });
});

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
