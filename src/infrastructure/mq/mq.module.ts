import { randomUUID } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MessageBus } from '../../core/ports/message-bus.port';
import { Logger } from '../../core/ports/logger.port';
import type { PostgresConnection } from '../database/postgres/postgres-connection';
import { PRIMARY_POSTGRES_CONNECTION } from '../database/postgres/primary-postgres-connection.provider';

/** Identifies this process to brokers (Kafka consumer groups, queue claims). */
export const INSTANCE_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Binds MessageBus to the adapter MQ_PROVIDER selects; only that driver is loaded. `primaryPostgres`:
 * the primary database's connection when it is PostgreSQL or PGlite (null on MongoDB).
 */
export async function createMessageBus(
  config: AppConfig,
  logger: Logger,
  primaryPostgres: PostgresConnection | null,
): Promise<MessageBus> {
  const mq = config.mq;
  const log = logger.child({ component: 'mq', provider: mq.provider });
  switch (mq.provider) {
    case 'inprocess': {
      const { createInProcessMessageBus } = await import('./inprocess/in-process-message.bus');
      return createInProcessMessageBus({ logger: log });
    }
    case 'postgres': {
      const { createPostgresMessageBus } = await import('./postgres/postgres-message.bus');
      const { createPostgresQueueMessageRepository } =
        await import('./postgres/postgres-queue-message.repository');
      const notifiers = await import('./postgres/pg-notifier');
      // The queue tables live in PostgreSQL: the primary database's connection when it is PostgreSQL
      // or PGlite, otherwise (MongoDB primary) a dedicated one, closed with the bus.
      // Null only on the embedded database, whose own connection carries the queue (loadAppConfig).
      const serverUrl = (): string => {
        if (mq.postgresUrl === null) throw new Error('MQ_PROVIDER=postgres needs a PostgreSQL URL here');
        return mq.postgresUrl;
      };
      const connection =
        primaryPostgres ??
        (await import('../database/postgres/postgres-data-store')).createPostgresConnection({
          url: serverUrl(),
          poolSize: 4,
          logger: log,
        });
      const queue = createPostgresQueueMessageRepository(connection);
      const pglite = connection.pglite;
      const { PgRootSession } = await import('../database/postgres/postgres-session');
      const session = new PgRootSession(connection);
      const notifier = pglite
        ? notifiers.createPgliteNotifier({
            pglite,
            logger: log,
            // PGlite has one session: NOTIFY must go through the connection's serialized query path.
            query: (sql: string, params?: unknown[]) => session.query(sql, params),
          })
        : notifiers.createPgListenNotifier({
            url: serverUrl(),
            logger: log,
          });
      const bus = createPostgresMessageBus({ queue, notifier, instanceId: INSTANCE_ID, logger: log });
      if (primaryPostgres) return bus;
      const closeBus = bus.close.bind(bus);
      bus.close = async () => {
        await closeBus();
        await connection.close();
      };
      return bus;
    }
    case 'redis': {
      const { createRedisMessageBus } = await import('./redis/redis-message.bus');
      return createRedisMessageBus({ url: mq.redisUrl, instanceId: INSTANCE_ID, logger: log });
    }
    case 'kafka': {
      const { createKafkaMessageBus } = await import('./kafka/kafka-message.bus');
      return createKafkaMessageBus({
        brokers: [...mq.kafka.brokers],
        clientId: mq.kafka.clientId,
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
        {
          provide: MessageBus,
          useFactory: createMessageBus,
          inject: [AppConfig, Logger, PRIMARY_POSTGRES_CONNECTION],
        },
      ],
      exports: [MessageBus],
    };
  }
}
