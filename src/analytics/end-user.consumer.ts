import { Injectable } from '@nestjs/common';
import { parseEndUserMessage } from '../core/messages/end-users.message';
import { DataStore } from '../core/ports/data-store.port';
import { type BusMessage, MessageBus, TOPICS } from '../core/ports/message-bus.port';
import type { EndUserUpsert } from '../core/ports/users-and-events.repositories';
import { Logger } from '../core/ports/logger.port';
import { QueueConsumer } from './queue-consumer';

/** Upserts end users seen by SDKs and registers their new property names per environment. */
@Injectable()
export class EndUserConsumer extends QueueConsumer {
  private readonly log: Logger;

  constructor(bus: MessageBus, store: DataStore, logger: Logger) {
    super(bus, store, TOPICS.endUsers, 500);
    this.log = logger.child({ component: 'end-user-consumer' });
  }

  async handle(batch: BusMessage[]): Promise<void> {
    // The same user often appears several times in a batch: keep the last version.
    const latest = new Map<string, EndUserUpsert>();
    for (const message of batch) {
      const parsed = parseEndUserMessage(message.payload);
      if (!parsed.ok) {
        this.log.warn('dropped a malformed end-user message', { id: message.id, error: parsed.error });
        continue;
      }
      const user = parsed.value;
      latest.set(`${user.envId}\u0000${user.keyId}`, user);
    }
    if (latest.size === 0) return;
    const users = [...latest.values()];
    await this.store.endUsers.upsertMany(users);
    const namesByEnv = new Map<string, Set<string>>();
    for (const user of users) {
      const names = namesByEnv.get(user.envId) ?? new Set<string>();
      for (const prop of user.customizedProperties) names.add(prop.name);
      namesByEnv.set(user.envId, names);
    }
    for (const [envId, names] of namesByEnv) {
      if (names.size > 0) await this.store.endUserProperties.registerNames(envId, [...names]);
    }
  }
}
