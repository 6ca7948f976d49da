import { randomUUID } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DataStore } from '../../core/ports/data-store.port';
import { MessageBus } from '../../core/ports/message-bus.port';
import { Logger } from '../../core/ports/logger.port';

/** Identifies this process to brokers (Kafka consumer groups, queue claims). */
export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Binds MessageBus to the adapter MQ_PROVIDER selects; only that driver is loaded. */
export async function createMessageBus(
  config: AppConfig,
  logger: Logger,
  store: DataStore,
): Promise<MessageBus> {
  const log = logger.child({ component: 'mq', provider: config.mq.provider });
  switch (config.mq.provider) {
    case 'inprocess': {
      const { createInProcessMessageBus } = await import('./inprocess/in-process-message.bus');
      return createInProcessMessageBus({ logger: log });
    }
    case 'postgres': {
      const { createPostgresMessageBus } = await import('./postgres/postgres-message.bus');
      const notifiers = await import('./postgres/pg-notifier');
      const { PostgresDataStore, createPostgresDataStore } =
        await import('../database/postgres/postgres-data-store');
      // The queue tables live in PostgreSQL: the primary store when it is PostgreSQL or PGlite,
      // otherwise (MongoDB primary) a dedicated PostgreSQL connection.
      const queueStore =
        store instanceof PostgresDataStore
          ? store
          : createPostgresDataStore({ url: config.mq.postgresUrl!, poolSize: 4, logger: log });
      const notifier = queueStore.pglite
        ? notifiers.createPgliteNotifier({
            pglite: queueStore.pglite,
            logger: log,
            // PGlite has one session: NOTIFY must go through the store's serialized query path.
            query: (sql: string, params?: unknown[]) => queueStore.query(sql, params),
          })
        : notifiers.createPgListenNotifier({
            url: config.mq.postgresUrl ?? config.database.postgres!.url,
            logger: log,
          });
      return createPostgresMessageBus({
        queue: queueStore.queueMessages,
        notifier,
        instanceId: INSTANCE_ID,
        logger: log,
      });
    }
    case 'redis': {
      const { createRedisMessageBus } = await import('./redis/redis-message.bus');
      return createRedisMessageBus({ url: config.mq.redisUrl!, instanceId: INSTANCE_ID, logger: log });
    }
    case 'kafka': {
      const { createKafkaMessageBus } = await import('./kafka/kafka-message.bus');
      return createKafkaMessageBus({
        brokers: [...config.mq.kafka!.brokers],
        clientId: config.mq.kafka!.clientId,
        instanceId: INSTANCE_ID,
        logger: log,
      });
    }
  }
}

@Global()
@Module({})
export class MqModule {
  static forRoot(): DynamicModule {
    return {
      module: MqModule,
      providers: [
        { provide: MessageBus, useFactory: createMessageBus, inject: [AppConfig, Logger, DataStore] },
      ],
      exports: [MessageBus],
    };
  }
}
