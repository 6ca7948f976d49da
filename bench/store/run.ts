// Data-store write and read paths (issue 16): flag create/get/update, end-user upsert, audit log
// append, 100,000 insight events, on PGlite or PostgreSQL. Compares two source trees with runs
// interleaved A,B,A,B… (the machine is shared, so drift hits both alike):
//   node -r ./bench/evaluation/register-ts.cjs bench/store/run.ts --provider pglite \
//        --trees /tmp/before,. --rounds 3
// One tree, one run (what the interleaving spawns): --child <tree> --provider <p>.
// PostgreSQL uses TEST_POSTGRES_URL (a fresh database per run).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { FeatureFlag } from '../../src/core/flags/feature-flag';
import type { DataStore } from '../../src/core/ports/data-store.port';
import type * as StoreModule from '../../src/infrastructure/database/postgres/postgres-data-store';

type Timings = Record<string, number>;

const FLAGS = 1000;
const USERS = 1000;
const EVENTS = 100_000;

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

function flag(envId: string, i: number): FeatureFlag {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    envId,
    revision: randomUUID(),
    name: `Flag ${i}`,
    description: 'bench',
    key: `flag-${i}`,
    variationType: 'boolean',
    variations: [
      { id: 'v-true', name: 'true', value: 'true' },
      { id: 'v-false', name: 'false', value: 'false' },
    ],
    targetUsers: [{ variationId: 'v-true', keyIds: ['u1', 'u2'] }],
    rules: [],
    isEnabled: true,
    disabledVariationId: 'v-false',
    fallthrough: { includedInExpt: false, variations: [{ id: 'v-true', rollout: [0, 1], exptRollout: 1 }] },
    exptIncludeAllTargets: true,
    tags: ['a', 'b'],
    isArchived: false,
    creatorId: 'c',
    updatorId: 'c',
    createdAt: now,
    updatedAt: now,
  } as unknown as FeatureFlag;
}

async function timed(t: Timings, name: string, work: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await work();
  t[name] = Math.round(performance.now() - start);
}

async function workload(store: DataStore): Promise<Timings> {
  const t: Timings = {};
  const envId = randomUUID();
  const flags = Array.from({ length: FLAGS }, (_, i) => flag(envId, i));
  await timed(t, 'flag.create', async () => {
    for (const f of flags) await store.flags.create(f);
  });
  await timed(t, 'flag.findById', async () => {
    for (const f of flags) await store.flags.findById(f.id);
  });
  await timed(t, 'flag.update', async () => {
    for (const f of flags)
      await store.flags.update({ ...f, revision: randomUUID(), name: 'renamed' }, f.revision);
  });
  await timed(t, 'flag.listAll', async () => {
    for (let i = 0; i < 10; i++) await store.flags.listAll(envId);
  });
  await timed(t, 'endUser.upsert', async () => {
    for (let i = 0; i < USERS; i++)
      await store.endUsers.upsert({ envId, keyId: `u${i}`, name: `User ${i}`, customizedProperties: [] });
  });
  const startUs = Date.now() * 1000;
  const events = Array.from({ length: EVENTS }, (_, i) => ({
    uuid: randomUUID(),
    distinctId: `u${i % 1000}`,
    envId,
    event: 'FlagValue',
    properties: JSON.stringify({ flagKey: `flag-${i % 50}`, variationId: 'v-true' }),
    timestamp: startUs + i,
  }));
  await timed(t, 'insight.insert100k', async () => {
    await store.insightEvents.insertMany(events);
  });
  return t;
}

async function child(tree: string, provider: string): Promise<void> {
  // Each tree's own store code: the "before" worktree or the working tree.
  const { createPgliteDataStore, createPostgresDataStore } = (await import(
    join(resolve(tree), 'src/infrastructure/database/postgres/postgres-data-store.ts')
  )) as typeof StoreModule;
  let store: DataStore;
  let cleanup: () => Promise<void>;
  if (provider === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'featbit-bench-store-'));
    store = createPgliteDataStore({ dataDir: dir });
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  } else {
    const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://featbit:featbit@127.0.0.1:15432/postgres';
    const name = `bench_store_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const sql = async (q: string) => {
      const c = new Client({ connectionString: admin });
      await c.connect();
      await c.query(q).finally(() => c.end());
    };
    await sql(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    store = createPostgresDataStore({ url: url.toString(), poolSize: 10 });
    cleanup = () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  try {
    await store.whenReady();
    process.stdout.write(`${JSON.stringify(await workload(store))}\n`);
  } finally {
    await store.close();
    await cleanup();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function interleave(trees: string[], provider: string, rounds: number): void {
  const results = new Map<string, Timings[]>(trees.map((t) => [t, []]));
  for (let round = 0; round < rounds; round++) {
    for (const tree of trees) {
      const run = spawnSync(
        process.execPath,
        [...process.execArgv, __filename, '--child', tree, '--provider', provider],
        {
          encoding: 'utf8',
          env: process.env,
        },
      );
      if (run.status !== 0) throw new Error(`${tree} failed:\n${run.stderr}`);
      const timings = JSON.parse(run.stdout.trim().split('\n').pop()!) as Timings;
      results.get(tree)!.push(timings);
      console.error(`round ${round + 1} ${tree}: ${JSON.stringify(timings)}`);
    }
  }
  const names = Object.keys(results.get(trees[0])![0]);
  console.log(`${provider}, median of ${rounds} interleaved runs (ms)`);
  console.log(['step', ...trees, 'change'].join('\t'));
  for (const name of names) {
    const medians = trees.map((t) => median(results.get(t)!.map((r) => r[name])));
    const change =
      trees.length === 2 ? `${(((medians[1] - medians[0]) / medians[0]) * 100).toFixed(1)} %` : '';
    console.log([name, ...medians, change].join('\t'));
  }
}

const provider = arg('provider', 'pglite');
if (process.argv.includes('--child')) {
  child(arg('child'), provider).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  interleave(arg('trees', '.').split(','), provider, Number(arg('rounds', '3')));
}
