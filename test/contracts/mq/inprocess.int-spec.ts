import type { HealthStatus } from '../../../src/core/ports/health-checkable.port';
import {
  MessageBus,
  type BroadcastTopic,
  type BusMessage,
  type ConsumeOptions,
  type JobTopic,
  type Subscription,
} from '../../../src/core/ports/message-bus.port';
import { createInProcessMessageBus } from '../../../src/infrastructure/mq/inprocess/in-process-message.bus';
import { describeMessageBusContract, sleep, waitFor } from './message-bus.contract';
import { TOPICS } from '../../../src/core/ports/message-bus.port';

/**
 * The in-process bus serves one process, so the contract's "instances" are views of one shared bus:
 * closing a view drops only its own subscriptions, as a dying replica would.
 */
class PeerView extends MessageBus {
  readonly healthName: string;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(private readonly shared: MessageBus) {
    super();
    this.healthName = shared.healthName;
  }

  publish(topic: BroadcastTopic, payload: unknown): Promise<void> {
    return this.closed ? Promise.reject(new Error('closed')) : this.shared.publish(topic, payload);
  }

  enqueue(topic: JobTopic, payloads: readonly unknown[]): Promise<void> {
    return this.closed ? Promise.reject(new Error('closed')) : this.shared.enqueue(topic, payloads);
  }

  async subscribe(
    topic: BroadcastTopic,
    handler: (m: BusMessage) => void | Promise<void>,
  ): Promise<Subscription> {
    return this.track(await this.shared.subscribe(topic, handler));
  }

  async consume(
    topic: JobTopic,
    handler: (m: BusMessage[]) => Promise<void>,
    options?: ConsumeOptions,
  ): Promise<Subscription> {
    return this.track(await this.shared.consume(topic, handler, options));
  }

  onReconnect(listener: () => void): void {
    this.shared.onReconnect(listener);
  }

  health(): Promise<HealthStatus> {
    return this.shared.health();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
  }

  private track(subscription: Subscription): Subscription {
    this.subscriptions.add(subscription);
    return subscription;
  }
}

const shared = createInProcessMessageBus({ retryBaseMs: 20 });

describeMessageBusContract(
  'in-process',
  () =>
    Promise.resolve({
      createBus: () => Promise.resolve(new PeerView(shared)),
      redeliveryWithinMs: 1_000,
      teardown: () => shared.close(),
    }),
  { broker: false },
);

describe('in-process bus specifics', () => {
  it('never runs handlers inside publish or enqueue', async () => {
    const bus = createInProcessMessageBus();
    let calls = 0;
    await bus.subscribe(TOPICS.flagChange, () => void calls++);
    await bus.consume(TOPICS.insights, () => {
      calls++;
      return Promise.resolve();
    });
    void bus.publish(TOPICS.flagChange, {});
    void bus.enqueue(TOPICS.insights, [{}]);
    expect(calls).toBe(0);
    await waitFor('delivery', () => calls === 2);
    await bus.close();
  });

  it('drops a job after the bounded number of deliveries and keeps serving others', async () => {
    const errors: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (message: string) => void errors.push(message),
      child: () => logger,
    };
    const bus = createInProcessMessageBus({ logger, maxDeliveries: 3, retryBaseMs: 5 });
    let poisonAttempts = 0;
    const good: unknown[] = [];
    await bus.consume(
      TOPICS.endUsers,
      (messages) => {
        const payload = messages[0].payload as { poison?: boolean };
        if (payload.poison) {
          poisonAttempts++;
          return Promise.reject(new Error('bad message'));
        }
        good.push(payload);
        return Promise.resolve();
      },
      { batchSize: 1 },
    );
    await bus.enqueue(TOPICS.endUsers, [{ poison: true }, { ok: 1 }]);
    await waitFor('drop', () => errors.length === 1 && good.length === 1);
    await sleep(100);
    expect(poisonAttempts).toBe(3);
    expect(errors[0]).toMatch(/dropped/);
    await bus.close();
  });

  it('keeps jobs enqueued before any consumer exists', async () => {
    const bus = createInProcessMessageBus();
    await bus.enqueue(TOPICS.usage, [{ early: true }]);
    const got: unknown[] = [];
    await bus.consume(TOPICS.usage, (messages) => {
      got.push(...messages.map((m) => m.payload));
      return Promise.resolve();
    });
    await waitFor('early job', () => got.length === 1);
    expect(got).toEqual([{ early: true }]);
    await bus.close();
  });

  it('reports healthy until closed', async () => {
    const bus = createInProcessMessageBus();
    expect(await bus.health()).toEqual({ ok: true });
    await bus.close();
    expect((await bus.health()).ok).toBe(false);
  });
});
