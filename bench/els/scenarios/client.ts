import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { warmUp } from '../deployment';
import { latencyFields } from '../report';
import { CLIENT_FLAG, COUNTRIES, PLANS, setCountryRule } from '../seed';
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

// Target 5: client-SDK connections, each with its own user (country, plan, age). Each round
// replaces the targeting of one flag through the management API (a rule "country is one of …"
// serving "blue", everyone else "green"); every connection must receive the flag re-evaluated for
// its user, and the worker checks the served value against the rule.

const ROUND_COUNTRIES = [
  ['us', 'de', 'jp'],
  ['fr', 'br', 'gb', 'ca'],
];

export async function clientScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const rounds = options.rounds ?? 5;
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const evaluation = deployment.evaluations[0];
  const count = options.connections ?? 10_000;
  await warmUp(evaluation, env);
  ctx.log(`client: ${count} client connections with distinct users, ${rounds} targeting changes`);
  const fleet = await startFleet(ctx, {
    type: 'client',
    secret: env.clientSecret,
    count,
    ratePerSec: options.rate ?? 2000,
    plan: connectPlan(ctx, [evaluation]),
    pingIntervalMs: options.pingSeconds * 1000,
    keepLimit: 64 * 1024,
    users: { prefix: 'client-user-', countries: COUNTRIES, plans: PLANS },
    fullLength: null,
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
    let flag: FeatureFlag | null = null;
    const result = await runRounds(ctx, fleet, rounds, (round) => {
      const countries = ROUND_COUNTRIES[round % 2];
      return {
        match: `"id":"${CLIENT_FLAG}"`,
        expect: {
          flagKey: CLIENT_FLAG,
          byCountry: Object.fromEntries(countries.map((c) => [c, 'blue'])),
          otherwise: 'green',
        },
        prepare: async () => {
          flag = await env.api.getFlag(env.envId, CLIENT_FLAG);
        },
        apply: () => setCountryRule(env, flag!, countries, `round ${round}`),
      };
    });
    const use = end();
    const after = mergeSnapshots(await fleet.stop());
    const errors =
      result.missing +
      result.unexpected +
      result.wrongValue +
      after.drops +
      addProblems(ctx, 'client', after.problems);
    const p99 = result.latency.quantileUs(0.99) / 1000;
    const common = {
      scenario: 'client',
      serverCpuPercent: use.server.cpuPercent,
      serverRssMiB: use.server.peakRssBytes / MiB,
      loadgenCpuPercent: use.load.cpuPercent,
    };
    ctx.rows.push({
      ...common,
      phase: `targeting change (API) → re-evaluated push at each of ${count.toLocaleString('en-US')}`,
      count: result.count,
      ratePerSec: null,
      ...latencyFields(result.latency),
      errors,
      target: 'p99 ≤ 150 ms (10,000 users)',
      verdict: count >= 10_000 && p99 <= 150 && errors === 0 ? 'met' : 'missed',
      note: `${rounds} rounds after ${options.warmUpRounds} warm-up; ${result.inputQueueDrops} input-queue drops in them; ${result.missing} missing, ${result.wrongValue} wrong values`,
    });
    ctx.rows.push(...stageRows('client', result, common));
    ctx.rows.push({
      ...common,
      serverCpuPercent: null,
      loadgenCpuPercent: null,
      phase: 'client connect → evaluated full sync (ramp)',
      count: after.synced,
      ratePerSec: after.synced / fleet.rampSeconds,
      ...latencyFields(after.syncLatency),
      errors: after.failedConnects,
      target: '',
      verdict: '',
      note: '',
    });
  } finally {
    usage.stop();
  }
}
