// Child process of restart.int-spec.ts: opens a store, writes a workspace, a flag and 5,000 insight
// events, prints "written", then either closes and exits or kills itself with SIGKILL (no cleanup).
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import {
  createPgliteDataStore,
  createPostgresDataStore,
} from '../../../../src/infrastructure/database/postgres/postgres-data-store';
import { flag, workspace } from '../../../contracts/database/contract-fixtures';

async function main(): Promise<void> {
  const [provider, target, workspaceId, flagId, envId, exit] = process.argv.slice(2);
  const store: DataStore =
    provider === 'pglite'
      ? createPgliteDataStore({ dataDir: target })
      : createPostgresDataStore({ url: target, poolSize: 2 });
  await store.whenReady();
  await store.transaction(async (tx) => {
    await tx.workspaces.create(workspace({ id: workspaceId, key: `ws-${workspaceId}` }));
    await tx.flags.create(flag(envId, { id: flagId, key: 'restart-flag' }));
  });
  const events = Array.from({ length: 5000 }, (_, i) => ({
    uuid: `${flagId}-${i}`,
    distinctId: 'd',
    envId,
    event: 'FlagValue',
    properties: '{}',
    timestamp: 1_700_000_000_000_000 + i,
  }));
  await store.insightEvents.insertMany(events);
  process.stdout.write('written\n');
  if (exit === 'kill') process.kill(process.pid, 'SIGKILL');
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
