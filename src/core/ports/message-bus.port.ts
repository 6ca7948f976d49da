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
  /**
   * Publish to every subscriber of a broadcast topic. Resolves once the broker accepted it. A
   * `RawJson` payload (src/core/messages/raw-json.ts) is JSON already: it goes on the wire as it is.
   */
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
