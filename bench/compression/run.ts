import { randomUUID } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FeatureFlag, RolloutVariation, TargetRule } from '../../src/core/flags/feature-flag';
import { userSignature } from '../../src/core/sdk/sdk-user';
import { EnvironmentState } from '../../src/evaluation/environments/environment-state';
import { buildFlag } from '../../test/e2e/support/targeting-fixtures';

// Issue 22: bytes and CPU of compressing SDK payloads (docs/performance.md, "Compressed SDK
// payloads"). Builds environments in memory with the bench's flag mixes (bench/els/seed.ts), then
// times each gzip level and brotli quality on the full server payload (once per version), and
// gzip level 1 on per-user answers (once per request) against the cost of building them.
// Run: taskset -c 0 node -r ./bench/evaluation/register-ts.cjs bench/compression/run.ts

const COUNTRIES = ['us', 'de', 'fr', 'jp', 'br', 'in', 'gb', 'ca'];

function jsonOfSize(seed: number, bytes: number): unknown {
  const items: unknown[] = [];
  for (let i = 0; JSON.stringify(items).length < bytes - 60; i++)
    items.push({
      id: seed * 1000 + i,
      label: `item-${seed}-${i}-${'x'.repeat(12)}`,
      enabled: i % 2 === 0,
      weight: i * 0.5,
    });
  return { seed, items };
}

const split = (ids: string[]): RolloutVariation[] =>
  ids.map((id, i) => ({ id, rollout: [i / ids.length, (i + 1) / ids.length], exptRollout: 1 }));

function flagOf(envId: string, i: number, json: boolean): FeatureFlag {
  const flag = buildFlag(envId, json ? `json-flag-${i}` : `string-flag-${i}`, json ? 'json' : 'string');
  const values = json
    ? [JSON.stringify(jsonOfSize(i, 2048)), JSON.stringify(jsonOfSize(i + 1, 2048))]
    : ['control', 'treatment-a', 'treatment-b'];
  flag.variations = values.map((value, k) => ({ id: randomUUID(), name: `v${k}`, value }));
  const ids = flag.variations.map((v) => v.id);
  const country = COUNTRIES[i % COUNTRIES.length];
  const rule: TargetRule = {
    id: randomUUID(),
    name: `country ${country}`,
    dispatchKey: null,
    includedInExpt: false,
    conditions: [{ id: randomUUID(), property: 'country', op: 'IsOneOf', value: JSON.stringify([country]) }],
    variations: [{ id: ids[1], rollout: [0, 1], exptRollout: 1 }],
  };
  flag.rules = [rule];
  flag.fallthrough = {
    dispatchKey: null,
    includedInExpt: true,
    variations: split(json ? ids : [ids[0], ids[2]]),
  };
  return flag;
}

/** `count` flags, one in six a ~2 KiB-per-variation JSON flag (FeatBit's large inventory mix). */
function environment(count: number): EnvironmentState {
  const envId = randomUUID();
  const env = new EnvironmentState(envId, { envId } as never, {}, () => undefined, Date.now());
  env.load(
    Array.from({ length: count }, (_, i) => flagOf(envId, i, i % 6 === 5)),
    [],
  );
  return env;
}

function timeMs(fn: () => unknown, minMs = 300): number {
  fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    n++;
  }
  return (performance.now() - start) / n;
}

const user = (i: number) => ({
  keyId: `user-${i}`,
  name: `User ${i}`,
  customizedProperties: [{ name: 'country', value: COUNTRIES[i % COUNTRIES.length] }],
});

for (const count of [20, 200, 3000]) {
  const env = environment(count);
  const plain = env.serverSync(0)!;
  console.log(`\n${count} flags: server/latest-all full payload ${plain.length} bytes`);
  for (const level of [1, 6, 9]) {
    const out = gzipSync(plain, { level });
    console.log(
      `  gzip -${level}: ${out.length} bytes, ${timeMs(() => gzipSync(plain, { level })).toFixed(2)} ms`,
    );
  }
  for (const quality of [4, 5, 6, 9]) {
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    };
    const out = brotliCompressSync(plain, { params });
    console.log(
      `  br q${quality}: ${out.length} bytes, ${timeMs(() => brotliCompressSync(plain, { params })).toFixed(2)} ms`,
    );
  }
  if (count > 200) continue;
  // Per-user answer: client/latest-all full for a new user each time (not cached), vs gzip -1 of it.
  let i = 0;
  const build = () => {
    const u = user(i++);
    return env.clientSync(u, JSON.stringify(u.keyId), userSignature(u) + i, 0)!;
  };
  const sample = Buffer.from(build());
  const buildUs = timeMs(build) * 1000;
  const gzipUs = timeMs(() => gzipSync(sample, { level: 1 })) * 1000;
  console.log(
    `  client/latest-all per user: ${sample.length} bytes, built in ${buildUs.toFixed(1)} µs; ` +
      `gzip -1 → ${gzipSync(sample, { level: 1 }).length} bytes in ${gzipUs.toFixed(1)} µs`,
  );
}
