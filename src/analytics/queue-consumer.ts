import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataStore } from '../core/ports/data-store.port';
import type { BusMessage, JobTopic, MessageBus, Subscription } from '../core/ports/message-bus.port';

/**
 * What every analytics consumer shares: subscribe to its job topic once the primary database is
 * ready, hand batches to `handle` (a batch is acknowledged when it resolves), unsubscribe on
 * shutdown without waiting for a batch still running (it is delivered again).
 *
 * `concurrency` subscriptions compete for the topic like replicas would (every bus hands a batch
 * to one of them), so one claims, parses and acknowledges while another's batch is being written.
 */
export abstract class QueueConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private subscriptions: Subscription[] = [];
  private destroyed = false;

  protected constructor(
    protected readonly bus: MessageBus,
    protected readonly store: DataStore,
    private readonly topic: JobTopic,
    private readonly batchSize: number,
    private readonly concurrency = 1,
  ) {}

  abstract handle(batch: BusMessage[]): Promise<void>;

  onApplicationBootstrap(): void {
    void this.store.whenReady().then(async () => {
      for (let i = 0; i < this.concurrency && !this.destroyed; i++) {
        const subscription = await this.bus.consume(this.topic, (batch) => this.handle(batch), {
          batchSize: this.batchSize,
        });
        // Shut down while subscribing: this one was not in the list onModuleDestroy emptied.
        if (this.destroyed) await subscription.unsubscribe();
        else this.subscriptions.push(subscription);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.destroyed = true;
    await Promise.all(this.subscriptions.map((s) => s.unsubscribe()));
  }
}
