// npm run bench:evaluation — single-core evaluations per second for the two workloads
// (workloads.ts) on our evaluator and its peers in the same process. Pinned to one core by the
// npm script (taskset -c 0). Not part of the test suite.
import { createHash } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { md5Int32LE } from '../../src/core/evaluation/md5';
import { ENGINES, type Engine, type Workload } from './engines';
import { expectedRule, ruleUsers, segmentWorkload } from './workloads';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1000);

let sink = 0;

/**
 * Median evaluations per CPU-second over ROUNDS rounds, after a warm-up. CPU time (process.cpuUsage)
 * rather than wall time keeps the figure honest on a shared machine: time spent waiting for the
 * core does not count. The process is pinned to one core, so this is evaluations/s per core.
 */
function measure(run: (i: number) => string | number, users: number): number {
  const batch = 10_000;
  let i = 0;
  const spin = (ms: number): number => {
    const wallStart = Date.now();
    const cpuStart = process.cpuUsage();
    let n = 0;
    do {
      for (let k = 0; k < batch; k++) {
        const r = run(i);
        sink += typeof r === 'number' ? r : r.length;
        if (++i === users) i = 0;
      }
      n += batch;
    } while (Date.now() - wallStart < ms);
    const cpu = process.cpuUsage(cpuStart);
    return (n * 1e6) / (cpu.user + cpu.system);
  };
  spin(ROUND_MS); // warm-up: let the JIT settle
  const rates = Array.from({ length: ROUNDS }, () => spin(ROUND_MS)).sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

/** Every engine must serve the same non-random outcomes, or the comparison is meaningless. */
function checkSameWork(engine: Engine, w: Workload): void {
  const users = w.kind === 'rules' ? w.users : w.data.users;
  const members = w.kind === 'segments' ? new Set(w.data.segments.flat()) : null;
  let rollout = 0;
  users.forEach((u, i) => {
    const got = engine.evaluate(i);
    const want = members
      ? members.has(u.key)
        ? 'on'
        : 'off'
      : expectedRule(u)
        ? `r${expectedRule(u)}`
        : null;
    if (want === null) {
      if (got !== 'on' && got !== 'off')
        throw new Error(`${engine.name}: user ${i} got ${got}, expected the rollout`);
      if (got === 'on') rollout++;
    } else if (got !== want) {
      throw new Error(`${engine.name}: user ${i} got ${got}, expected ${want}`);
    }
  });
  if (!members) {
    const share = rollout / users.filter((u) => !expectedRule(u)).length;
    if (share < 0.4 || share > 0.6) throw new Error(`${engine.name}: rollout served "on" to ${share}`);
  }
}

function md5Micro(): { ours: number; crypto: number } {
  const keys = Array.from({ length: 1024 }, (_, i) => `user-${i}-abcdef`);
  const ours = measure((i) => md5Int32LE('bench-flag', keys[i & 1023]), 1024);
  const crypto = measure(
    (i) =>
      createHash('md5')
        .update('bench-flag' + keys[i & 1023], 'utf8')
        .digest()
        .readInt32LE(0),
    1024,
  );
  return { ours, crypto };
}

function main(): void {
  const workloads: Workload[] = [
    { kind: 'rules', users: ruleUsers() },
    { kind: 'segments', data: segmentWorkload() },
  ];
  const rows: { name: string; rates: number[] }[] = [];
  for (const factory of ENGINES) {
    const rates: number[] = [];
    let name = '';
    for (const w of workloads) {
      const engine = factory(w);
      name = engine.name;
      checkSameWork(engine, w);
      rates.push(measure(engine.evaluate, w.kind === 'rules' ? w.users.length : w.data.users.length));
    }
    rows.push({ name, rates });
    console.error(`measured ${name}`);
  }
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  console.log(`\nEvaluation core benchmark — ${new Date().toISOString()}`);
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical CPUs visible, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  console.log(
    `evaluations per CPU-second, median of ${ROUNDS} × ${ROUND_MS} ms rounds after a ${ROUND_MS} ms warm-up; one process pinned to one core (taskset -c 0)\n`,
  );
  console.log(
    '| Evaluator | (a) 3 rules × 3 conditions + 50/50 rollout, evals/s | (b) 3 segments × 1,000 users, evals/s |',
  );
  console.log('| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${fmt(r.rates[0])} | ${fmt(r.rates[1])} |`);
  const md5 = md5Micro();
  console.log(
    `\nMD5 bucket of a ~25-byte key: md5Int32LE ${fmt(md5.ours)}/s, node:crypto createHash ${fmt(md5.crypto)}/s`,
  );
  if (sink === 42) console.log(''); // keep results observable
}

main();
