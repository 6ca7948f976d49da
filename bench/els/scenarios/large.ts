import { warmUp } from '../deployment';
import type { ProductProcess } from '../processes';
import { latencyFields } from '../report';
import { DEFLATE_ENV } from '../ws-client';
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
// --deflate on|both (issue 22): the connections offer permessage-deflate and decode the compressed
// full syncs (ws-client.ts); the bytes sent are the server's own count (GET /metrics).

const MESSAGE_BYTES = 'featbit_full_sync_bytes_total';

/** Full-sync message bytes the evaluation process has sent so far, by encoding (0 before issue 22). */
async function sentBytes(evaluation: ProductProcess): Promise<{ plain: number; deflate: number }> {
  const body = await (await fetch(`http://127.0.0.1:${evaluation.port}/metrics`)).text();
  const read = (encoding: string) => {
    const series = `${MESSAGE_BYTES}{type="server",encoding="${encoding}"} `;
    const line = body.split('\n').find((l) => l.startsWith(series));
    return line === undefined ? 0 : Number(line.slice(series.length));
  };
  return { plain: read('plain'), deflate: read('deflate') };
}

export async function largeScenario(ctx: ScenarioContext): Promise<void> {
  // both: plain and compressed phases interleaved, twice, against the same server.
  const phases = { off: [false], on: [true], both: [false, true, false, true] }[ctx.options.deflate];
  for (const deflate of phases) {
    if (deflate) process.env[DEFLATE_ENV] = '1';
    try {
      await largePhase(ctx, deflate);
    } finally {
      delete process.env[DEFLATE_ENV];
    }
  }
}

async function largePhase(ctx: ScenarioContext, deflate: boolean): Promise<void> {
  const { options } = ctx;
  const deployment = deployed(ctx);
  const env = deployment.large!;
  const evaluation = deployment.evaluations[0];
  const count = options.connections ?? 10_000;
  const rate = options.rate ?? 1000;
  const fullLength = await warmUp(evaluation, env);
  ctx.log(
    `large: ${env.flagKeys.length} flags, full sync ${(fullLength / MiB).toFixed(2)} MiB, ` +
      `${count} connections at ${rate}/s${deflate ? ', offering permessage-deflate' : ''}`,
  );
  const bytesBefore = await sentBytes(evaluation);
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
  const bytesAfter = await sentBytes(evaluation);
  const after = mergeSnapshots(await fleet.stop());
  // Bytes on the wire: the server's count when it has one, else the clients' (plain only).
  const counted = bytesAfter.plain + bytesAfter.deflate - bytesBefore.plain - bytesBefore.deflate;
  const compressed = bytesAfter.deflate - bytesBefore.deflate;
  const wire = counted > 0 ? counted : after.syncedBytes;
  const lost = count - after.synced + after.drops;
  const errors = Math.max(lost, addProblems(ctx, 'large', after.problems));
  const rss = use.server.peakRssBytes / MiB;
  ctx.rows.push({
    scenario: 'large',
    phase:
      `${env.flagKeys.length} flags (${(fullLength / MiB).toFixed(1)} MiB): connect → full sync` +
      (deflate ? ', permessage-deflate offered' : ''),
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
      `${(wire / 1024 ** 3).toFixed(2)} GiB sent in ${fleet.rampSeconds.toFixed(1)} s ` +
      `(${(wire / 1024 ** 3 / fleet.rampSeconds).toFixed(2)} GiB/s; ${(wire / Math.max(1, after.synced) / MiB).toFixed(3)} MiB per sync` +
      `${deflate ? `, ${compressed > 0 ? 'compressed' : 'none compressed'}` : ''}); offered ${rate}/s`,
  });
}
