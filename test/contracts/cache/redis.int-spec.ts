import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisFlagCache } from '../../../src/infrastructure/cache/redis/redis-flag.cache';
import { describeFlagCacheContract, makeFlag, makeSecret, makeSegment } from './flag-cache.contract';
import type { FlagCache } from '../../../src/core/ports/flag-cache.port';
import { createTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `cachetest-${process.pid}-${Date.now()}`;

function open(namespace: string): FlagCache {
  return createRedisFlagCache({
    url,
    keyPrefix: `${runPrefix}:${namespace}:featbit:`,
    populateLockTtlSeconds: 5,
    populateMaxWaitSeconds: 10,
    maxRetryDelayMs: 200,
  });
}

async function cleanup(): Promise<void> {
  const admin = new Redis(url);
  const keys = await admin.keys(`${runPrefix}:*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
}

describeFlagCacheContract('Redis', () =>
  Promise.resolve({
    createCache: open,
    createUnavailableCache: () =>
      createRedisFlagCache({ url: 'redis://:s3cret@127.0.0.1:1', maxRetryDelayMs: 200 }),
    teardown: cleanup,
  }),
);

/** Polls (up to 15 s) until the cache answers `expected` for the environment; callers assert after. */
async function untilFlags(cache: FlagCache, env: string, expected: unknown[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (
    JSON.stringify(await cache.getFlagsSince(env, 0)) !== JSON.stringify(expected) &&
    Date.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Redis cache: FeatBit key layout and recovery', () => {
  const admin = new Redis(url);
  const caches: FlagCache[] = [];
  const make = (namespace: string) => {
    const cache = open(namespace);
    caches.push(cache);
    return cache;
  };

  afterAll(async () => {
    await Promise.all(caches.map((c) => c.close()));
    await admin.quit();
    await cleanup();
  });

  it('writes the keys FeatBit reads', async () => {
    const ns = `layout-${randomUUID()}`;
    const p = `${runPrefix}:${ns}:featbit:`;
    const cache = make(ns);
    const env = randomUUID();
    const flag = makeFlag(env, '2024-05-01T10:00:00.123Z');
    const segment = makeSegment(env, '2024-05-01T10:00:01.000Z');
    const secret = makeSecret(env);
    expect(
      await cache.populate(async (sink) => {
        await sink.upsertFlag(flag);
        await sink.upsertSegment(env, segment);
        await sink.upsertSecret('the-secret', secret);
      }),
    ).toBe(true);

    expect(JSON.parse((await admin.get(`${p}flag:${flag.id}`))!)).toEqual(flag);
    expect(await admin.zrange(`${p}flag-index:${env}`, 0, -1, 'WITHSCORES')).toEqual([
      flag.id,
      String(Date.parse(flag.updatedAt)),
    ]);
    expect(JSON.parse((await admin.get(`${p}segment:${segment.id}`))!)).toEqual(segment);
    expect(await admin.zrange(`${p}segment-index:${env}`, 0, -1, 'WITHSCORES')).toEqual([
      segment.id,
      '1714557601000',
    ]);
    expect(await admin.hgetall(`${p}secret:the-secret`)).toEqual({
      type: 'server',
      organizationId: secret.organizationId,
      organizationKey: 'acme',
      projectId: secret.projectId,
      projectKey: 'web',
      envId: env,
      envKey: 'prod',
      workspaceId: secret.workspaceId,
    });
    expect(await admin.get(`${p}redis-is-populated`)).toBe('true');
    expect(await admin.exists(`${p}populate-redis`)).toBe(0);
  });

  it('answers null again once Redis lost its data, and the populating replica fills it again', async () => {
    const ns = `restart-${randomUUID()}`;
    const p = `${runPrefix}:${ns}:featbit:`;
    const api = make(ns);
    const reader = make(ns);
    const env = randomUUID();
    const flag = makeFlag(env, '2024-05-01T10:00:00.000Z');
    let loads = 0;
    await api.populate(async (sink) => {
      loads++;
      await sink.upsertFlag(flag);
    });
    expect(await reader.getFlagsSince(env, 0)).toEqual([flag]);

    // A Redis restart without persistence: the data and the marker are gone.
    const keys = await admin.keys(`${p}*`);
    await admin.del(...keys);
    expect(await reader.getFlagsSince(env, 0)).toBeNull();

    // Its connection drops too; when it is back, the API replica repopulates.
    const list = (await admin.client('LIST')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(`name=${p}cache`))
      .map((line) => /id=(\d+)/.exec(line)![1]);
    for (const id of ids) await admin.client('KILL', 'ID', id);
    const deadline = Date.now() + 15_000;
    while ((await reader.getFlagsSince(env, 0)) === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await reader.getFlagsSince(env, 0)).toEqual([flag]);
    expect(loads).toBe(2);
  }, 30_000);
});

describe('Redis cache: writes lost to an outage', () => {
  // The API replica talks to Redis through a proxy we can cut; readers connect directly.
  let proxy: TcpProxy | null = null;
  const startProxy = () => proxy!.start();
  const stopProxy = async () => proxy?.stop();
  const caches: FlagCache[] = [];
  const afterCleanups: Array<() => Promise<unknown>> = [];

  afterAll(async () => {
    await Promise.all(caches.map((c) => c.close()));
    await Promise.all(afterCleanups.map((c) => c()));
    await stopProxy();
    await cleanup();
  });

  it('marks itself stale, then drops the marker and repopulates when Redis is back', async () => {
    const target = new URL(url);
    proxy = await createTcpProxy(target.hostname, Number(target.port || 6379));
    await startProxy();
    const ns = `outage-${randomUUID()}`;
    const viaProxy = new URL(url);
    viaProxy.port = String(proxy.port);
    const api = createRedisFlagCache({
      url: viaProxy.toString(),
      keyPrefix: `${runPrefix}:${ns}:featbit:`,
      populateLockTtlSeconds: 5,
      populateMaxWaitSeconds: 10,
      maxRetryDelayMs: 200,
    });
    const reader = open(ns);
    caches.push(api, reader);
    const env = randomUUID();
    let current = makeFlag(env, '2024-05-01T10:00:00.000Z');
    expect(await api.populate((sink) => sink.upsertFlag(current))).toBe(true);
    expect(await reader.getFlagsSince(env, 0)).toEqual([current]);

    await stopProxy();
    // The database has the new version; the cache write is lost.
    current = { ...current, name: 'changed during the outage', updatedAt: '2024-05-01T10:05:00.000Z' };
    await expect(api.upsertFlag(current)).resolves.toBeUndefined();
    expect(await api.getFlagsSince(env, 0)).toBeNull();
    expect((await api.health()).ok).toBe(false);

    await startProxy();
    await untilFlags(reader, env, [current]);
    expect(await reader.getFlagsSince(env, 0)).toEqual([current]);
    expect(await api.getFlagsSince(env, 0)).toEqual([current]);
    expect((await api.health()).ok).toBe(true);
  }, 30_000);

  it('repairs itself after a write that failed while Redis stayed connected (no reconnect to wait for)', async () => {
    const ns = `failed-write-${randomUUID()}`;
    const p = `${runPrefix}:${ns}:featbit:`;
    const api = open(ns);
    const reader = open(ns);
    caches.push(api, reader);
    const admin = new Redis(url);
    afterCleanups.push(() => admin.quit());
    const env = randomUUID();
    let current = makeFlag(env, '2024-06-01T10:00:00.000Z');
    let stored = [current];
    expect(
      await api.populate(async (sink) => {
        for (const flag of stored) await sink.upsertFlag(flag);
      }),
    ).toBe(true);
    expect(await reader.getFlagsSince(env, 0)).toEqual([current]);

    // The write of the next version fails on a connected Redis (the index key has the wrong type),
    // as a write does whose failure arrives just after the connection's 'ready'.
    const indexKeys = await admin.keys(`${p}*${env}*`);
    expect(indexKeys.length).toBeGreaterThan(0);
    for (const key of indexKeys) await admin.del(key);
    for (const key of indexKeys) await admin.set(key, 'not a sorted set');
    current = { ...current, name: 'changed', updatedAt: '2024-06-01T10:05:00.000Z' };
    stored = [current];
    await expect(api.upsertFlag(current)).resolves.toBeUndefined();
    // Readers must not trust the cache any more, and the populating process fills it again once
    // the key is usable, without any reconnect.
    for (const key of indexKeys) await admin.del(key);
    await untilFlags(reader, env, [current]);
    expect(await reader.getFlagsSince(env, 0)).toEqual([current]);
  }, 30_000);
});
