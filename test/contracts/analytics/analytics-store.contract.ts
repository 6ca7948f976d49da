import { randomUUID } from 'node:crypto';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type { AnalyticsStore } from '../../../src/core/ports/analytics-store.port';

export interface AnalyticsHarness {
  store: AnalyticsStore;
  /** Waits until the store is usable (schema created). */
  ready(): Promise<void>;
}

function event(envId: string, timestampUs: number, overrides: Partial<InsightEvent> = {}): InsightEvent {
  return {
    uuid: randomUUID(),
    distinctId: `${envId}-flag`,
    envId,
    event: 'FlagValue',
    properties: JSON.stringify({ featureFlagKey: 'flag', variationId: 'v1', userKeyId: 'u1' }),
    timestamp: timestampUs,
    ...overrides,
  };
}

/** Behaviour every AnalyticsStore adapter shares (primary database, ClickHouse). */
export function describeAnalyticsStoreContract(name: string, open: () => Promise<AnalyticsHarness>): void {
  describe(`AnalyticsStore contract: ${name}`, () => {
    let harness: AnalyticsHarness;

    beforeAll(async () => {
      harness = await open();
      await harness.ready();
    }, 120_000);

    afterAll(async () => {
      await harness?.store.close();
    });

    it('reports healthy once ready', async () => {
      expect(await harness.store.health()).toEqual({ ok: true });
    });

    it('counts written events per environment and time window', async () => {
      const env = randomUUID();
      const other = randomUUID();
      const base = 1_790_000_000_000_000; // µs
      await harness.store.writeEvents([
        event(env, base),
        event(env, base + 1_000_000),
        event(env, base + 2_000_000, { event: 'CustomEvent', distinctId: 'checkout' }),
        event(other, base),
      ]);
      expect(await harness.store.countEvents(env)).toBe(3);
      expect(await harness.store.countEvents(other)).toBe(1);
      expect(await harness.store.countEvents(env, base + 1_000_000)).toBe(2);
      expect(await harness.store.countEvents(env, base, base + 2_000_000)).toBe(2);
      expect(await harness.store.countEvents(randomUUID())).toBe(0);
    });

    it('does not count a re-delivered event twice', async () => {
      const env = randomUUID();
      const batch = [event(env, 1_790_000_000_000_000), event(env, 1_790_000_001_000_000)];
      await harness.store.writeEvents(batch);
      await harness.store.writeEvents(batch);
      await harness.store.writeEvents([batch[0]]);
      expect(await harness.store.countEvents(env)).toBe(2);
    });

    it('writes a large batch in one call', async () => {
      const env = randomUUID();
      const batch = Array.from({ length: 25_000 }, (_, i) => event(env, 1_790_000_000_000_000 + i));
      await harness.store.writeEvents(batch);
      expect(await harness.store.countEvents(env)).toBe(25_000);
    }, 60_000);

    it('keeps strings with quotes and backslashes intact in filters', async () => {
      const env = `env'with\\odd"chars`;
      await harness.store.writeEvents([event(env, 1_790_000_000_000_000)]);
      expect(await harness.store.countEvents(env)).toBe(1);
    });
  });
}
