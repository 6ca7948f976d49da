import type { HealthCheckable, HealthStatus } from './health-checkable.port';

// Topic names and payloads are FeatBit's (docs/reference/wire-protocol.md#internal-topics).
export const TOPICS = {
  flagChange: 'featbit-feature-flag-change',
  segmentChange: 'featbit-segment-change',
  /** Our addition: deletions (flags, segments, environments) that evaluation servers must forget. */
  removal: 'featbit-ts-removal',
  endUsers: 'featbit-endusers',
  insights: 'featbit-insights',
  usage: 'featbit-usage',
} as const;

/** Delivered to every subscribed instance (every evaluation server). */
export type BroadcastTopic = typeof TOPICS.flagChange | typeof TOPICS.segmentChange | typeof TOPICS.removal;
/** Each message handled by exactly one consumer across replicas, at least once. */
export type JobTopic = typeof TOPICS.endUsers | typeof TOPICS.insights | typeof TOPICS.usage;
export type Topic = BroadcastTopic | JobTopic;

export const BROADCAST_TOPICS: readonly BroadcastTopic[] = [
  TOPICS.flagChange,
  TOPICS.segmentChange,
  TOPICS.removal,
];

export interface BusMessage<T = unknown> {
  /** Unique message id: consumers are idempotent on it. */
  id: string;
  topic: Topic;
  payload: T;
}

export interface Subscription {
  unsubscribe(): Promise<void>;
}

export interface ConsumeOptions {
  /** Largest batch handed to the handler. */
  batchSize?: number;
}

export abstract class MessageBus implements HealthCheckable {
  abstract readonly healthName: string;
  /** Publish to every subscriber of a broadcast topic. Resolves once the broker accepted it. */
  abstract publish(topic: BroadcastTopic, payload: unknown): Promise<void>;
  /** Enqueue job messages (one consumer each). Resolves once the broker accepted them. */
  abstract enqueue(topic: JobTopic, payloads: readonly unknown[]): Promise<void>;
  /** Messages are delivered in publish order for this subscriber. */
  abstract subscribe(
    topic: BroadcastTopic,
    handler: (message: BusMessage) => void | Promise<void>,
  ): Promise<Subscription>;
  /**
   * Competing consumption: a batch is acknowledged when the handler resolves; when it throws or the
   * process dies first, the messages are delivered again (to this or another consumer).
   */
  abstract consume(
    topic: JobTopic,
    handler: (messages: BusMessage[]) => Promise<void>,
    options?: ConsumeOptions,
  ): Promise<Subscription>;
  /**
   * Called after the bus regains its connection. Broadcasts published meanwhile may have been
   * missed (or replayed), so listeners resynchronise from the store.
   */
  abstract onReconnect(listener: () => void): void;
  abstract health(): Promise<HealthStatus>;
  abstract close(): Promise<void>;
}

/** Row of FeatBit's `queue_messages` table (PostgreSQL message queue). */
export interface QueueMessage {
  id: number;
  topic: string;
  status: 'Pending' | 'Processing' | 'Notified' | 'Completed' | 'Failed';
  payload: string;
  enqueuedAt: string;
  notVisibleUntil: string | null;
  deliverCount: number;
  error: string | null;
}

/** The PostgreSQL queue table, used only by the PostgreSQL message-queue adapter. */
export abstract class QueueMessageRepository {
  abstract enqueue(
    topic: string,
    payloads: readonly string[],
    status: 'Pending' | 'Notified',
  ): Promise<number[]>;
  /**
   * Inserts one `Notified` row and announces its id on `channel` (pg_notify) in the same statement:
   * listeners hear of the row when it commits, one round trip after the call instead of two.
   */
  abstract enqueueNotified(topic: string, payload: string, channel: string): Promise<number>;
  abstract findByIds(ids: readonly number[]): Promise<QueueMessage[]>;
  /** Claim up to `limit` visible Pending rows with FOR UPDATE SKIP LOCKED; they stay invisible for `visibilityMs`. */
  abstract claim(topic: string, limit: number, visibilityMs: number): Promise<QueueMessage[]>;
  abstract complete(ids: readonly number[]): Promise<void>;
  abstract fail(id: number, error: string): Promise<void>;
  /**
   * Makes claimed rows claimable again after `delayMs` (a failed batch is retried soon rather than
   * after the visibility timeout). `countDelivery: false` takes back the delivery the claim counted.
   */
  abstract release(ids: readonly number[], delayMs: number, countDelivery: boolean): Promise<void>;
  /** Broadcast rows after `afterId` (replay after a reconnect). */
  abstract listNotifiedAfter(topics: readonly string[], afterId: number): Promise<QueueMessage[]>;
  abstract purgeNotifiedBefore(before: string): Promise<number>;
}

/** A change message persisted with the change itself, published afterwards (transactional outbox). */
export interface OutboxMessage {
  id: string;
  topic: BroadcastTopic;
  payload: string;
  attempts: number;
  createdAt: string;
}

export abstract class OutboxRepository {
  abstract add(message: OutboxMessage): Promise<void>;
  /** Oldest first. */
  abstract listPending(limit: number): Promise<OutboxMessage[]>;
  abstract remove(id: string): Promise<void>;
  abstract recordAttempt(id: string): Promise<void>;
}
