import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDataStore } from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { createPgliteNotifier } from '../../../src/infrastructure/mq/postgres/pg-notifier';
import { createPostgresMessageBus } from '../../../src/infrastructure/mq/postgres/postgres-message.bus';
import { createPostgresQueueMessageRepository } from '../../../src/infrastructure/mq/postgres/postgres-queue-message.repository';
import { describeMessageBusContract, type MessageBusHarness } from './message-bus.contract';

// PGlite lives inside one process, so the contract's "instances" share one embedded database, as
// the replicas of a real deployment share one server. Nothing can be disconnected: the outage cases
// do not apply (onReconnect never fires for PGlite).
// PGlite loads parts of itself with dynamic import(): under Jest this needs
// NODE_OPTIONS=--experimental-vm-modules.
async function createHarness(): Promise<MessageBusHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'featbit-mq-pglite-'));
  const store = createPgliteDataStore({ dataDir: dir });
  await store.whenReady();
  const pglite = store.pglite;
  if (!pglite) throw new Error('the PGlite store exposes no instance');
  return {
    createBus: (instanceId) =>
      Promise.resolve(
        createPostgresMessageBus({
          queue: createPostgresQueueMessageRepository(store.connection),
          notifier: createPgliteNotifier({ pglite, query: (sql, params) => store.query(sql, params) }),
          instanceId,
          visibilityTimeoutMs: 1_500,
          pollIntervalMs: 250,
        }),
      ),
    redeliveryWithinMs: 3_000,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeMessageBusContract('PGlite (pglite LISTEN/NOTIFY + queue_messages)', createHarness, {
  broker: false,
});
