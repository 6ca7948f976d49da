import { randomUUID } from 'node:crypto';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { flagChangeJson } from '../../core/messages/flag-change.message';
import { type RemovalMessage, removalJson } from '../../core/messages/removal.message';
import { type SegmentChangeMessage, segmentChangeJson } from '../../core/messages/segment-change.message';
import type { DataStore } from '../../core/ports/data-store.port';
import { type OutboxMessage, TOPICS } from '../../core/ports/message-bus.port';

// Change messages are written to the outbox in the same transaction as the change (so a committed
// change always gets published) and relayed to the message bus by OutboxRelay. The row holds the
// message JSON built by the topic's module (src/core/messages/); the relay publishes it as it is.

function message(topic: OutboxMessage['topic'], json: string, at: string): OutboxMessage {
  return { id: randomUUID(), topic, payload: json, attempts: 0, createdAt: at };
}

/** Adds the message to the outbox; returns it for OutboxRelay.kick once the transaction commits. */
export async function enqueueFlagChange(tx: DataStore, flag: FeatureFlag): Promise<OutboxMessage> {
  const added = message(TOPICS.flagChange, flagChangeJson(flag), flag.updatedAt);
  await tx.outbox.add(added);
  return added;
}

export async function enqueueSegmentChange(
  tx: DataStore,
  payloads: readonly SegmentChangeMessage[],
): Promise<OutboxMessage[]> {
  const added: OutboxMessage[] = [];
  for (const payload of payloads) {
    const m = message(TOPICS.segmentChange, segmentChangeJson(payload), payload.segment.updatedAt);
    await tx.outbox.add(m);
    added.push(m);
  }
  return added;
}

/** Adds a removal (deleted flag, segment or environment) to the outbox, in the deleting transaction. */
export async function enqueueRemoval(tx: DataStore, removal: RemovalMessage): Promise<OutboxMessage> {
  const added = message(TOPICS.removal, removalJson(removal), new Date().toISOString());
  await tx.outbox.add(added);
  return added;
}
