import { warmUp } from '../deployment';
import { latencyFields } from '../report';
import { FANOUT_FLAG } from '../seed';
import {
  addProblems,
  connectPlan,
  deployed,
  mergeSnapshots,
  MiB,
  runRounds,
  type ScenarioContext,
  stageRows,
  startFleet,
  Usage,
} from './common';

// Target 3: server-SDK connections in one environment; a flag is toggled through the management
// API (api process on the load core) and every connection must receive the patch. Latency runs
// from just before the API call to the arrival of the whole message at each connection.

export async function fanoutScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const rounds = options.rounds ?? 5;
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const evaluation = deployment.evaluations[0];
  const count = options.connections ?? 10_000;
  const fullLength = await warmUp(evaluation, env);
  ctx.log(`fanout: ${count} server connections, ${rounds} flag toggles`);
  const fleet = await startFleet(ctx, {
    type: 'server',
    secret: env.serverSecret,
    count,
    ratePerSec: options.rate ?? 2000,
    plan: connectPlan(ctx, [evaluation]),
    pingIntervalMs: options.pingSeconds * 1000,
    keepLimit: 64 * 1024,
    users: null,
    fullLength,
    timeoutMs: 30_000,
    spin: options.spin,
    workers: options.workers,
    readyTimeoutMs: (count / (options.rate ?? 2000)) * 1000 + 120_000,
  });
  const usage = new Usage(
    [evaluation.pid],
    fleet.workers.map((w) => w.pid),
  );
  try {
    await new Promise((r) => setTimeout(r, 1000));
    const end = usage.window();
    const result = await runRounds(ctx, fleet, rounds, (round) => ({
      match: `"key":"${FANOUT_FLAG}"`,
      expect: null,
      apply: () => env.api.toggleFlag(env.envId, FANOUT_FLAG, round % 2 === 0).then(() => undefined),
    }));
    const use = end();
    const after = mergeSnapshots(await fleet.stop());
    const errors =
      result.missing + result.unexpected + after.drops + addProblems(ctx, 'fanout', after.problems);
    const p50 = result.latency.quantileUs(0.5) / 1000;
    const p99 = result.latency.quantileUs(0.99) / 1000;
    const common = {
      scenario: 'fanout',
      serverCpuPercent: use.server.cpuPercent,
      serverRssMiB: use.server.peakRssBytes / MiB,
      loadgenCpuPercent: use.load.cpuPercent,
    };
    ctx.rows.push({
      ...common,
      phase: `flag toggle (API) → patch at each of ${count.toLocaleString('en-US')}`,
      count: result.count,
      ratePerSec: null,
      ...latencyFields(result.latency),
      errors,
      target: 'p50 ≤ 20 ms, p99 ≤ 60 ms (10,000)',
      verdict: count >= 10_000 && p50 <= 20 && p99 <= 60 && errors === 0 ? 'met' : 'missed',
      note: `${rounds} rounds after ${options.warmUpRounds} warm-up; ${result.inputQueueDrops} input-queue drops in them; ${result.missing} missing, ${result.unexpected} unexpected`,
    });
    ctx.rows.push(...stageRows('fanout', result, common));
  } finally {
    usage.stop();
  }
}
