import { randomUUID } from 'node:crypto';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { flagChangeJson } from '../../core/messages/flag-change.message';
import { type RemovalMessage, removalJson } from '../../core/messages/removal.message';
import { type SegmentChangeMessage, segmentChangeJson } from '../../core/messages/segment-change.message';
import type { TraceContext } from '../../core/messages/trace-context';
import type { DataStore } from '../../core/ports/data-store.port';
import { type OutboxMessage, TOPICS } from '../../core/ports/message-bus.port';
import { traceOutboxCreate } from '../../infrastructure/observability/change-tracing';

// Change messages are written to the outbox in the same transaction as the change (so a committed
// change always gets published) and relayed to the message bus by OutboxRelay. The row holds the
// message JSON built by the topic's module (src/core/messages/); the relay publishes it as it is.
// With tracing on, that JSON also holds the trace context of the write's span, taken from the active
// context (the management request): the stored JSON is the one thing every provider and bus carries
// unchanged, so no column, migration or bus header is needed (docs/observability.md#tracing).

function message(topic: OutboxMessage['topic'], json: string, at: string): OutboxMessage {
  return { id: randomUUID(), topic, payload: json, attempts: 0, createdAt: at };
}

async function add(
  tx: DataStore,
  topic: OutboxMessage['topic'],
  envId: string | undefined,
  build: (trace: TraceContext | undefined) => { json: string; at: string },
): Promise<OutboxMessage> {
  return traceOutboxCreate(topic, envId === undefined ? {} : { 'featbit.env_id': envId }, async (trace) => {
    const { json, at } = build(trace);
    const added = message(topic, json, at);
    await tx.outbox.add(added);
    return added;
  });
}

/** Adds the message to the outbox; returns it for OutboxRelay.kick once the transaction commits. */
export async function enqueueFlagChange(tx: DataStore, flag: FeatureFlag): Promise<OutboxMessage> {
  return add(tx, TOPICS.flagChange, flag.envId, (trace) => ({
    json: flagChangeJson(flag, trace),
    at: flag.updatedAt,
  }));
}

export async function enqueueSegmentChange(
  tx: DataStore,
  payloads: readonly SegmentChangeMessage[],
): Promise<OutboxMessage[]> {
  const added: OutboxMessage[] = [];
  for (const payload of payloads) {
    added.push(
      await add(tx, TOPICS.segmentChange, payload.segment.envId, (trace) => ({
        json: segmentChangeJson(payload, trace),
        at: payload.segment.updatedAt,
      })),
    );
  }
  return added;
}

/** Adds a removal (deleted flag, segment or environment) to the outbox, in the deleting transaction. */
export async function enqueueRemoval(tx: DataStore, removal: RemovalMessage): Promise<OutboxMessage> {
  return add(tx, TOPICS.removal, removal.kind === 'flag' ? removal.envId : undefined, (trace) => ({
    json: removalJson(removal, trace),
    at: new Date().toISOString(),
  }));
}
