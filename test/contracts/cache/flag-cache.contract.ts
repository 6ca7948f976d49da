// One contract for FlagCache adapters. A storing cache (Redis) must give back what was written;
// the null cache (none) must answer null everywhere so callers read the database.
import { randomUUID } from 'node:crypto';
import type { FlagCache } from '../../../src/core/ports/flag-cache.port';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import type { WireSegment } from '../../../src/core/segments/segment';
import type { SecretContext } from '../../../src/core/tenancy/tenancy';

export interface FlagCacheHarness {
  /** A cache as one replica would have it; caches given the same namespace share one store. */
  createCache(namespace: string): FlagCache;
  /** A cache whose server cannot be reached (with a password in its address). */
  createUnavailableCache?(): FlagCache;
  teardown?(): Promise<void>;
}

export function makeFlag(
  envId: string,
  updatedAt: string,
  overrides: Partial<FeatureFlag> = {},
): FeatureFlag {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    envId,
    revision: randomUUID(),
    name: `flag ${id}`,
    description: '',
    key: `flag-${id.slice(0, 8)}`,
    variationType: 'boolean',
    variations: [
      { id: 'v-true', name: 'on', value: 'true' },
      { id: 'v-false', name: 'off', value: 'false' },
    ],
    targetUsers: [],
    rules: [],
    isEnabled: true,
    disabledVariationId: 'v-false',
    fallthrough: {
      dispatchKey: null,
      includedInExpt: true,
      variations: [{ id: 'v-true', rollout: [0, 1], exptRollout: 1 }],
    },
    exptIncludeAllTargets: true,
    tags: [],
    isArchived: false,
    creatorId: 'u',
    updatorId: 'u',
    createdAt: updatedAt,
    updatedAt,
    ...overrides,
  };
}

export function makeSegment(envId: string, updatedAt: string, id = randomUUID()): WireSegment {
  return {
    id,
    envId,
    name: `segment ${id}`,
    key: `segment-${id.slice(0, 8)}`,
    description: '',
    included: ['alice'],
    excluded: [],
    rules: [],
    tags: [],
    isArchived: false,
    createdAt: updatedAt,
    updatedAt,
  };
}

export function makeSecret(envId: string): SecretContext {
  return {
    type: 'server',
    envId,
    envKey: 'prod',
    projectId: randomUUID(),
    projectKey: 'web',
    organizationId: randomUUID(),
    organizationKey: 'acme',
    workspaceId: randomUUID(),
  };
}

const T1 = '2024-05-01T10:00:00.100Z';
const T1_MS = Date.parse(T1);
const T2 = '2024-05-01T10:00:00.2005Z'; // sub-ms digits: the version is truncated to 200 ms

export function describeFlagCacheContract(name: string, makeHarness: () => Promise<FlagCacheHarness>): void {
  describe(`FlagCache contract: ${name}`, () => {
    let harness: FlagCacheHarness;
    let caches: FlagCache[] = [];
    let cache: FlagCache;
    let storing: boolean;
    const namespace = `ns-${randomUUID()}`;

    const open = (ns = namespace): FlagCache => {
      const created = harness.createCache(ns);
      caches.push(created);
      return created;
    };

    beforeAll(async () => {
      harness = await makeHarness();
    });

    afterAll(async () => {
      await harness?.teardown?.();
    });

    beforeEach(async () => {
      cache = open();
      storing = cache.enabled;
      // A storing cache answers only once populated (otherwise callers must ask the database).
      await cache.populate(() => Promise.resolve());
    });

    afterEach(async () => {
      const closing = caches;
      caches = [];
      await Promise.all(closing.map((c) => c.close()));
    });

    it('returns flags updated strictly after a version, per environment', async () => {
      const env = randomUUID();
      const other = randomUUID();
      const a = makeFlag(env, T1);
      const b = makeFlag(env, T2);
      await cache.upsertFlag(a);
      await cache.upsertFlag(b);
      await cache.upsertFlag(makeFlag(other, T2));
      if (!storing) {
        expect(await cache.getFlagsSince(env, 0)).toBeNull();
        return;
      }
      expect(sortById(await cache.getFlagsSince(env, 0))).toEqual(sortById([a, b]));
      // Strictly greater: a flag whose version equals the cursor is not sent again.
      expect(await cache.getFlagsSince(env, T1_MS)).toEqual([b]);
      expect(await cache.getFlagsSince(env, T1_MS - 1)).toHaveLength(2);
      expect(await cache.getFlagsSince(env, Date.parse(T2))).toEqual([]);
      expect(await cache.getFlagsSince(randomUUID(), 0)).toEqual([]);
    });

    it('replaces a flag on update and forgets it on removal', async () => {
      const env = randomUUID();
      const flag = makeFlag(env, T1);
      await cache.upsertFlag(flag);
      const updated = { ...flag, name: 'renamed', updatedAt: T2 };
      await cache.upsertFlag(updated);
      if (storing) {
        expect(await cache.getFlagsSince(env, 0)).toEqual([updated]);
        expect(await cache.getFlagsSince(env, T1_MS)).toEqual([updated]);
      }
      await cache.removeFlag(env, flag.id);
      expect(await cache.getFlagsSince(env, 0)).toEqual(storing ? [] : null);
    });

    it('serves a shared segment with each environment as its envId and removes it per environment', async () => {
      const [envA, envB] = [randomUUID(), randomUUID()];
      const segment = makeSegment(envA, T1);
      await cache.upsertSegment(envA, segment);
      await cache.upsertSegment(envB, { ...segment, envId: envB });
      if (!storing) {
        expect(await cache.getSegmentsSince(envA, 0)).toBeNull();
        return;
      }
      expect(await cache.getSegmentsSince(envA, 0)).toEqual([segment]);
      expect(await cache.getSegmentsSince(envB, 0)).toEqual([{ ...segment, envId: envB }]);
      expect(await cache.getSegmentsSince(envA, T1_MS)).toEqual([]);

      await cache.removeSegment(envA, segment.id);
      expect(await cache.getSegmentsSince(envA, 0)).toEqual([]);
      expect(await cache.getSegmentsSince(envB, 0)).toEqual([{ ...segment, envId: envB }]);
      await cache.removeSegment(envB, segment.id);
      expect(await cache.getSegmentsSince(envB, 0)).toEqual([]);
    });

    it('stores, replaces and removes secrets', async () => {
      const secret = `secret-${randomUUID()}`;
      const context = makeSecret(randomUUID());
      await cache.upsertSecret(secret, context);
      expect(await cache.getSecret(secret)).toEqual(storing ? context : null);
      const moved = { ...makeSecret(randomUUID()), type: 'client' as const };
      await cache.upsertSecret(secret, moved);
      expect(await cache.getSecret(secret)).toEqual(storing ? moved : null);
      await cache.removeSecret(secret);
      expect(await cache.getSecret(secret)).toBeNull();
      expect(await cache.getSecret(`missing-${randomUUID()}`)).toBeNull();
    });

    it('rejects a flag with an unreadable updatedAt and keeps what it had', async () => {
      const env = randomUUID();
      const flag = makeFlag(env, T1);
      await cache.upsertFlag(flag);
      if (!storing) return expect(await cache.getFlagsSince(env, 0)).toBeNull();
      await expect(cache.upsertFlag({ ...flag, updatedAt: 'yesterday' })).rejects.toThrow(/updatedAt/);
      expect(await cache.getFlagsSince(env, 0)).toEqual([flag]);
    });

    it('populates once across replicas: concurrent callers wait, the loader runs once', async () => {
      const fresh = `ns-${randomUUID()}`;
      const [first, second] = [open(fresh), open(fresh)];
      const env = randomUUID();
      const flag = makeFlag(env, T1);
      if (storing) {
        // Not populated yet: the cache cannot vouch for anything.
        expect(await first.getFlagsSince(env, 0)).toBeNull();
      }
      let loads = 0;
      const load = async (sink: FlagCache) => {
        loads++;
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sink.upsertFlag(flag);
      };
      const results = await Promise.all([first.populate(load), second.populate(load), first.populate(load)]);
      if (!storing) {
        expect(loads).toBe(0);
        expect(results).toEqual([false, false, false]);
        return;
      }
      expect(loads).toBe(1);
      // One replica did the work; a second call on the same replica shares its outcome.
      expect([results[0], results[1]].filter(Boolean)).toHaveLength(1);
      expect(results[2]).toBe(results[0]);
      expect(await second.getFlagsSince(env, 0)).toEqual([flag]);
      // Later start-ups find the marker and load nothing.
      expect(await open(fresh).populate(load)).toBe(false);
      expect(loads).toBe(1);
    });

    it('reports health and its enabled state', async () => {
      expect(typeof cache.healthName).toBe('string');
      expect((await cache.health()).ok).toBe(true);
      expect(typeof cache.enabled).toBe('boolean');
    });

    it('unavailable server: reads answer null, writes do not throw, health says why without credentials', async () => {
      if (!harness.createUnavailableCache) {
        // The none cache has no server: it is always "available" and always answers null.
        expect(await cache.getFlagsSince(randomUUID(), 0)).toBeNull();
        return;
      }
      const down = harness.createUnavailableCache();
      caches.push(down);
      const env = randomUUID();
      await expect(down.upsertFlag(makeFlag(env, T1))).resolves.toBeUndefined();
      expect(await down.getFlagsSince(env, 0)).toBeNull();
      expect(await down.getSegmentsSince(env, 0)).toBeNull();
      expect(await down.getSecret('anything')).toBeNull();
      const status = await down.health();
      expect(status.ok).toBe(false);
      expect(status.detail ?? '').not.toMatch(/s3cret/);
    });
  });
}

function sortById<T extends { id: string }>(items: T[] | null): T[] | null {
  return items ? [...items].sort((x, y) => x.id.localeCompare(y.id)) : null;
}
