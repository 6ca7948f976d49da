import { type FanoutReply, startFloorServer } from '../floor-process';
import { latencyFields } from '../report';
import { FANOUT_FLAG } from '../seed';
import {
  connectPlan,
  mergeSnapshots,
  MiB,
  runRounds,
  type ScenarioContext,
  startFleet,
  Usage,
} from './common';

// Calibration, not the product: the fan-out of scenario "fanout" against a bare TCP server that
// writes one pre-built frame to every socket: floor-server.ts (Node) or floor-server.c (C,
// `--floor-server c`). Their numbers are the floor any Node server, and any user-space server
// writing one message per socket, can reach on this machine.

export async function floorScenario(ctx: ScenarioContext): Promise<void> {
  const { options } = ctx;
  const rounds = options.rounds ?? 5;
  const count = options.connections ?? 10_000;
  const server = await startFloorServer(options.floorServer, options.serverCore);
  try {
    ctx.log(`floor: ${count} connections to a ${server.label}, ${rounds} fan-outs`);
    const fleet = await startFleet(ctx, {
      type: 'server',
      secret: 'floor-server-ignores-the-token-0000000000000',
      count,
      ratePerSec: options.rate ?? 2000,
      plan: connectPlan(ctx, [{ port: server.port }]),
      pingIntervalMs: 0,
      keepLimit: 64 * 1024,
      users: null,
      fullLength: null,
      timeoutMs: 30_000,
      spin: options.spin,
      workers: options.workers,
      readyTimeoutMs: (count / (options.rate ?? 2000)) * 1000 + 120_000,
    });
    const usage = new Usage(
      [server.pid],
      fleet.workers.map((w) => w.pid),
    );
    const loops: FanoutReply[] = [];
    const end = usage.window();
    const result = await runRounds(
      ctx,
      fleet,
      rounds,
      (_round, measured) => ({
        match: `"key":"${FANOUT_FLAG}"`,
        expect: null,
        apply: async () => {
          const loop = await server.fanout();
          if (measured) loops.push(loop);
        },
      }),
      1500,
      false,
    );
    const use = end();
    usage.stop();
    const after = mergeSnapshots(await fleet.stop());
    const perSocketUs = loops.map((l) => (l.cpuMs * 1000) / l.sockets);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    ctx.rows.push({
      scenario: 'floor',
      phase: `${server.label}: write → received at each of ${count.toLocaleString('en-US')}`,
      count: result.count,
      ratePerSec: null,
      ...latencyFields(result.latency),
      errors:
        result.missing +
        result.unexpected +
        after.drops +
        loops.reduce((n, l) => n + (l.shortWrites ?? 0), 0),
      serverCpuPercent: use.server.cpuPercent,
      serverRssMiB: use.server.peakRssBytes / MiB,
      loadgenCpuPercent: use.load.cpuPercent,
      target: '',
      verdict: '',
      note:
        `server write loop: median ${median(loops.map((l) => l.ms)).toFixed(1)} ms wall, ` +
        `${median(loops.map((l) => l.cpuMs)).toFixed(1)} ms CPU ` +
        `(${median(loops.map((l) => l.systemMs)).toFixed(1)} ms in the kernel), ` +
        `${median(perSocketUs).toFixed(1)} µs CPU per socket`,
    });
  } finally {
    server.kill();
  }
}
