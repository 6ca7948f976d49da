import type { BroadcastTopic, BusMessage } from '../../core/ports/message-bus.port';
import type { Logger } from '../../core/ports/logger.port';
import { safeMessage } from './safe-message';

// One in-process subscriber of a broadcast topic (PostgreSQL and Redis buses): messages are handed over one at a time, in the
// order they were read, and a failing handler is logged without stopping the ones after it.

export type BroadcastHandler = (message: BusMessage) => void | Promise<void>;

export interface BroadcastSubscriber {
  topic: BroadcastTopic;
  handler: BroadcastHandler;
  queue: BusMessage[];
  draining: boolean;
  active: boolean;
}

export async function drainSubscriber(subscriber: BroadcastSubscriber, logger: Logger): Promise<void> {
  subscriber.draining = true;
  while (subscriber.active && subscriber.queue.length > 0) {
    const message = subscriber.queue.shift() as BusMessage;
    try {
      await subscriber.handler(message);
    } catch (error) {
      logger.error('broadcast handler failed', {
        topic: message.topic,
        messageId: message.id,
        error: safeMessage(error),
      });
    }
  }
  subscriber.draining = false;
}
