// One contract for every MessageBus adapter. Each runner supplies a harness that creates buses the
// way separate processes would (own connections), so "N subscribers" are N instances.
import { RawJson } from '../../../src/core/messages/raw-json';
import { TOPICS, type BusMessage, type MessageBus } from '../../../src/core/ports/message-bus.port';

export interface MessageBusHarness {
  /** A bus as another process would have it. */
  createBus(instanceId: string): Promise<MessageBus>;
  /** Upper bound for an unacknowledged job to reach another consumer (visibility timeout + slack). */
  redeliveryWithinMs: number;
  /** Cut this bus's broker connection(s) from outside; omitted when there is nothing to cut. */
  disconnect?(instanceId: string): Promise<void>;
  /** A bus whose broker cannot be reached (wrong port), with a password in its address. */
  createUnreachableBus?(): Promise<MessageBus>;
  teardown?(): Promise<void>;
}

export interface ContractOptions {
  /** Per-case timeout (ms). */
  timeoutMs?: number;
  /** Messages in the throughput case. */
  volume?: number;
  /**
   * Whether a broker sits behind the bus. Without one (in-process) the outage and reconnect cases
   * do not apply: nothing can be cut or be unreachable, so they are not registered.
   */
  broker?: boolean;
}

export async function waitFor(
  what: string,
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Job {
  n: number;
  run: string;
}

export function describeMessageBusContract(
  name: string,
  makeHarness: () => Promise<MessageBusHarness>,
  options: ContractOptions = {},
): void {
  const timeout = options.timeoutMs ?? 30_000;
  const volume = options.volume ?? 1_000;
  const broker = options.broker ?? true;
  const slack = 30_000;
  const brokerIt = broker ? it : it.skip; // skipped only for the in-process bus: it has no broker

  describe(`MessageBus contract: ${name}`, () => {
    let harness: MessageBusHarness;
    let buses: MessageBus[] = [];
    let counter = 0;
    // Each case uses its own run tag so leftovers of an earlier case are ignored.
    let run = '';

    const bus = async (label: string): Promise<MessageBus> => {
      const created = await harness.createBus(`${label}-${++counter}`);
      buses.push(created);
      return created;
    };
    const mine = (message: BusMessage): boolean => (message.payload as Job | null)?.run === run;

    beforeAll(async () => {
      harness = await makeHarness();
    }, 60_000);

    afterAll(async () => {
      await harness?.teardown?.();
    }, 60_000);

    beforeEach(() => {
      run = `run-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    });

    afterEach(async () => {
      const closing = buses;
      buses = [];
      await Promise.all(closing.map((b) => b.close().catch(() => undefined)));
    }, 60_000);

    it(
      'delivers a broadcast to every subscriber instance, each exactly once',
      async () => {
        const received: BusMessage[][] = [[], [], []];
        const subscribers = await Promise.all([bus('sub'), bus('sub'), bus('sub')]);
        await Promise.all(
          subscribers.map((b, i) =>
            b.subscribe(TOPICS.flagChange, (m) => {
              if (mine(m)) received[i].push(m);
            }),
          ),
        );
        const publisher = await bus('pub');
        await publisher.publish(TOPICS.flagChange, { n: 1, run });
        await publisher.publish(TOPICS.flagChange, { n: 2, run });

        await waitFor('every subscriber to get both messages', () =>
          received.every((list) => list.length >= 2),
        );
        await sleep(300); // would reveal duplicates
        for (const list of received) {
          expect(list.map((m) => (m.payload as Job).n)).toEqual([1, 2]);
          expect(
            list.every((m) => m.topic === TOPICS.flagChange && typeof m.id === 'string' && m.id !== ''),
          ).toBe(true);
        }
      },
      timeout,
    );

    it(
      'keeps broadcast topics apart',
      async () => {
        const flags: unknown[] = [];
        const segments: unknown[] = [];
        const removals: unknown[] = [];
        const subscriber = await bus('sub');
        await subscriber.subscribe(TOPICS.flagChange, (m) => void (mine(m) && flags.push(m.payload)));
        await subscriber.subscribe(TOPICS.segmentChange, (m) => void (mine(m) && segments.push(m.payload)));
        await subscriber.subscribe(TOPICS.removal, (m) => void (mine(m) && removals.push(m.payload)));
        const publisher = await bus('pub');
        await publisher.publish(TOPICS.segmentChange, { n: 7, run });
        await publisher.publish(TOPICS.flagChange, { n: 8, run });
        // Deletions travel their own broadcast topic on every provider.
        await publisher.publish(TOPICS.removal, { n: 9, run });
        await waitFor(
          'every broadcast topic',
          () => flags.length === 1 && segments.length === 1 && removals.length === 1,
        );
        expect(flags).toEqual([{ n: 8, run }]);
        expect(segments).toEqual([{ n: 7, run }]);
        expect(removals).toEqual([{ n: 9, run }]);
      },
      timeout,
    );

    it(
      'publishes pre-serialized JSON (RawJson) as the value it encodes',
      async () => {
        const received: unknown[] = [];
        const subscriber = await bus('sub');
        await subscriber.subscribe(TOPICS.flagChange, (m) => void (mine(m) && received.push(m.payload)));
        const publisher = await bus('pub');
        // The outbox relay's case: the row's JSON text goes out as it is.
        await publisher.publish(TOPICS.flagChange, new RawJson(`{"run":${JSON.stringify(run)},"n":10}`));
        await waitFor('the pre-serialized broadcast', () => received.length === 1);
        expect(received).toEqual([{ run, n: 10 }]);
      },
      timeout,
    );

    it(
      'delivers broadcasts to one subscriber in publish order',
      async () => {
        const seen: number[] = [];
        const subscriber = await bus('sub');
        await subscriber.subscribe(TOPICS.segmentChange, async (m) => {
          if (!mine(m)) return;
          // An asynchronous handler must still finish one message before the next starts.
          await sleep(Math.random() < 0.1 ? 5 : 0);
          seen.push((m.payload as Job).n);
        });
        const publisher = await bus('pub');
        for (let n = 0; n < 100; n++) await publisher.publish(TOPICS.segmentChange, { n, run });
        await waitFor('100 messages', () => seen.length >= 100);
        expect(seen).toEqual(Array.from({ length: 100 }, (_, n) => n));
      },
      timeout,
    );

    it(
      'hands each job to exactly one of several consumers',
      async () => {
        const byConsumer: number[][] = [[], [], []];
        const consumers = await Promise.all([bus('worker'), bus('worker'), bus('worker')]);
        await Promise.all(
          consumers.map((b, i) =>
            b.consume(TOPICS.endUsers, async (messages) => {
              for (const m of messages) if (mine(m)) byConsumer[i].push((m.payload as Job).n);
              await sleep(10);
            }),
          ),
        );
        const producer = await bus('producer');
        const jobs = Array.from({ length: 60 }, (_, n) => ({ n, run }));
        await producer.enqueue(TOPICS.endUsers, jobs.slice(0, 30));
        await producer.enqueue(TOPICS.endUsers, jobs.slice(30));

        const total = () => byConsumer.reduce((sum, list) => sum + list.length, 0);
        await waitFor('60 jobs', () => total() >= 60);
        await sleep(500);
        const all = byConsumer.flat().sort((a, b) => a - b);
        expect(all).toEqual(jobs.map((j) => j.n));
      },
      timeout,
    );

    it(
      'keeps job topics apart and respects the batch size',
      async () => {
        const insights: number[] = [];
        const batchSizes: number[] = [];
        const consumer = await bus('worker');
        await consumer.consume(
          TOPICS.insights,
          (messages) => {
            const ours = messages.filter(mine);
            if (ours.length > 0) batchSizes.push(messages.length);
            insights.push(...ours.map((m) => (m.payload as Job).n));
            return Promise.resolve();
          },
          { batchSize: 5 },
        );
        const producer = await bus('producer');
        await producer.enqueue(TOPICS.usage, [{ n: -1, run }]);
        await producer.enqueue(
          TOPICS.insights,
          Array.from({ length: 12 }, (_, n) => ({ n, run })),
        );
        await waitFor('12 insights', () => insights.length >= 12);
        expect([...insights].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n));
        expect(Math.max(...batchSizes)).toBeLessThanOrEqual(5);
      },
      timeout,
    );

    it(
      'redelivers a job whose handler threw',
      async () => {
        const attempts = new Map<number, number>();
        const done = new Set<number>();
        const ids = new Map<number, Set<string>>();
        const consumer = await bus('worker');
        await consumer.consume(TOPICS.usage, (messages) => {
          const ours = messages.filter(mine);
          for (const m of ours) {
            const n = (m.payload as Job).n;
            attempts.set(n, (attempts.get(n) ?? 0) + 1);
            ids.set(n, (ids.get(n) ?? new Set()).add(m.id));
          }
          // The batch holding job 3 fails the first time it is seen.
          if (ours.some((m) => (m.payload as Job).n === 3 && attempts.get(3) === 1)) {
            return Promise.reject(new Error('transient failure'));
          }
          for (const m of ours) done.add((m.payload as Job).n);
          return Promise.resolve();
        });
        const producer = await bus('producer');
        await producer.enqueue(
          TOPICS.usage,
          Array.from({ length: 5 }, (_, n) => ({ n, run })),
        );
        await waitFor('all 5 handled', () => done.size === 5, harness.redeliveryWithinMs + 10_000);
        expect(attempts.get(3)).toBeGreaterThanOrEqual(2);
        // The redelivered message keeps its id, so consumers can be idempotent on it.
        expect(ids.get(3)?.size).toBe(1);
      },
      timeout + slack,
    );

    it(
      'redelivers to another consumer when the first dies before acknowledging',
      async () => {
        const first = await bus('doomed');
        let firstGot: string[] = [];
        await first.consume(TOPICS.endUsers, (messages) => {
          const ours = messages.filter(mine);
          if (ours.length > 0) firstGot = ours.map((m) => m.id);
          // Never resolves: the process "dies" with the batch unacknowledged.
          return ours.length > 0 ? new Promise<void>(() => undefined) : Promise.resolve();
        });
        const producer = await bus('producer');
        await producer.enqueue(TOPICS.endUsers, [{ n: 42, run }]);
        await waitFor('the first consumer to take the job', () => firstGot.length === 1);

        const secondGot: BusMessage[] = [];
        const second = await bus('survivor');
        await second.consume(TOPICS.endUsers, (messages) => {
          secondGot.push(...messages.filter(mine));
          return Promise.resolve();
        });
        buses = buses.filter((b) => b !== first);
        await first.close();

        await waitFor('redelivery', () => secondGot.length >= 1, harness.redeliveryWithinMs + 10_000);
        expect(secondGot[0].id).toBe(firstGot[0]);
        expect(secondGot[0].payload).toEqual({ n: 42, run });
      },
      timeout + slack,
    );

    it(
      `moves ${volume} jobs and ${volume} broadcasts without loss or duplicates`,
      async () => {
        const handled = new Map<number, number>();
        const workers = await Promise.all([bus('worker'), bus('worker')]);
        await Promise.all(
          workers.map((b) =>
            b.consume(TOPICS.insights, (messages) => {
              for (const m of messages) {
                if (!mine(m)) continue;
                const n = (m.payload as Job).n;
                handled.set(n, (handled.get(n) ?? 0) + 1);
              }
              return Promise.resolve();
            }),
          ),
        );
        const seen: number[] = [];
        const subscriber = await bus('sub');
        await subscriber.subscribe(TOPICS.flagChange, (m) => {
          if (mine(m)) seen.push((m.payload as Job).n);
        });
        const producer = await bus('producer');
        const jobs = Array.from({ length: volume }, (_, n) => ({ n, run }));
        for (let i = 0; i < volume; i += 100) {
          await producer.enqueue(TOPICS.insights, jobs.slice(i, i + 100));
        }
        await Promise.all(jobs.map((job) => producer.publish(TOPICS.flagChange, job)));

        await waitFor(`${volume} jobs`, () => handled.size >= volume, timeout);
        await waitFor(`${volume} broadcasts`, () => seen.length >= volume, timeout);
        await sleep(300);
        expect([...handled.values()].every((count) => count === 1)).toBe(true);
        expect(handled.size).toBe(volume);
        expect([...seen].sort((a, b) => a - b)).toEqual(jobs.map((j) => j.n));
      },
      timeout * 2,
    );

    it(
      'reports healthy while connected and closes cleanly',
      async () => {
        const b = await bus('health');
        await waitFor('healthy', async () => (await b.health()).ok);
        expect(typeof b.healthName).toBe('string');
        buses = buses.filter((x) => x !== b);
        await b.close();
        await expect(b.publish(TOPICS.flagChange, {})).rejects.toThrow();
      },
      timeout,
    );

    brokerIt(
      'keeps running against an unreachable broker, reports why, and never shows credentials',
      async () => {
        if (!harness.createUnreachableBus) throw new Error('harness lacks createUnreachableBus');
        const b = await harness.createUnreachableBus();
        buses.push(b);
        await sleep(300);
        const status = await b.health();
        expect(status.ok).toBe(false);
        expect(status.detail ?? '').not.toMatch(/s3cret/);
      },
      timeout,
    );

    brokerIt(
      'reconnects after the broker connection is cut: onReconnect fires and later messages arrive',
      async () => {
        if (!harness.disconnect) throw new Error('harness lacks disconnect');
        const instance = `reconnect-${++counter}`;
        const subscriber = await harness.createBus(instance);
        buses.push(subscriber);
        let reconnects = 0;
        subscriber.onReconnect(() => reconnects++);
        const seen: number[] = [];
        const jobs: number[] = [];
        await subscriber.subscribe(
          TOPICS.flagChange,
          (m) => void (mine(m) && seen.push((m.payload as Job).n)),
        );
        await subscriber.consume(TOPICS.endUsers, (messages) => {
          jobs.push(...messages.filter(mine).map((m) => (m.payload as Job).n));
          return Promise.resolve();
        });
        const producer = await bus('producer');
        await producer.publish(TOPICS.flagChange, { n: 1, run });
        await waitFor('the first broadcast', () => seen.includes(1));

        await harness.disconnect(instance);
        await waitFor('onReconnect', () => reconnects > 0, 30_000);
        await waitFor('healthy again', async () => (await subscriber.health()).ok);

        await producer.publish(TOPICS.flagChange, { n: 2, run });
        await producer.enqueue(TOPICS.endUsers, [{ n: 3, run }]);
        await waitFor('a broadcast after the reconnect', () => seen.includes(2), 30_000);
        await waitFor('a job after the reconnect', () => jobs.includes(3), 30_000);
      },
      timeout * 3,
    );
  });
}
