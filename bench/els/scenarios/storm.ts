import { warmUp } from '../deployment';
import { Histogram } from '../histogram';
import type { StormJob, StormReport } from '../protocol';
import { latencyFields } from '../report';
import type { ProductProcess } from '../processes';
import { type LoadWorker, spawnWorkers } from '../workers';
import { addProblems, deployed, connectPlan, MiB, type ScenarioContext, Usage } from './common';

// Target 1: new server-SDK connections at a fixed rate, each completing a full data-sync of the
// standard environment, then closing (so the storm needs no file descriptors beyond those in
// flight). Measured from just before the TCP connect to the last byte of the full sync.

export async function stormScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const evaluation = deployment.evaluations[0];
  const rate = options.rate ?? 3000;
  const duration = options.duration ?? 30;
  const fullLength = await warmUp(evaluation, env);
  const workers = await spawnWorkers(options.workers ?? 1, options.loadCore);
  const usage = new Usage(
    [evaluation.pid],
    workers.map((w) => w.pid),
  );
  const storm = stormRunner(ctx, workers, env.serverSecret, rate, fullLength);
  const run = (seconds: number) => storm(evaluation, seconds);
  try {
    if (options.warmup > 0) {
      ctx.log(`storm: warm-up ${options.warmup} s at ${rate}/s`);
      await run(options.warmup);
    }
    ctx.log(`storm: ${duration} s at ${rate}/s, full sync ${fullLength} bytes`);
    const end = usage.window();
    const reports = await run(duration);
    const use = end();
    const latency = Histogram.from(reports.map((r) => r.latency));
    const handshake = Histogram.from(reports.map((r) => r.handshake));
    const started = reports.reduce((a, r) => a + r.started, 0);
    const clean = reports.reduce((a, r) => a + r.closedClean, 0);
    const synced = reports.reduce((a, r) => a + r.synced, 0);
    let errors = 0;
    for (const r of reports) errors += addProblems(ctx, 'storm', r.problems);
    errors = Math.max(errors, started - clean);
    const achieved = synced / duration;
    const lag = Math.max(...reports.map((r) => r.maxStartLagMs));
    const p99 = latency.quantileUs(0.99) / 1000;
    const common = {
      scenario: 'storm',
      serverCpuPercent: use.server.cpuPercent,
      serverRssMiB: use.server.peakRssBytes / MiB,
      loadgenCpuPercent: use.load.cpuPercent,
    };
    ctx.rows.push({
      ...common,
      phase: `connect → full sync (${options.flags} flags, ${(fullLength / 1024).toFixed(1)} KiB), closed after`,
      count: synced,
      ratePerSec: achieved,
      ...latencyFields(latency),
      errors,
      target: '≥ 3,000/s for 30 s, p99 ≤ 100 ms',
      verdict: achieved >= 3000 * 0.99 && duration >= 30 && p99 <= 100 && errors === 0 ? 'met' : 'missed',
      note:
        `offered ${rate}/s, ${started} started; generator start lag max ${lag.toFixed(0)} ms` +
        (use.load.cpuPercent > 90 ? ' (load generator saturated)' : ''),
    });
    ctx.rows.push({
      ...common,
      phase: 'TCP connect → 101 Switching Protocols',
      count: handshake.count,
      ratePerSec: handshake.count / duration,
      ...latencyFields(handshake),
      errors: 0,
      target: '',
      verdict: '',
      note: '',
    });
  } finally {
    usage.stop();
    for (const w of workers) w.kill();
  }
}

/** Runs the storm at `rate` against one evaluation process for `seconds`; one report per worker. */
export function stormRunner(
  ctx: ScenarioContext,
  workers: LoadWorker[],
  secret: string,
  rate: number,
  fullLength: number,
): (target: ProductProcess, seconds: number) => Promise<StormReport[]> {
  return (target, seconds) => {
    const job: StormJob = {
      kind: 'storm',
      plan: connectPlan(ctx, [target]),
      secret,
      ratePerSec: rate / workers.length,
      durationMs: seconds * 1000,
      timeoutMs: 10_000,
      fullLength,
    };
    for (const w of workers) w.send({ cmd: 'start', job });
    return Promise.all(workers.map(async (w) => (await w.next('storm', seconds * 1000 + 60_000)).report));
  };
}
