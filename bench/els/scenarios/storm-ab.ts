import { warmUp } from '../deployment';
import { Histogram } from '../histogram';
import type { StormReport } from '../protocol';
import { latencyFields } from '../report';
import { spawnWorkers } from '../workers';
import { addProblems, deployed, MiB, type ScenarioContext, Usage } from './common';
import { stormRunner } from './storm';

// Two builds in one run (`--evaluation-build A --evaluation-build-b B`): the storm of `storm.ts`
// sent to evaluation process A, then B, in short slices (order ABBA…), so that a change of the
// host's speed during the run falls on both alike. A before/after on this VM otherwise varies more
// between runs (±15 % CPU) than the differences it is meant to find. Reports each build's CPU per
// connection (median of its slices) and the median of the per-pair ratios B/A.

export async function stormAbScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const [a, b] = deployment.evaluations;
  if (a === undefined || b === undefined) throw new Error('storm-ab needs two evaluation processes');
  const rate = options.rate ?? 3000;
  const slice = options.duration ?? 10;
  const pairs = options.rounds ?? 8;
  const fullLength = await warmUp(a, env);
  if ((await warmUp(b, env)) !== fullLength)
    throw new Error('storm-ab: the two builds sync different payloads');
  const workers = await spawnWorkers(options.workers ?? 1, options.loadCore);
  const run = stormRunner(ctx, workers, env.serverSecret, rate, fullLength);
  const builds = [
    {
      name: 'A',
      process: a,
      cpuUsPerConn: [] as number[],
      loadCpu: [] as number[],
      peakRssMiB: 0,
      reports: [] as StormReport[],
    },
    {
      name: 'B',
      process: b,
      cpuUsPerConn: [] as number[],
      loadCpu: [] as number[],
      peakRssMiB: 0,
      reports: [] as StormReport[],
    },
  ];
  try {
    if (options.warmup > 0) {
      ctx.log(`storm-ab: warm-up ${options.warmup} s at ${rate}/s on each build`);
      for (const build of builds) await run(build.process, options.warmup);
    }
    ctx.log(`storm-ab: ${pairs} pairs of ${slice} s slices at ${rate}/s, full sync ${fullLength} bytes`);
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) {
        const usage = new Usage(
          [build.process.pid],
          workers.map((w) => w.pid),
        );
        const end = usage.window();
        const reports = await run(build.process, slice);
        const use = end();
        usage.stop();
        const synced = reports.reduce((sum, r) => sum + r.synced, 0);
        build.cpuUsPerConn.push(((use.server.cpuPercent / 100) * slice * 1e6) / Math.max(1, synced));
        build.loadCpu.push(use.load.cpuPercent);
        build.peakRssMiB = Math.max(build.peakRssMiB, use.server.peakRssBytes / MiB);
        build.reports.push(...reports);
      }
    }
  } finally {
    for (const w of workers) w.kill();
  }
  const ratios = builds[0].cpuUsPerConn.map((x, i) => builds[1].cpuUsPerConn[i] / x);
  for (const build of builds) {
    const latency = Histogram.from(build.reports.map((r) => r.latency));
    const synced = build.reports.reduce((sum, r) => sum + r.synced, 0);
    const started = build.reports.reduce((sum, r) => sum + r.started, 0);
    const clean = build.reports.reduce((sum, r) => sum + r.closedClean, 0);
    let errors = 0;
    for (const r of build.reports) errors += addProblems(ctx, 'storm-ab', r.problems);
    const median = medianOf(build.cpuUsPerConn);
    ctx.rows.push({
      scenario: 'storm-ab',
      serverCpuPercent: (median * rate) / 1e4,
      serverRssMiB: build.peakRssMiB,
      loadgenCpuPercent: medianOf(build.loadCpu),
      phase: `build ${build.name}: connect → full sync, ${pairs} slices of ${slice} s`,
      count: synced,
      ratePerSec: synced / (pairs * slice),
      ...latencyFields(latency),
      errors: Math.max(errors, started - clean),
      target: '',
      verdict: '',
      note:
        `CPU per connection: median ${median.toFixed(1)} µs (slices ${build.cpuUsPerConn.map((x) => x.toFixed(1)).join(', ')})` +
        (build.name === 'B'
          ? `; B/A per pair: median ${medianOf(ratios).toFixed(3)} (${ratios.map((r) => r.toFixed(3)).join(', ')})`
          : ''),
    });
  }
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
