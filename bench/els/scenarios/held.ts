import { warmUp } from '../deployment';
import { sampleProc } from '../processes';
import { latencyFields } from '../report';
import {
  addProblems,
  connectPlan,
  deployed,
  mergeSnapshots,
  MiB,
  type ScenarioContext,
  startFleet,
  Usage,
} from './common';

// Target 2: idle server-SDK connections, each after its full sync pinging every 20 s (like the
// SDKs), held for the duration. Every drop, refused connection or unanswered ping is an error.

export async function heldScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const evaluations = deployment.evaluations;
  const count = options.connections ?? 50_000;
  const rate = options.rate ?? 2000;
  const duration = options.duration ?? 300;
  let fullLength = 0;
  for (const e of evaluations) fullLength = await warmUp(e, env);
  ctx.log(
    `held: ${count} connections over ${evaluations.length} evaluation process(es) at ${rate}/s, ` +
      `ping every ${options.pingSeconds} s, hold ${duration} s`,
  );
  const idleRss = evaluations.reduce((a, e) => a + (sampleProc(e.pid)?.rssBytes ?? 0), 0);
  const rampUsage = new Usage(
    evaluations.map((e) => e.pid),
    [],
  );
  const rampEnd = rampUsage.window();
  const fleet = await startFleet(ctx, {
    type: 'server',
    secret: env.serverSecret,
    count,
    ratePerSec: rate,
    plan: connectPlan(ctx, evaluations),
    pingIntervalMs: options.pingSeconds * 1000,
    keepLimit: 64 * 1024,
    users: null,
    fullLength,
    timeoutMs: 30_000,
    spin: options.spin,
    workers: options.workers,
    readyTimeoutMs: (count / rate) * 1000 + 120_000,
  });
  const ramp = rampEnd();
  rampUsage.stop();
  const usage = new Usage(
    evaluations.map((e) => e.pid),
    fleet.workers.map((w) => w.pid),
  );
  try {
    const before = mergeSnapshots(await fleet.snapshots());
    const end = usage.window();
    const t0 = performance.now();
    while (performance.now() - t0 < duration * 1000) {
      await new Promise((r) => setTimeout(r, Math.min(30_000, duration * 1000 - (performance.now() - t0))));
      const s = mergeSnapshots(await fleet.snapshots());
      ctx.log(
        `  held ${Math.round((performance.now() - t0) / 1000)} s: ${s.open} open, ${s.drops} dropped, ` +
          `${s.pongs - before.pongs} pongs, ${s.missedPongs} missed`,
      );
    }
    const use = end();
    const after = mergeSnapshots(await fleet.stop());
    const errors =
      addProblems(ctx, 'held', after.problems) +
      after.missedPongs +
      (count - after.synced > 0 ? count - after.synced : 0);
    const rssLimit = 1.5 * 1024;
    const rss = use.server.peakRssBytes / MiB;
    const perProcess =
      evaluations.length > 1 ? ` (${evaluations.length} processes on core ${options.serverCore})` : '';
    ctx.rows.push({
      scenario: 'held',
      phase: `ramp: connect → full sync${perProcess}`,
      count: after.synced,
      ratePerSec: after.synced / fleet.rampSeconds,
      ...latencyFields(after.syncLatency),
      errors: after.failedConnects,
      serverCpuPercent: ramp.server.cpuPercent,
      serverRssMiB: ramp.server.peakRssBytes / MiB,
      loadgenCpuPercent: fleet.rampLoadCpuPercent,
      target: '',
      verdict: '',
      note: '',
    });
    const held = after.synced - after.drops;
    ctx.rows.push({
      scenario: 'held',
      phase: `${held.toLocaleString('en-US')} held ${duration} s: ping → pong`,
      count: after.pongs - before.pongs,
      ratePerSec: (after.pongs - before.pongs) / duration,
      ...latencyFields(after.pongLatency),
      errors,
      serverCpuPercent: use.server.cpuPercent,
      serverRssMiB: rss,
      loadgenCpuPercent: use.load.cpuPercent,
      target: '≥ 50,000 for 5 min, 0 drops, RSS ≤ 1.5 GiB',
      verdict: held >= 50_000 && duration >= 300 && errors === 0 && rss <= rssLimit ? 'met' : 'missed',
      note:
        `${after.drops} dropped, ${after.missedPongs} pings unanswered; RSS summed over the evaluation ` +
        `processes, ${(idleRss / MiB).toFixed(0)} MiB before the ramp → ` +
        `${((use.server.peakRssBytes - idleRss) / Math.max(1, held) / 1024).toFixed(1)} KiB per connection`,
    });
  } finally {
    usage.stop();
  }
}
