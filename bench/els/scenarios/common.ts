import type { Deployment } from '../deployment';
import { Histogram, nowUs } from '../histogram';
import { backlogDrops } from '../net-tuning';
import { localAddresses, type Options } from '../options';
import type { ProductProcess } from '../processes';
import { sampleProc, UsageSampler, type UsageWindow } from '../processes';
import type { ClientExpectation, ConnectPlan, FleetJob, FleetSnapshot, RoundReport } from '../protocol';
import { QueueProbe } from '../queue-probe';
import type { Row } from '../report';
import { latencyFields } from '../report';
import { type LoadWorker, spawnWorkers } from '../workers';

// What every scenario needs: the deployment, the rows it adds, fleets of connections spread over
// load workers, and measured rounds of changes (arm → management-API call → arrivals).

/** Connections one load worker holds at most (the file-descriptor limit here is 20,000). */
export const MAX_PER_WORKER = 15_000;

export interface ScenarioContext {
  options: Options;
  /** null when only calibration scenarios run (nothing deployed). */
  deployment: Deployment | null;
  rows: Row[];
  problems: Record<string, Record<string, number>>;
  log(message: string): void;
}

export type ScenarioRunner = (ctx: ScenarioContext) => Promise<void>;

export function deployed(ctx: ScenarioContext): Deployment {
  if (ctx.deployment === null) throw new Error('this scenario needs the product deployed');
  return ctx.deployment;
}

export function connectPlan(ctx: ScenarioContext, evaluations: Pick<ProductProcess, 'port'>[]): ConnectPlan {
  return {
    endpoints: evaluations.map((p) => ({ host: '127.0.0.1', port: p.port })),
    localAddresses: localAddresses(ctx.options.addresses),
  };
}

/** Windows over the evaluation processes and the load workers at once. */
export class Usage {
  private readonly server: UsageSampler;
  private readonly load: UsageSampler;

  constructor(serverPids: number[], loadPids: number[]) {
    this.server = new UsageSampler(serverPids);
    this.load = new UsageSampler(loadPids);
  }

  window(): () => { server: UsageWindow; load: UsageWindow } {
    const s = this.server.window();
    const l = this.load.window();
    return () => ({ server: s(), load: l() });
  }

  stop(): void {
    this.server.stop();
    this.load.stop();
  }
}

export const MiB = 1024 * 1024;

export function addProblems(
  ctx: ScenarioContext,
  scenario: string,
  problems: Record<string, number>,
): number {
  let total = 0;
  for (const [what, n] of Object.entries(problems)) {
    const into = (ctx.problems[scenario] ??= {});
    into[what] = (into[what] ?? 0) + n;
    total += n;
  }
  return total;
}

export interface FleetSpec extends Omit<FleetJob, 'kind' | 'count' | 'firstIndex' | 'ratePerSec' | 'plan'> {
  count: number;
  ratePerSec: number;
  plan: ConnectPlan;
  workers: number | null;
  /** Longest wait for the ramp (every connection synced). */
  readyTimeoutMs: number;
}

export interface Fleet {
  workers: LoadWorker[];
  /** Seconds from the first connect to the last first-sync. */
  rampSeconds: number;
  /** CPU use of the load workers during the ramp (percent of one core). */
  rampLoadCpuPercent: number;
  snapshots(): Promise<FleetSnapshot[]>;
  stop(): Promise<FleetSnapshot[]>;
}

export function mergeSnapshots(parts: FleetSnapshot[]) {
  const problems: Record<string, number> = {};
  for (const p of parts)
    for (const [k, v] of Object.entries(p.problems)) problems[k] = (problems[k] ?? 0) + v;
  const sum = (f: (s: FleetSnapshot) => number) => parts.reduce((a, s) => a + f(s), 0);
  return {
    opened: sum((s) => s.opened),
    synced: sum((s) => s.synced),
    open: sum((s) => s.open),
    drops: sum((s) => s.drops),
    failedConnects: sum((s) => s.failedConnects),
    pingsSent: sum((s) => s.pingsSent),
    pongs: sum((s) => s.pongs),
    missedPongs: sum((s) => s.missedPongs),
    syncedBytes: sum((s) => s.syncedBytes),
    problems,
    syncLatency: Histogram.from(parts.map((s) => s.syncLatency)),
    pongLatency: Histogram.from(parts.map((s) => s.pongLatency)),
  };
}

/** Spreads `count` connections over load workers and waits until every one had its first sync. */
export async function startFleet(ctx: ScenarioContext, spec: FleetSpec): Promise<Fleet> {
  const workerCount = spec.workers ?? Math.max(1, Math.ceil(spec.count / MAX_PER_WORKER));
  const workers = await spawnWorkers(workerCount, ctx.options.loadCore);
  const { workers: _w, readyTimeoutMs, ...jobBase } = spec;
  let first = 0;
  const cpuBefore = workers.reduce((a, w) => a + (sampleProc(w.pid)?.cpuSeconds ?? 0), 0);
  const t0 = nowUs();
  workers.forEach((w, i) => {
    const count = Math.floor(spec.count / workerCount) + (i < spec.count % workerCount ? 1 : 0);
    const job: FleetJob = {
      ...jobBase,
      kind: 'fleet',
      count,
      firstIndex: first,
      ratePerSec: spec.ratePerSec / workerCount,
    };
    first += count;
    w.send({ cmd: 'start', job });
  });
  const progress = setInterval(() => {
    const synced = workers.reduce((a, w) => a + (w.lastProgress?.snapshot.synced ?? 0), 0);
    const failed = workers.reduce(
      (a, w) =>
        a + (w.lastProgress ? w.lastProgress.snapshot.failedConnects + w.lastProgress.snapshot.drops : 0),
      0,
    );
    ctx.log(
      `  ramp: ${synced.toLocaleString('en-US')} synced, ${failed} failed of ${spec.count.toLocaleString('en-US')}`,
    );
  }, 5000);
  try {
    await Promise.all(workers.map((w) => w.next('ready', readyTimeoutMs)));
  } catch (err) {
    for (const w of workers) w.kill();
    throw err;
  } finally {
    clearInterval(progress);
  }
  const snapshots = async () => {
    for (const w of workers) w.send({ cmd: 'snapshot' });
    return Promise.all(workers.map(async (w) => (await w.next('snapshot', 30_000)).snapshot));
  };
  const cpuAfter = workers.reduce((a, w) => a + (sampleProc(w.pid)?.cpuSeconds ?? 0), 0);
  const wallSeconds = (nowUs() - t0) / 1e6;
  const last = Math.max(...(await snapshots()).map((s) => s.allSyncedAt));
  return {
    workers,
    rampSeconds: ((last > 0 ? last : nowUs()) - t0) / 1e6,
    rampLoadCpuPercent: ((cpuAfter - cpuBefore) / wallSeconds) * 100,
    snapshots,
    stop: async () => {
      for (const w of workers) w.send({ cmd: 'stop' });
      const done = await Promise.all(
        workers.map(async (w) => (await w.next('stopped', 60_000).catch(() => null))?.snapshot ?? null),
      );
      for (const w of workers) w.kill();
      return done.filter((s): s is FleetSnapshot => s !== null);
    },
  };
}

export interface RoundChange {
  /** A substring every pushed message must contain. */
  match: string;
  expect: ClientExpectation | null;
  /** Makes the change through the management API; resolves when the API answered. */
  apply(): Promise<void>;
  /** Work before the timed call (e.g. reading the current revision). */
  prepare?(): Promise<void>;
}

export interface RoundsResult {
  latency: Histogram;
  api: Histogram;
  /** API call → queue message seen by the probe (when the queue can be watched). */
  queue: Histogram;
  /** Queue message → first push at an SDK connection. */
  firstPush: Histogram;
  /** First → last push of a round. */
  spread: Histogram;
  /** The evaluation process's own fan-out loop per change (from its debug log, when enabled). */
  serverLoop: Histogram;
  /**
   * Push latencies of the warm-up rounds (the first changes after start, with code not yet
   * optimized by the JIT): checked like the others, reported apart, not in the figures above.
   */
  cold: Histogram;
  /** Problems are counted over every round, warm-up included. */
  missing: number;
  /** Packets dropped at a full kernel input queue during measured rounds (each a retransmission). */
  inputQueueDrops: number;
  unexpected: number;
  wrongValue: number;
  count: number;
}

/** The `ms` of the last "change pushed" debug line of an evaluation process, if any. */
function lastFanoutMs(logs: string): number | null {
  const at = logs.lastIndexOf('"msg":"change pushed"');
  if (at < 0) return null;
  const lineStart = logs.lastIndexOf('\n', at) + 1;
  const m = /"ms":([\d.]+)/.exec(logs.slice(lineStart, logs.indexOf('\n', at) >>> 0));
  return m === null ? null : Number(m[1]);
}

/**
 * Runs `ctx.options.warmUpRounds` warm-up rounds, then the measured rounds: arm every connection,
 * call the API, gather arrival times. `change` is told whether its round is measured.
 */
export async function runRounds(
  ctx: ScenarioContext,
  fleet: Fleet,
  rounds: number,
  change: (round: number, measured: boolean) => RoundChange,
  settleMs = 1500,
  watchQueue = true,
): Promise<RoundsResult> {
  const deployment = ctx.deployment;
  const probe =
    watchQueue && deployment !== null
      ? await QueueProbe.open(deployment.providerEnv, deployment.standard?.envId ?? '')
      : null;
  const latency = new Histogram();
  const api = new Histogram();
  const queue = new Histogram();
  const firstPush = new Histogram();
  const spread = new Histogram();
  const serverLoop = new Histogram();
  const cold = new Histogram();
  const warmUps = ctx.options.warmUpRounds;
  const evaluation = deployment?.evaluations[0] ?? null;
  let missing = 0;
  let unexpected = 0;
  let wrongValue = 0;
  let inputQueueDrops = 0;
  for (let round = 1; round <= warmUps + rounds; round++) {
    const measured = round > warmUps;
    const c = change(round, measured);
    await c.prepare?.();
    for (const w of fleet.workers) w.send({ cmd: 'arm', round, match: c.match, expect: c.expect });
    await Promise.all(fleet.workers.map((w) => w.next('armed', 30_000)));
    await new Promise((r) => setTimeout(r, 200));
    probe?.arm();
    const dropsBefore = backlogDrops();
    const t0 = nowUs();
    await c.apply();
    const apiUs = nowUs() - t0;
    if (measured) api.record(apiUs);
    const queuedAt = (await probe?.next()) ?? 0;
    const reports: RoundReport[] = await Promise.all(
      fleet.workers.map(async (w) => {
        try {
          return (await w.next('round', 15_000)).report;
        } catch {
          w.send({ cmd: 'collect', round });
          return (await w.next('round', 30_000)).report;
        }
      }),
    );
    let n = 0;
    let worst = 0;
    let firstAt = Infinity;
    for (const r of reports) {
      for (const at of r.arrivals) {
        (measured ? latency : cold).record(at - t0);
        if (at - t0 > worst) worst = at - t0;
        if (at < firstAt) firstAt = at;
        n++;
      }
      missing += r.missing;
      unexpected += r.unexpected;
      wrongValue += r.wrongValue;
    }
    const drops = backlogDrops() - dropsBefore;
    if (measured) inputQueueDrops += drops;
    const loopMs = evaluation === null ? null : lastFanoutMs(evaluation.logs());
    if (measured && n > 0) spread.record(worst - (firstAt - t0));
    if (measured && loopMs !== null) serverLoop.record(loopMs * 1000);
    if (measured && queuedAt > 0) {
      queue.record(queuedAt - t0);
      if (n > 0) firstPush.record(firstAt - queuedAt);
    }
    ctx.log(
      `  round ${round}${measured ? '' : ' (warm-up)'}: ${n} pushes; API answered after ${(apiUs / 1000).toFixed(1)} ms, ` +
        `queue message after ${queuedAt > 0 ? ((queuedAt - t0) / 1000).toFixed(1) : '?'} ms, ` +
        `first push after ${n > 0 ? ((firstAt - t0) / 1000).toFixed(1) : '?'} ms, last after ${(worst / 1000).toFixed(1)} ms` +
        (drops > 0 ? `; ${drops} packets dropped at a full input queue` : ''),
    );
    await new Promise((r) => setTimeout(r, settleMs));
  }
  await probe?.stop();
  return {
    latency,
    api,
    queue,
    firstPush,
    spread,
    serverLoop,
    cold,
    missing,
    inputQueueDrops,
    unexpected,
    wrongValue,
    count: latency.count,
  };
}

/** Rows splitting a change's latency into stages (API → queue → first push → last push). */
export function stageRows(
  scenario: string,
  r: RoundsResult,
  base: Omit<
    Row,
    | 'phase'
    | 'count'
    | 'ratePerSec'
    | 'p50Ms'
    | 'p95Ms'
    | 'p99Ms'
    | 'maxMs'
    | 'errors'
    | 'target'
    | 'verdict'
    | 'note'
    | 'scenario'
  >,
): Row[] {
  const row = (phase: string, h: Histogram, note = ''): Row => ({
    ...base,
    scenario,
    phase,
    count: h.count,
    ratePerSec: null,
    ...latencyFields(h),
    errors: 0,
    target: '',
    verdict: '',
    note,
  });
  const rows = [row('  stage: management API call → its response', r.api)];
  if (r.queue.count > 0) {
    rows.push(row('  stage: API call → queue message (probe)', r.queue));
    rows.push(row('  stage: queue message → first push received', r.firstPush));
  }
  rows.push(row('  stage: first → last push of a round', r.spread));
  if (r.serverLoop.count > 0) rows.push(row('  stage: server fan-out loop (its debug log)', r.serverLoop));
  if (r.cold.count > 0) rows.push(row('  warm-up: first change after start (not in the rows above)', r.cold));
  return rows;
}
