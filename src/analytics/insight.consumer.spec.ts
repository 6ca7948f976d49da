import type { AppConfig } from '../config/app-config';
import type { FlagUsageDelta } from '../core/insights/flag-usage';
import type { InsightEvent } from '../core/insights/insight-event';
import { insightMessage } from '../core/messages/insight.message';
import type { AnalyticsStore } from '../core/ports/analytics-store.port';
import type { DataStore } from '../core/ports/data-store.port';
import { silentLogger } from '../core/ports/logger.port';
import type { BusMessage, MessageBus } from '../core/ports/message-bus.port';
import { TOPICS } from '../core/ports/message-bus.port';
import type { ReadinessService } from '../infrastructure/health/readiness.service';
import { InsightConsumer } from './insight.consumer';

// The insight consumer's two competing subscriptions: batches are parsed and acknowledged side by
// side, but the store and flag-usage writes stay one at a time (ClickHouse's uuid look-up must see
// every earlier insert; usage upserts must not race each other).

function event(i: number): InsightEvent {
  return {
    uuid: `u-${i}`,
    distinctId: 'env-flag',
    envId: 'env',
    event: 'FlagValue',
    properties: '{}',
    timestamp: 1_700_000_000_000_000 + i,
  };
}

const batch = (from: number, n: number): BusMessage[] =>
  Array.from({ length: n }, (_, k) => ({
    id: String(from + k),
    topic: TOPICS.insights,
    payload: insightMessage(event(from + k)),
  }));

/** A write that records how many run at once and waits until released. */
function gatedWrites<T>() {
  const calls: T[] = [];
  let running = 0;
  let maxRunning = 0;
  const gates: (() => void)[] = [];
  const write = async (items: T) => {
    calls.push(items);
    maxRunning = Math.max(maxRunning, ++running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running--;
  };
  return { calls, write, gates, maxRunning: () => maxRunning };
}

function consumer(mq = 'postgres') {
  const writes = gatedWrites<readonly InsightEvent[]>();
  const usage = gatedWrites<readonly FlagUsageDelta[]>();
  const subscriptions: { topic: string; unsubscribe: jest.Mock }[] = [];
  const bus = {
    consume: jest.fn((topic: string) => {
      const unsubscribe = jest.fn(() => Promise.resolve());
      subscriptions.push({ topic, unsubscribe });
      return Promise.resolve({ unsubscribe });
    }),
  } as unknown as MessageBus;
  const store = {
    whenReady: () => Promise.resolve(),
    flagUsage: { record: usage.write },
  } as unknown as DataStore;
  const analytics = {
    writeEvents: async (events: readonly InsightEvent[]) => {
      await writes.write(events);
      return { inserted: events.length };
    },
  } as unknown as AnalyticsStore;
  const config = {
    analytics: { provider: 'primary', flushSize: 100 },
    mq: { provider: mq },
  } as unknown as AppConfig;
  const readiness = { register: jest.fn() } as unknown as ReadinessService;
  const c = new InsightConsumer(bus, store, analytics, config, silentLogger, readiness);
  return { c, writes, usage, subscriptions };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InsightConsumer', () => {
  it('subscribes twice to the insights topic (not Kafka) and unsubscribes both on shutdown', async () => {
    const { c, subscriptions } = consumer();
    c.onApplicationBootstrap();
    await tick();
    expect(subscriptions.map((s) => s.topic)).toEqual([TOPICS.insights, TOPICS.insights]);
    await c.onModuleDestroy();
    for (const s of subscriptions) expect(s.unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('keeps one member in the Kafka consumer group', async () => {
    const { c, subscriptions } = consumer('kafka');
    c.onApplicationBootstrap();
    await tick();
    expect(subscriptions).toHaveLength(1);
    await c.onModuleDestroy();
  });

  it('writes concurrent batches one at a time and acknowledges each after its own write', async () => {
    const { c, writes, usage } = consumer();
    let firstDone = false;
    let secondDone = false;
    const first = c.handle(batch(0, 3)).then(() => (firstDone = true));
    const second = c.handle(batch(3, 2)).then(() => (secondDone = true));
    await tick();
    // The second batch waits for the first write, in both writers.
    expect(writes.calls.map((e) => e.length)).toEqual([3]);
    expect(usage.calls).toHaveLength(1);
    writes.gates.shift()!();
    usage.gates.shift()!();
    await first;
    expect(firstDone && !secondDone).toBe(true);
    await tick();
    expect(writes.calls.map((e) => e.map((x) => x.uuid))).toEqual([
      ['u-0', 'u-1', 'u-2'],
      ['u-3', 'u-4'],
    ]);
    writes.gates.shift()!();
    usage.gates.shift()!();
    await second;
    expect(writes.maxRunning()).toBe(1);
    expect(usage.maxRunning()).toBe(1);
    // One delta per flag per write: the group is folded again, never two rows for one flag.
    expect(usage.calls.map((d) => d.map((x) => `${x.flagKey}:${x.firstMs}-${x.lastMs}`))).toEqual([
      ['flag:1700000000000-1700000000000'],
      ['flag:1700000000000-1700000000000'],
    ]);
  });
});
