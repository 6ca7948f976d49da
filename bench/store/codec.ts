// The row/document codecs alone (the only hot-path code the entity definitions changed), CPU-bound
// and so far less noisy than the store runs: PgTable.toParams/fromRow and MongoCollection.toDoc/
// fromDoc of a feature flag, old tree against new, interleaved.
//   node -r ./bench/evaluation/register-ts.cjs bench/store/codec.ts /tmp/before .
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as Targeting from '../../src/infrastructure/database/postgres/repositories/postgres-targeting.repositories';

const N = 200_000;
const trees = process.argv.slice(2);
const flag = {
  id: 'f1',
  envId: 'e1',
  revision: 'r1',
  name: 'Flag',
  description: 'd',
  key: 'flag',
  variationType: 'boolean',
  variations: [{ id: 'v1', name: 'on', value: 'true' }],
  targetUsers: [],
  rules: [],
  isEnabled: true,
  disabledVariationId: 'v1',
  fallthrough: { includedInExpt: false, variations: [{ id: 'v1', rollout: [0, 1], exptRollout: 1 }] },
  exptIncludeAllTargets: true,
  tags: ['a', 'b'],
  isArchived: false,
  creatorId: 'c',
  updatorId: 'c',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
} as unknown as Parameters<typeof Targeting.FLAGS.toParams>[0];

function measure(table: typeof Targeting.FLAGS): { toParams: number; fromRow: number } {
  const row: Record<string, unknown> = {};
  table.select.split(', ').forEach((c, i) => (row[c] = table.toParams(flag)[i]));
  row.created_at = new Date(row.created_at as string);
  row.updated_at = new Date(row.updated_at as string);
  let start = performance.now();
  for (let i = 0; i < N; i++) table.toParams(flag);
  const toParams = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < N; i++) table.fromRow(row);
  return { toParams: Math.round(toParams), fromRow: Math.round(performance.now() - start) };
}

const MODULE = 'src/infrastructure/database/postgres/repositories/postgres-targeting.repositories.ts';
// Each tree's own module, loaded by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tables = trees.map((tree) => (require(join(resolve(tree), MODULE)) as typeof Targeting).FLAGS);
const results = trees.map(() => ({ toParams: [] as number[], fromRow: [] as number[] }));
for (let round = 0; round < 7; round++) {
  tables.forEach((table, i) => {
    const r = measure(table);
    results[i].toParams.push(r.toParams);
    results[i].fromRow.push(r.fromRow);
  });
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`feature flag codec, ${N.toLocaleString('en')} rows, median of 7 interleaved rounds (ms)`);
trees.forEach((tree, i) =>
  console.log(`${tree}\ttoParams ${median(results[i].toParams)}\tfromRow ${median(results[i].fromRow)}`),
);
