import { warmUp } from '../deployment';
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

// Target 4: FeatBit's large inventory (3,000 flags, ~5 MB per full sync) and 10,000 server-SDK
// connections each doing a full sync, ramped as fast as asked. The workers count the bytes of
// each full sync without buffering it; every sync must have the exact length of the payload.

export async function largeScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const deployment = deployed(ctx);
  const env = deployment.large!;
  const evaluation = deployment.evaluations[0];
  const count = options.connections ?? 10_000;
  const rate = options.rate ?? 1000;
  const fullLength = await warmUp(evaluation, env);
  ctx.log(
    `large: ${env.flagKeys.length} flags, full sync ${(fullLength / MiB).toFixed(2)} MiB, ` +
      `${count} connections at ${rate}/s`,
  );
  const usage = new Usage([evaluation.pid], []);
  const end = usage.window();
  const fleet = await startFleet(ctx, {
    type: 'server',
    secret: env.serverSecret,
    count,
    ratePerSec: rate,
    plan: connectPlan(ctx, [evaluation]),
    pingIntervalMs: options.pingSeconds * 1000,
    keepLimit: 64 * 1024,
    users: null,
    fullLength,
    timeoutMs: 300_000,
    spin: options.spin,
    workers: options.workers,
    readyTimeoutMs: (count / rate) * 1000 + 600_000,
  });
  const use = end();
  usage.stop();
  // Still there a few seconds later?
  await new Promise((r) => setTimeout(r, 5000));
  const after = mergeSnapshots(await fleet.stop());
  const lost = count - after.synced + after.drops;
  const errors = Math.max(lost, addProblems(ctx, 'large', after.problems));
  const rss = use.server.peakRssBytes / MiB;
  ctx.rows.push({
    scenario: 'large',
    phase: `${env.flagKeys.length} flags (${(fullLength / MiB).toFixed(1)} MiB): connect → full sync`,
    count: after.synced,
    ratePerSec: after.synced / fleet.rampSeconds,
    ...latencyFields(after.syncLatency),
    errors,
    serverCpuPercent: use.server.cpuPercent,
    serverRssMiB: rss,
    loadgenCpuPercent: fleet.rampLoadCpuPercent,
    target: '10,000 full syncs, 0 lost, RSS ≤ 2 GiB',
    verdict: count >= 10_000 && lost === 0 && errors === 0 && rss <= 2048 ? 'met' : 'missed',
    note:
      `${(after.syncedBytes / 1024 ** 3).toFixed(1)} GiB sent in ${fleet.rampSeconds.toFixed(1)} s ` +
      `(${(after.syncedBytes / 1024 ** 3 / fleet.rampSeconds).toFixed(2)} GiB/s); offered ${rate}/s`,
  });
}
