import { MongoClient } from 'mongodb';
import { signIn } from '../support/management-client';
import { InsightLoad } from './support/insight-load';
import { startPrivateRedis, type PrivateRedis } from './support/private-servers';
import { SdkFleet } from './support/sdk-fleet';
import { SplitDeployment } from './support/split-deployment';

jest.setTimeout(240_000);

// Boot smoke on MongoDB's wire protocol (FerretDB: no change streams, no transactions, as a
// standalone mongod) with MQ_PROVIDER=redis: api, evaluation and analytics as separate processes.

const MONGO_URL = process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017';

describe('split roles on MongoDB, MQ_PROVIDER=redis, CACHE_PROVIDER=none', () => {
  const database = `split_mongo_${process.pid}_${Date.now()}`;
  let redis: PrivateRedis;
  let deployment: SplitDeployment;
  let fleet: SdkFleet | undefined;

  beforeAll(async () => {
    redis = await startPrivateRedis({ appendOnly: false });
    deployment = await SplitDeployment.start({
      evaluations: 1,
      env: {
        DB_PROVIDER: 'mongodb',
        MONGO_URL,
        MONGO_DATABASE: database,
        MQ_PROVIDER: 'redis',
        REDIS_URL: redis.url,
        CACHE_PROVIDER: 'none',
      },
    });
  });

  afterAll(async () => {
    await fleet?.close();
    await deployment?.stop();
    await redis?.stop();
    const client = new MongoClient(MONGO_URL);
    await client.connect();
    await client
      .db(database)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
  });

  it('an SDK on the evaluation process sees a change made through the api process, and tracked events reach the database', async () => {
    const api = await signIn(deployment.api.baseUrl);
    const env = await api.environment('dev');
    const secret = env.secrets.find((s) => s.type === 'server')!.value;
    const flag = await api.createFlag(env.id, {
      key: 'mongo-smoke',
      variationType: 'string',
      values: ['off', 'on'],
    });
    fleet = await SdkFleet.connect(deployment.evaluations, secret);
    await fleet.waitForValue('mongo-smoke', 'off', 20_000);
    await api.updateTargeting(env.id, 'mongo-smoke', {
      fallthrough: {
        dispatchKey: null,
        includedInExpt: false,
        variations: [{ id: flag.variations[1].id, rollout: [0, 1], exptRollout: 1 }],
      },
    });
    await fleet.waitForValue('mongo-smoke', 'on', 20_000);
    expect(fleet.connections()).toEqual([{ opened: 1, closed: 0 }]);

    const load = new InsightLoad(deployment.evaluations, secret, `mongo-${Date.now().toString(36)}`);
    await load.send('smoke', 200, 2);
    const client = new MongoClient(MONGO_URL);
    await client.connect();
    try {
      const events = client.db(database).collection('Events');
      const filter = { distinctId: { $regex: `^${load.prefix}-` } };
      const deadline = Date.now() + 30_000;
      let count = 0;
      while (Date.now() < deadline && (count = await events.countDocuments(filter)) < 200) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(count).toBe(200);
      const names = (await events.find(filter).toArray()).map((e) => e.distinctId as string);
      expect(new Set(names).size).toBe(200);
    } finally {
      await client.close();
    }
  });
});
