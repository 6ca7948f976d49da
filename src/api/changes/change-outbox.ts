import { randomUUID } from 'node:crypto';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { DataStore } from '../../core/ports/data-store.port';
import { type OutboxMessage, TOPICS } from '../../core/ports/message-bus.port';
import type { RemovalMessage } from '../../core/sdk/removal-message';
import type { WireSegment } from '../../core/segments/segment';

// Change messages are written to the outbox in the same transaction as the change (so a committed
// change always gets published) and relayed to the message bus by OutboxRelay.

/** `featbit-segment-change` payload (docs/reference/wire-protocol.md#internal-topics). */
export interface SegmentChangePayload {
  segment: WireSegment;
  affectedFlagIds: string[];
}

function message(topic: OutboxMessage['topic'], payload: unknown, at: string): OutboxMessage {
  return { id: randomUUID(), topic, payload: JSON.stringify(payload), attempts: 0, createdAt: at };
}

/** Adds the message to the outbox; returns it for OutboxRelay.kick once the transaction commits. */
export async function enqueueFlagChange(tx: DataStore, flag: FeatureFlag): Promise<OutboxMessage> {
  const added = message(TOPICS.flagChange, flag, flag.updatedAt);
  await tx.outbox.add(added);
  return added;
}

export async function enqueueSegmentChange(
  tx: DataStore,
  payloads: readonly SegmentChangePayload[],
): Promise<OutboxMessage[]> {
  const added: OutboxMessage[] = [];
  for (const payload of payloads) {
    const m = message(TOPICS.segmentChange, payload, payload.segment.updatedAt);
    await tx.outbox.add(m);
    added.push(m);
  }
  return added;
}

/** Adds a removal (deleted flag, segment or environment) to the outbox, in the deleting transaction. */
export async function enqueueRemoval(tx: DataStore, removal: RemovalMessage): Promise<OutboxMessage> {
  const added = message(TOPICS.removal, removal, new Date().toISOString());
  await tx.outbox.add(added);
  return added;
}
