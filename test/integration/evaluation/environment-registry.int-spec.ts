import { Client } from 'pg';
import type { AppConfig } from '../../../src/config/app-config';
import { TOPICS } from '../../../src/core/ports/message-bus.port';
import type { SecretContext } from '../../../src/core/tenancy/tenancy';
import type { EnvConnection } from '../../../src/evaluation/environments/environment-state';
import { SecretResolver } from '../../../src/evaluation/auth/secret-resolver';
import { EnvironmentRegistry } from '../../../src/evaluation/environments/environment-registry';
import { NoneFlagCache } from '../../../src/infrastructure/cache/none/none-flag.cache';
import { createRedisFlagCache } from '../../../src/infrastructure/cache/redis/redis-flag.cache';
import {
  createPostgresDataStore,
  type PostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { silentLogger } from '../../../src/core/ports/logger.port';
import { createPgListenNotifier } from '../../../src/infrastructure/mq/postgres/pg-notifier';
import { createPostgresMessageBus } from '../../../src/infrastructure/mq/postgres/postgres-message.bus';
import { createPostgresQueueMessageRepository } from '../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';
import {
  createTestDatabase,
  TEST_POSTGRES_URL,
  type TestDatabase,
} from '../../e2e/support/postgres-database';
import {
  buildFlag,
  buildSegment,
  nextVersion,
  seedEnvironment,
  type SeededEnvironment,
} from '../../e2e/support/targeting-fixtures';

jest.setTimeout(60_000);

// The in-memory environments against real PostgreSQL storage and the PostgreSQL message queue:
// loading, change messages, and the resynchronisation after the bus lost its connection.

class Recorder implements EnvConnection {
  readonly kind = 'server' as const;
  readonly user = null;
  readonly userKeyJson = '""';
  readonly synced = true;
  readonly received: {
    eventType: string;
    featureFlags: { key: string; updatedAt: string }[];
    segments: { id: string }[];
  }[] = [];
  send(payload: Buffer | string): void {
    this.received.push(JSON.parse(payload.toString()).data);
  }
  clientPatchHead(): Buffer {
    throw new Error('a server connection gets no client pushes');
  }
  sendFrame(): void {
    throw new Error('a server connection gets no client pushes');
  }
  closed: number | null = null;
  close(code: number): void {
    this.closed = code;
  }
}

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Cuts the bus's listening connection (its application name) so that it reconnects. */
async function cutListener(appName: string): Promise<void> {
  const admin = new Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
      [appName],
    );
    expect(killed.rowCount).toBeGreaterThan(0);
  } finally {
    await admin.end();
  }
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('EnvironmentRegistry on PostgreSQL', () => {
  const APP_NAME = `eval-registry-${process.pid}`;
  let database: TestDatabase;
  let store: PostgresDataStore;
  let registry: EnvironmentRegistry;
  let bus: ReturnType<typeof createPostgresMessageBus>;
  let seeded: SeededEnvironment;
  let context: SecretContext;

  beforeAll(async () => {
    database = await createTestDatabase('eval_registry');
    store = createPostgresDataStore({ url: database.url, poolSize: 4 });
    await store.whenReady();
    const listenUrl = new URL(database.url);
    listenUrl.searchParams.set('application_name', APP_NAME);
    bus = createPostgresMessageBus({
      queue: createPostgresQueueMessageRepository(store.connection),
      notifier: createPgListenNotifier({ url: listenUrl.toString(), maxRetryDelayMs: 300 }),
      instanceId: 'registry-test',
    });
    const config = { evaluation: { missingAttribute: 'empty-string' } } as AppConfig;
    const cache = new NoneFlagCache();
    const secrets = new SecretResolver(store, cache);
    registry = new EnvironmentRegistry(store, cache, bus, config, secrets, silentLogger);
    registry.onApplicationBootstrap();
    await waitUntil(() => registry.health().ok, 10_000, 'readiness');
    seeded = await seedEnvironment(store);
    context = (await store.environments.findSecretContext(seeded.serverSecret))!;
  });

  afterAll(async () => {
    await registry?.onModuleDestroy();
    await bus?.close();
    await store?.close();
    await database?.drop();
  });

  it('loads an environment once, however many callers ask at the same time', async () => {
    const flag = buildFlag(seeded.env.id, 'loaded');
    await store.flags.create(flag);
    const states = await Promise.all([
      registry.acquire(context),
      registry.acquire(context),
      registry.acquire(context),
    ]);
    expect(new Set(states).size).toBe(1);
    expect(states[0].evaluator.getFlagByKey('loaded')).toEqual(flag);
    expect(registry.get(seeded.env.id)).toBe(states[0]);
  });

  it('applies published changes and pushes them to the connections of that environment only', async () => {
    const state = await registry.acquire(context);
    const other = await seedEnvironment(store, 'other');
    const otherState = await registry.acquire(
      (await store.environments.findSecretContext(other.serverSecret))!,
    );
    const here = new Recorder();
    const there = new Recorder();
    state.servers.add(here);
    otherState.servers.add(there);

    const flag = nextVersion(buildFlag(seeded.env.id, 'pushed'), {});
    await store.flags.create(flag);
    await bus.publish(TOPICS.flagChange, flag);
    await waitUntil(() => here.received.length === 1, 10_000, 'the push');
    expect(here.received[0]).toEqual({ eventType: 'patch', featureFlags: [flag], segments: [] });
    expect(state.evaluator.getFlagByKey('pushed')).toEqual(flag);

    // A replay of the same message changes nothing and pushes nothing.
    await bus.publish(TOPICS.flagChange, flag);
    await bus.publish(TOPICS.flagChange, { not: 'a flag' });
    const segment = buildSegment(seeded, 'seg', ['u1']);
    await store.segments.create(segment);
    await bus.publish(TOPICS.segmentChange, {
      segment: { ...segment, workspaceId: undefined },
      affectedFlagIds: [],
    });
    await waitUntil(() => here.received.length === 2, 10_000, 'the segment push');
    expect(here.received[1].segments.map((s) => s.id)).toEqual([segment.id]);
    expect(there.received).toEqual([]);
    state.servers.delete(here);
    otherState.servers.delete(there);
  });

  it('resynchronises loaded environments after the bus reconnects (changes missed meanwhile are pushed)', async () => {
    const state = await registry.acquire(context);
    const conn = new Recorder();
    state.servers.add(conn);
    const before = (await store.flags.findByKey(seeded.env.id, 'loaded'))!;
    const deleted = buildFlag(seeded.env.id, 'to-delete');
    await store.flags.create(deleted);
    await bus.publish(TOPICS.flagChange, deleted);
    await waitUntil(() => conn.received.length === 1, 10_000, 'the to-delete push');

    // Changes that were never announced (as if their messages had been lost), then the
    // listening connection drops: the reconnect must bring them in.
    const missed = nextVersion(before, { isEnabled: false });
    await store.flags.update(missed, before.revision);
    await store.flags.delete(deleted.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(conn.received).toHaveLength(1);
    await cutListener(APP_NAME);

    await waitUntil(() => conn.received.length >= 2, 15_000, 'the resync push');
    expect(conn.received[1]).toEqual({ eventType: 'patch', featureFlags: [missed], segments: [] });
    expect(state.evaluator.getFlagByKey('loaded')?.isEnabled).toBe(false);
    // Deleted flags are dropped from memory (SDKs learn at their next full sync, as with FeatBit).
    expect(state.evaluator.getFlagByKey('to-delete')).toBeUndefined();
    expect(
      JSON.parse(state.serverSync(0)!.toString()).data.featureFlags.map((f: { key: string }) => f.key),
    ).not.toContain('to-delete');
  });

  // The outage that cost the bus its messages can cost the cache its writes too: a populated
  // cache (the marker survived) that missed a change must not be what the resync believes.
  it('resynchronises from the database, not from a cache that still claims to be populated but missed the change', async () => {
    const cache = createRedisFlagCache({
      url: REDIS_URL,
      keyPrefix: `registry-${process.pid}-${Date.now().toString(36)}:featbit:`,
      maxRetryDelayMs: 200,
    });
    const cached = new EnvironmentRegistry(
      store,
      cache,
      bus,
      { evaluation: { missingAttribute: 'empty-string' } } as AppConfig,
      new SecretResolver(store, cache),
      silentLogger,
    );
    cached.onApplicationBootstrap();
    try {
      await waitUntil(() => cached.health().ok, 10_000, 'readiness');
      const flag = buildFlag(seeded.env.id, 'cache-stale');
      await store.flags.create(flag);
      // A second environment that no SDK has asked for yet, so the resync does not reload it.
      const other = await seedEnvironment(store, 'other');
      const otherContext = (await store.environments.findSecretContext(other.serverSecret))!;
      const otherFlag = buildFlag(other.env.id, 'cache-stale-other');
      await store.flags.create(otherFlag);
      // Populated from the database, as the populating process does at start-up.
      expect(
        await cache.populate(async (sink) => {
          for (const envId of [seeded.env.id, other.env.id])
            for (const f of await store.flags.listAll(envId)) await sink.upsertFlag(f);
        }),
      ).toBe(true);
      const state = await cached.acquire(context);
      expect(state.evaluator.getFlagByKey('cache-stale')?.isEnabled).toBe(flag.isEnabled);
      const conn = new Recorder();
      state.servers.add(conn);

      // Committed while the cache write and the message were both lost.
      const changed = nextVersion(flag, { isEnabled: !flag.isEnabled });
      await store.flags.update(changed, flag.revision);
      expect((await cache.getFlagsSince(seeded.env.id, 0))?.find((f) => f.id === flag.id)).toEqual(flag);
      const otherChanged = nextVersion(otherFlag, { isEnabled: !otherFlag.isEnabled });
      await store.flags.update(otherChanged, otherFlag.revision);
      await cutListener(APP_NAME);

      await waitUntil(
        () => conn.received.some((m) => m.featureFlags.some((f) => f.key === 'cache-stale')),
        15_000,
        'the resync push',
      );
      expect(state.evaluator.getFlagByKey('cache-stale')).toEqual(changed);
      // Loaded for the first time after the reconnect, before anything repaired the cache: it too
      // comes from the database, not from the stale cache.
      expect(
        (await cache.getFlagsSince(other.env.id, 0))?.find((f) => f.id === otherFlag.id)?.isEnabled,
      ).toBe(otherFlag.isEnabled);
      const otherState = await cached.acquire(otherContext);
      expect(otherState.evaluator.getFlagByKey('cache-stale-other')).toEqual(otherChanged);
    } finally {
      await cached.onModuleDestroy();
      await cache.close();
    }
  });
});
