// Data survives a restart: written, store closed (or the writing process killed), opened again,
// read back. PGlite (a data directory) and PostgreSQL (a fresh database on the test server).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import {
  createPgliteDataStore,
  createPostgresDataStore,
} from '../../../src/infrastructure/database/postgres/postgres-data-store';
import { flag, workspace } from '../../contracts/database/contract-fixtures';
import { assertPgliteCanLoad } from '../../contracts/database/pglite-under-jest';
import { createTestDatabase } from '../../contracts/database/postgres-test-database';
import { runTsChild } from './support/child-process';

const WRITER = join(__dirname, 'support', 'restart-writer.child.ts');

// Child processes start PGlite (WASM) from scratch: allow them time on a shared 2-core machine.
jest.setTimeout(120_000);

interface Target {
  name: 'pglite' | 'postgres';
  location: string;
  open: () => DataStore;
}

async function writeInChild(target: Target, exit: 'close' | 'kill') {
  const ids = { workspaceId: randomUUID(), flagId: randomUUID(), envId: randomUUID() };
  const result = await runTsChild(WRITER, [
    target.name,
    target.location,
    ids.workspaceId,
    ids.flagId,
    ids.envId,
    exit,
  ]);
  expect(result.stdout).toContain('written');
  if (exit === 'kill') expect(result.signal).toBe('SIGKILL');
  else expect(result).toMatchObject({ code: 0, signal: null });
  return ids;
}

async function expectChildData(
  store: DataStore,
  ids: { workspaceId: string; flagId: string; envId: string },
) {
  expect(await store.workspaces.findById(ids.workspaceId)).toMatchObject({ id: ids.workspaceId });
  expect(await store.flags.findByKey(ids.envId, 'restart-flag')).toMatchObject({ id: ids.flagId });
  expect(await store.insightEvents.countByEnv(ids.envId)).toBe(5000);
}

function restartCases(target: () => Target): void {
  it('reads back what it wrote after close() and a fresh open', async () => {
    const ws = workspace();
    const f = flag(randomUUID());
    const first = target().open();
    await first.whenReady();
    await first.workspaces.create(ws);
    await first.flags.create(f);
    await first.close();

    const second = target().open();
    await second.whenReady();
    try {
      expect(await second.workspaces.findById(ws.id)).toEqual(ws);
      expect(await second.flags.findById(f.id)).toEqual(f);
    } finally {
      await second.close();
    }
  });

  it('reads back what another process wrote, whether it closed cleanly or was killed', async () => {
    const closed = await writeInChild(target(), 'close');
    const killed = await writeInChild(target(), 'kill');
    const store = target().open();
    await store.whenReady();
    try {
      await expectChildData(store, closed);
      await expectChildData(store, killed);
    } finally {
      await store.close();
    }
  });
}

describe('restart: PGlite', () => {
  beforeAll(assertPgliteCanLoad);
  const dir = mkdtempSync(join(tmpdir(), 'featbit-pglite-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  restartCases(() => ({
    name: 'pglite',
    location: dir,
    open: () => createPgliteDataStore({ dataDir: dir }),
  }));
});

describe('restart: PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await createTestDatabase('featbit_restart');
  });
  afterAll(() => db.drop());
  restartCases(() => ({
    name: 'postgres',
    location: db.url,
    open: () => createPostgresDataStore({ url: db.url, poolSize: 2 }),
  }));
});
