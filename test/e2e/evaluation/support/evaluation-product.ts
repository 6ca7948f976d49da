import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import {
  type BusMessage,
  type JobTopic,
  type MessageBus,
  TOPICS,
} from '../../../../src/core/ports/message-bus.port';
import { type Segment, toWireSegment } from '../../../../src/core/segments/segment';
import {
  createPostgresDataStore,
  type PostgresDataStore,
} from '../../../../src/infrastructure/database/postgres/postgres-data-store';
import { createPgListenNotifier } from '../../../../src/infrastructure/mq/postgres/pg-notifier';
import { createPostgresMessageBus } from '../../../../src/infrastructure/mq/postgres/postgres-message.bus';
import { createPostgresQueueMessageRepository } from '../../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';
import { createTestDatabase, type TestDatabase } from '../../support/postgres-database';
import { type RunningProduct, startProduct } from '../../support/product';
import { seedEnvironment, type SeededEnvironment } from '../../support/targeting-fixtures';

// The built product running the evaluation role (optionally more) on a private PostgreSQL database
// with the PostgreSQL message queue. The test process opens the same database and queue: it writes
// flags and publishes change messages exactly as the api role does, and reads what the evaluation
// role enqueues.

export interface EvaluationProductOptions {
  roles?: string;
  env?: Record<string, string>;
}

export class EvaluationProduct {
  readonly collected: Partial<Record<JobTopic, unknown[]>> = {};

  private constructor(
    readonly product: RunningProduct,
    readonly store: PostgresDataStore,
    readonly bus: MessageBus,
    readonly database: TestDatabase,
  ) {}

  static async start(options: EvaluationProductOptions = {}): Promise<EvaluationProduct> {
    const database = await createTestDatabase('eval_e2e');
    let product: RunningProduct | null = null;
    try {
      product = await startProduct({
        roles: options.roles ?? 'evaluation',
        env: {
          DB_PROVIDER: 'postgres',
          POSTGRES_URL: database.url,
          MQ_PROVIDER: 'postgres',
          CACHE_PROVIDER: 'none',
          // Needed when the roles include api (required on a server database).
          JWT_SECRET: 'evaluation-e2e-jwt-secret-0123456789abcdef',
          LOG_LEVEL: 'debug',
          ...options.env,
        },
      });
      // The product has migrated the database by now.
      const store = createPostgresDataStore({ url: database.url, poolSize: 4 });
      await store.whenReady();
      const bus = createPostgresMessageBus({
        queue: createPostgresQueueMessageRepository(store.connection),
        notifier: createPgListenNotifier({ url: database.url }),
        instanceId: `e2e-${process.pid}`,
        pollIntervalMs: 200,
      });
      return new EvaluationProduct(product, store, bus, database);
    } catch (err) {
      await product?.stop('SIGKILL');
      await database.drop();
      throw err;
    }
  }

  get baseUrl(): string {
    return this.product.baseUrl;
  }

  get wsUrl(): string {
    return this.product.wsUrl;
  }

  seedEnvironment(key?: string): Promise<SeededEnvironment> {
    return seedEnvironment(this.store, key);
  }

  /** Stores the flag and (unless told not to) publishes the change, as the api role does. */
  async saveFlag(flag: FeatureFlag, publish = true): Promise<FeatureFlag> {
    const existing = await this.store.flags.findById(flag.id);
    if (existing === null) await this.store.flags.create(flag);
    else await this.store.flags.update(flag, existing.revision);
    if (publish) await this.bus.publish(TOPICS.flagChange, flag);
    return flag;
  }

  async saveSegment(segment: Segment, affectedFlagIds: string[] = [], publish = true): Promise<void> {
    const existing = await this.store.segments.findById(segment.id);
    if (existing === null) await this.store.segments.create(segment);
    else await this.store.segments.update(segment, existing.updatedAt);
    if (publish) {
      await this.bus.publish(TOPICS.segmentChange, {
        segment: toWireSegment(segment, segment.envId),
        affectedFlagIds,
      });
    }
  }

  /** Starts collecting the job messages the product enqueues on a topic; returns the live list. */
  async collect(topic: JobTopic): Promise<unknown[]> {
    const sink = (this.collected[topic] ??= []);
    await this.bus.consume(
      topic,
      (batch: BusMessage[]) => {
        for (const m of batch) sink.push(m.payload);
        return Promise.resolve();
      },
      { batchSize: 500 },
    );
    return sink;
  }

  logs(): string {
    return this.product.logs();
  }

  async stop(): Promise<void> {
    try {
      await this.product.stop();
    } finally {
      await this.bus.close().catch(() => undefined);
      await this.store.close().catch(() => undefined);
      await this.database.drop();
    }
  }
}

export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
