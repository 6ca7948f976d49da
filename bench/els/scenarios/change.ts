import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import { Histogram, nowUs } from '../histogram';
import { sampleProc } from '../processes';
import { QueueProbe } from '../queue-probe';
import { latencyFields } from '../report';
import { CLIENT_FLAG, FANOUT_FLAG, type SeededEnv, setCountryRule } from '../seed';
import { deployed, type ScenarioContext } from './common';

// The management write path on its own: how long a change takes from the API call to the API's
// answer and to the message on the queue the evaluation servers listen to (the part of targets 3
// and 5 that happens before any evaluation server is involved). Changes are made one at a time
// with a pause between them, so that each finds the api idle (its previous relay finished); no SDK
// connections are open. `--rounds N`: changes per kind (default 200), after 20 unmeasured ones.

const PAUSE_MS = 50;
const WARM_UP = 20;

interface Kind {
  phase: string;
  /** Reads what the change needs (not timed). */
  prepare(i: number): Promise<() => Promise<unknown>>;
}

function kinds(env: SeededEnv): Kind[] {
  return [
    {
      phase: 'flag toggle (PUT …/toggle/{on}) → ',
      prepare: (i) => Promise.resolve(() => env.api.toggleFlag(env.envId, FANOUT_FLAG, i % 2 === 0)),
    },
    {
      phase: 'targeting change (PUT …/targeting, one rule) → ',
      prepare: async (i) => {
        const flag: FeatureFlag = await env.api.getFlag(env.envId, CLIENT_FLAG);
        return () => setCountryRule(env, flag, ['us', 'de'], `change ${i}`);
      },
    },
  ];
}

export async function changeScenario(ctx: ScenarioContext): Promise<void> {
  const deployment = deployed(ctx);
  const env = deployment.standard!;
  const count = ctx.options.rounds ?? 200;
  const probe = await QueueProbe.open(deployment.providerEnv, env.envId);
  ctx.log(`change: ${count} sequential changes per kind, ${PAUSE_MS} ms apart`);
  try {
    for (const kind of kinds(env)) {
      const answered = new Histogram();
      const queued = new Histogram();
      let lost = 0;
      let cpuStart = 0;
      for (let i = 0; i < WARM_UP + count; i++) {
        if (i === WARM_UP) cpuStart = sampleProc(deployment.api.pid)?.cpuSeconds ?? 0;
        const apply = await kind.prepare(i);
        probe?.arm();
        const t0 = nowUs();
        await apply();
        const t1 = nowUs();
        const queuedAt = (await probe?.next()) ?? 0;
        if (probe !== null && queuedAt === 0) lost++;
        if (i >= WARM_UP) {
          answered.record(t1 - t0);
          if (queuedAt > 0) queued.record(queuedAt - t0);
        }
        await new Promise((r) => setTimeout(r, PAUSE_MS));
      }
      // The api's CPU per change: the request, its transaction and the relay after it (and the
      // reads `prepare` makes, the same before and after a change to the write path).
      const cpuMs = (((sampleProc(deployment.api.pid)?.cpuSeconds ?? 0) - cpuStart) * 1000) / count;
      const row = (phase: string, h: Histogram, errors: number, note: string) =>
        ctx.rows.push({
          scenario: 'change',
          phase: kind.phase + phase,
          count: h.count,
          ratePerSec: null,
          ...latencyFields(h),
          errors,
          serverCpuPercent: null,
          serverRssMiB: null,
          loadgenCpuPercent: null,
          target: '',
          verdict: '',
          note,
        });
      row(
        'its response',
        answered,
        0,
        `api process on core ${ctx.options.loadCore}, ${cpuMs.toFixed(2)} ms of its CPU per change; ${WARM_UP} unmeasured first`,
      );
      if (probe !== null) row('queue message (probe)', queued, lost, lost > 0 ? `${lost} never queued` : '');
    }
  } finally {
    await probe?.stop();
  }
}
