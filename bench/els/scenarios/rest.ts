import { warmUp } from '../deployment';
import { Histogram } from '../histogram';
import type { HttpJob, HttpRequestSpec } from '../protocol';
import { latencyFields } from '../report';
import { COUNTRIES, PLANS, standardFlagKey } from '../seed';
import { spawnWorkers } from '../workers';
import { addProblems, deployed, connectPlan, MiB, type ScenarioContext, Usage } from './common';

// Target 6: the SDK REST endpoints under closed-loop keep-alive load from the load core (our own
// minimal HTTP/1.1 client, see http-client.ts): /featureflag/evaluate and OFREP single-flag
// evaluation for 1,000 distinct users, and the server SDK's latest-all (the full payload).

const USERS = 1000;

function user(i: number) {
  return {
    keyId: `rest-user-${i}`,
    name: `user ${i}`,
    customizedProperties: [
      { name: 'country', value: COUNTRIES[i % COUNTRIES.length] },
      { name: 'plan', value: PLANS[i % PLANS.length] },
      { name: 'age', value: String(18 + (i % 60)) },
    ],
  };
}

interface Endpoint {
  name: string;
  requests: HttpRequestSpec[];
  minRate: number;
  maxP99: number | null;
}

export async function restScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const evaluation = deployment.evaluations[0];
  const duration = options.duration ?? 15;
  const fullLength = await warmUp(evaluation, env);
  const auth = { Authorization: env.clientSecret };
  const range = Array.from({ length: USERS }, (_, i) => i);
  const endpoints: Endpoint[] = [
    {
      name: `POST /api/public/featureflag/evaluate (${options.flags} flags)`,
      requests: range.map((i) => ({
        method: 'POST',
        path: '/api/public/featureflag/evaluate',
        headers: auth,
        body: JSON.stringify({ user: user(i), filter: {} }),
      })),
      minRate: 15_000,
      maxP99: 10,
    },
    {
      name: 'POST /ofrep/v1/evaluate/flags/{key}',
      requests: range.map((i) => {
        const u = user(i);
        const context = Object.fromEntries([
          ['targetingKey', u.keyId],
          ['name', u.name],
          ...u.customizedProperties.map((p) => [p.name, p.value]),
        ]);
        return {
          method: 'POST',
          path: `/ofrep/v1/evaluate/flags/${standardFlagKey(2 + (i % (options.flags - 2)))}`,
          headers: auth,
          body: JSON.stringify({ context }),
        };
      }),
      minRate: 15_000,
      maxP99: 10,
    },
    {
      name: `GET /api/public/sdk/server/latest-all (${(fullLength / 1024).toFixed(0)} KiB)`,
      requests: [
        {
          method: 'GET',
          path: '/api/public/sdk/server/latest-all?timestamp=0',
          headers: { Authorization: env.serverSecret },
        },
      ],
      minRate: 5000,
      maxP99: null,
    },
    // Issue 22: the same payload compressed (computed once per version, then served from memory).
    ...(['gzip', 'br'] as const).map((coding): Endpoint => ({
      name: `GET /api/public/sdk/server/latest-all, Accept-Encoding: ${coding}`,
      requests: [
        {
          method: 'GET',
          path: '/api/public/sdk/server/latest-all?timestamp=0',
          headers: { Authorization: env.serverSecret, 'Accept-Encoding': coding },
        },
      ],
      minRate: 5000,
      maxP99: null,
    })),
  ];
  const workers = await spawnWorkers(options.workers ?? 1, options.loadCore);
  const usage = new Usage(
    [evaluation.pid],
    workers.map((w) => w.pid),
  );
  try {
    for (const ep of endpoints) {
      ctx.log(`rest: ${ep.name}, ${options.httpConnections} connections, ${duration} s`);
      const job: HttpJob = {
        kind: 'http',
        plan: connectPlan(ctx, [evaluation]),
        connections: Math.max(1, Math.round(options.httpConnections / workers.length)),
        warmupMs: options.warmup * 1000,
        durationMs: duration * 1000,
        requests: ep.requests,
        expectStatus: 200,
      };
      for (const w of workers) w.send({ cmd: 'start', job });
      await new Promise((r) => setTimeout(r, options.warmup * 1000));
      const end = usage.window();
      const reports = await Promise.all(
        workers.map(async (w) => (await w.next('http', (options.warmup + duration) * 1000 + 60_000)).report),
      );
      const use = end();
      const latency = Histogram.from(reports.map((r) => r.latency));
      const requests = reports.reduce((a, r) => a + r.requests, 0);
      const windowS = Math.max(...reports.map((r) => r.windowMs)) / 1000;
      let errors = 0;
      for (const r of reports) {
        for (const [status, n] of Object.entries(r.byStatus)) {
          if (Number(status) !== 200) {
            errors += n;
            addProblems(ctx, 'rest', { [`${ep.name}: HTTP ${status}`]: n });
          }
        }
        errors += addProblems(ctx, 'rest', r.errors);
      }
      const rate = requests / windowS;
      const p99 = latency.quantileUs(0.99) / 1000;
      const met = rate >= ep.minRate && (ep.maxP99 === null || p99 <= ep.maxP99) && errors === 0;
      ctx.rows.push({
        scenario: 'rest',
        phase: ep.name,
        count: requests,
        ratePerSec: rate,
        ...latencyFields(latency),
        errors,
        serverCpuPercent: use.server.cpuPercent,
        serverRssMiB: use.server.peakRssBytes / MiB,
        loadgenCpuPercent: use.load.cpuPercent,
        target: `≥ ${ep.minRate.toLocaleString('en-US')}/s${ep.maxP99 === null ? '' : `, p99 ≤ ${ep.maxP99} ms`}`,
        verdict: met ? 'met' : 'missed',
        note:
          `${options.httpConnections} keep-alive connections, closed loop` +
          (use.load.cpuPercent > 90 ? ' (load generator saturated)' : ''),
      });
    }
  } finally {
    usage.stop();
    for (const w of workers) w.kill();
  }
}
