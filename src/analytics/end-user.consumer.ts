import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { UserProperty } from '../core/end-users/end-user';
import { DataStore } from '../core/ports/data-store.port';
import { type BusMessage, MessageBus, type Subscription, TOPICS } from '../core/ports/message-bus.port';
import type { EndUserUpsert } from '../core/ports/users-and-events.repositories';
import { Logger } from '../core/ports/logger.port';

/** Validates a `featbit-endusers` payload `{envId, keyId, name, customizedProperties}`. */
export function parseEndUserMessage(payload: unknown): EndUserUpsert | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.envId !== 'string' || typeof p.keyId !== 'string' || p.keyId.trim() === '') return null;
  const props: UserProperty[] = [];
  if (Array.isArray(p.customizedProperties)) {
    for (const item of p.customizedProperties as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const { name, value } = item as Record<string, unknown>;
      if (typeof name !== 'string' || name === '') continue;
      const text =
        typeof value === 'string'
          ? value
          : typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : null;
      props.push({ name, value: text });
    }
  }
  return {
    envId: p.envId,
    keyId: p.keyId,
    name: typeof p.name === 'string' ? p.name : null,
    customizedProperties: props,
  };
}

/** Upserts end users seen by SDKs and registers their new property names per environment. */
@Injectable()
export class EndUserConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription?: Subscription;
  private readonly log: Logger;

  constructor(
    private readonly bus: MessageBus,
    private readonly store: DataStore,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'end-user-consumer' });
  }

  onApplicationBootstrap(): void {
    void this.store.whenReady().then(async () => {
      this.subscription = await this.bus.consume(TOPICS.endUsers, (batch) => this.handle(batch), {
        batchSize: 500,
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.unsubscribe();
  }

  async handle(batch: BusMessage[]): Promise<void> {
    // The same user often appears several times in a batch: keep the last version.
    const latest = new Map<string, EndUserUpsert>();
    for (const message of batch) {
      const user = parseEndUserMessage(message.payload);
      if (!user) {
        this.log.warn('dropped a malformed end-user message', { id: message.id });
        continue;
      }
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
