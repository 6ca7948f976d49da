import mongoose, { type Connection, type Model } from 'mongoose';
import type { HealthStatus } from '../../../core/ports/health-checkable.port';
import { ConnectionSupervisor } from '../shared/connection-supervisor';
import { describeError, describeTarget } from '../shared/redact';
import type { StoreLogger } from '../shared/store-logger';
import { upgradeBeforeIndexes } from './mongo-upgrades';
import { ANALYTICS_COLLECTIONS } from './schemas/analytics.schemas';
import { buildSchema, type CollectionDef, type MongoDoc } from './schemas/mongo-schema';
import { TARGETING_COLLECTIONS } from './schemas/targeting.schemas';
import { TENANCY_AND_IAM_COLLECTIONS } from './schemas/tenancy-and-iam.schemas';
import { USERS_EVENTS_INTEGRATIONS_COLLECTIONS } from './schemas/users-events-integrations.schemas';

export const MONGO_COLLECTIONS = {
  ...TENANCY_AND_IAM_COLLECTIONS,
  ...TARGETING_COLLECTIONS,
  ...USERS_EVENTS_INTEGRATIONS_COLLECTIONS,
  ...ANALYTICS_COLLECTIONS,
} satisfies Record<string, CollectionDef>;

export type CollectionKey = keyof typeof MONGO_COLLECTIONS;

const HEALTH_TIMEOUT_MS = 3000;

export interface MongoConnectionOptions {
  url: string;
  database: string;
  logger: StoreLogger;
}

/**
 * Owns the mongoose connection: connects in the background with backoff, builds every schema's
 * indexes (syncIndexes) before reporting ready, and hands out the models of the live connection.
 */
export class MongoConnection {
  private conn: Connection | null = null;
  private models = new Map<CollectionKey, Model<MongoDoc>>();
  private readonly supervisor: ConnectionSupervisor;

  constructor(private readonly options: MongoConnectionOptions) {
    this.supervisor = new ConnectionSupervisor({
      service: 'MongoDB',
      logger: options.logger,
      connect: () => this.connectOnce(),
      disconnect: () => this.disconnect(),
    });
  }

  start(): void {
    this.options.logger.info('MongoDB store connecting', {
      target: describeTarget(this.options.url),
      database: this.options.database,
    });
    this.supervisor.start();
  }

  whenReady(): Promise<void> {
    return this.supervisor.whenReady();
  }

  /** The model of the live connection; StoreUnavailableError before it is ready. */
  model(key: CollectionKey): Model<MongoDoc> {
    this.supervisor.assertReady();
    return this.models.get(key)!;
  }

  async health(): Promise<HealthStatus> {
    if (!this.supervisor.isReady) return { ok: false, detail: this.supervisor.detail() };
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
          HEALTH_TIMEOUT_MS,
        );
      });
      await Promise.race([this.conn!.db!.command({ ping: 1 }), timeout]);
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: `ping failed: ${describeError(error)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.supervisor.close();
  }

  private async connectOnce(): Promise<void> {
    const { logger } = this.options;
    const conn = mongoose.createConnection(this.options.url, {
      dbName: this.options.database,
      serverSelectionTimeoutMS: 5000,
      connectTimeoutMS: 5000,
      // Calls fail at once while disconnected instead of queueing (the API answers 503).
      bufferCommands: false,
      autoIndex: false,
      autoCreate: false,
    });
    this.conn = conn;
    await conn.asPromise();
    conn.on('disconnected', () => logger.warn('MongoDB connection lost'));
    conn.on('reconnected', () => logger.info('MongoDB connection restored'));
    const models = new Map<CollectionKey, Model<MongoDoc>>();
    for (const [key, def] of Object.entries(MONGO_COLLECTIONS) as [CollectionKey, CollectionDef][]) {
      models.set(key, conn.model<MongoDoc>(def.collection, buildSchema(def), def.collection));
    }
    for (const model of models.values()) {
      await model.createCollection().catch((error: { codeName?: string }) => {
        if (error.codeName !== 'NamespaceExists') throw error;
      });
    }
    const experiments = models.get('experiments');
    if (experiments) await upgradeBeforeIndexes({ experiments });
    for (const model of models.values()) await model.syncIndexes();
    this.models = models;
  }

  private async disconnect(): Promise<void> {
    const conn = this.conn;
    this.conn = null;
    this.models = new Map();
    if (conn) await conn.close(true).catch(() => undefined);
  }
}
