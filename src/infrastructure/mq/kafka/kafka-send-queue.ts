import type { Producer, TopicMessages } from 'kafkajs';

type Message = TopicMessages['messages'][number];

interface Pending {
  topic: string;
  messages: Message[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One produce request at a time for the idempotent producer. kafkajs gives a failed request's
 * sequence numbers back to the next request; had the failed one been written after all (its
 * answer lost), the broker would take the next one, if the same size, for a duplicate and drop it
 * unwritten. After a failure the bus therefore starts a new idempotent session (a new producer id),
 * which is safe only while no other request of the old session is in flight. Sends that arrive
 * meanwhile are merged into the next request, so callers lose no throughput and an outage fails
 * the waiting callers together instead of one after another.
 */
export class KafkaSendQueue {
  private pending: Pending[] = [];
  private draining = false;

  constructor(
    private readonly producer: () => Promise<Producer>,
    /** Called after a failed request, before its callers see the error. */
    private readonly onFailure: (error: unknown) => Promise<void>,
    private readonly maxMessagesPerRequest = 10_000,
  ) {}

  send(topic: string, messages: Message[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ topic, messages, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.take();
        try {
          const producer = await this.producer();
          await producer.sendBatch({ topicMessages: groupByTopic(batch) });
          for (const item of batch) item.resolve();
        } catch (error) {
          await this.onFailure(error).catch(() => undefined);
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The waiting sends, up to the request limit (a single larger send goes alone). */
  private take(): Pending[] {
    let count = 0;
    let n = 0;
    while (
      n < this.pending.length &&
      (n === 0 || count + this.pending[n].messages.length <= this.maxMessagesPerRequest)
    ) {
      count += this.pending[n].messages.length;
      n++;
    }
    return this.pending.splice(0, n);
  }
}

function groupByTopic(batch: Pending[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const item of batch) {
    const list = byTopic.get(item.topic) ?? [];
    list.push(...item.messages);
    byTopic.set(item.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
