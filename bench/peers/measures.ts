import { Histogram, nowUs } from '../els/histogram';
import { sampleProc } from '../els/processes';
import { closedLoop } from './http-load';
import type { Endpoint, Side } from './sides';

// One measure on one server at a time (the other idles on the same core): closed-loop HTTP load,
// sequential toggles through the management API, toggle → connected server SDK, and toggle →
// first poll of the server-SDK payload that shows it. Server CPU comes from /proc/<pid>/stat.

export interface LoadMeasure {
  endpoint: string;
  requests: number;
  ratePerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU-seconds per 1,000 answers. */
  cpuSecondsPer1000: number;
  wireBytesPerAnswer: number;
  /** Highest RSS sampled during the window (MiB). */
  peakRssMiB: number;
  errors: number;
  encodings: Record<string, number>;
  loadCpuPercent: number;
}

export interface LatencyMeasure {
  what: string;
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Server CPU-seconds per event (toggles) or null. */
  cpuSecondsEach: number | null;
  lost: number;
}

const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cpuSeconds(pid: number): number {
  const s = sampleProc(pid);
  if (s === null) throw new Error(`process ${pid} is gone`);
  return s.cpuSeconds;
}

export async function load(
  side: Side,
  endpoint: Endpoint,
  connections: number,
  warmupS: number,
  durationS: number,
): Promise<LoadMeasure> {
  const pid = side.server.pid;
  let cpu0 = 0;
  let cpu1 = 0;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, sampleProc(pid)?.rssBytes ?? 0)), 200);
  try {
    const r = await closedLoop({
      port: side.server.port,
      connections,
      warmupMs: warmupS * 1000,
      durationMs: durationS * 1000,
      request: endpoint.request,
      onWindow: (edge) => {
        if (edge === 'start') cpu0 = cpuSeconds(pid);
        else cpu1 = cpuSeconds(pid);
      },
    });
    const ok = r.byStatus['200'] ?? 0;
    const errors = r.requests - ok + Object.values(r.errors).reduce((a, n) => a + n, 0);
    return {
      endpoint: endpoint.label,
      requests: r.requests,
      ratePerSec: r.requests / (r.windowMs / 1000),
      p50Ms: r.latency.quantileUs(0.5) / 1000,
      p99Ms: r.latency.quantileUs(0.99) / 1000,
      cpuSecondsPer1000: r.requests > 0 ? ((cpu1 - cpu0) / r.requests) * 1000 : NaN,
      wireBytesPerAnswer: r.requests > 0 ? r.wireBytes / r.requests : NaN,
      peakRssMiB: Math.max(peak, sampleProc(pid)?.rssBytes ?? 0) / MiB,
      errors,
      encodings: r.encodings,
      loadCpuPercent: r.loadCpuPercent,
    };
  } finally {
    clearInterval(sampler);
  }
}

function latency(what: string, h: Histogram, cpuSecondsEach: number | null, lost: number): LatencyMeasure {
  return {
    what,
    count: h.count,
    p50Ms: h.quantileUs(0.5) / 1000,
    p99Ms: h.quantileUs(0.99) / 1000,
    maxMs: h.maxUs / 1000,
    cpuSecondsEach,
    lost,
  };
}

/** `count` toggles one after the other (20 ms apart), after 10 unmeasured ones; even counts end on. */
export async function toggles(side: Side, key: string, count: number): Promise<LatencyMeasure> {
  const h = new Histogram();
  let cpu0 = 0;
  for (let i = -10; i < count; i++) {
    if (i === 0) cpu0 = cpuSeconds(side.server.pid);
    const t0 = nowUs();
    await side.toggle(key, i % 2 !== 0);
    if (i >= 0) h.record(nowUs() - t0);
    await sleep(20);
  }
  const cpu = cpuSeconds(side.server.pid) - cpu0;
  return latency('toggle (management API answer)', h, cpu / count, 0);
}

/**
 * Toggle → the connected SDK has the new state, `count` times; a random pause (0–1 s) between
 * toggles so that they fall at random points of a polling SDK's interval.
 */
export async function toSdk(
  side: Side,
  key: string,
  count: number,
  timeoutMs: number,
): Promise<LatencyMeasure> {
  const sdk = await side.connectSdk();
  const h = new Histogram();
  let lost = 0;
  try {
    for (let i = 0; i < count; i++) {
      const on = i % 2 !== 0;
      const arrived = sdk.next(key, on);
      const t0 = nowUs();
      await side.toggle(key, on);
      const at = await Promise.race([arrived, sleep(timeoutMs).then(() => 0)]);
      if (at === 0) lost++;
      else h.record(at - t0);
      await sleep(Math.random() * 1000);
    }
  } finally {
    await sdk.close();
  }
  return latency(`toggle → SDK (${side.sdkMode})`, h, null, lost);
}

/** Toggle → the first answer of the server-SDK payload (polled every 10 ms) that shows it. */
export async function toPayload(
  side: Side,
  key: string,
  count: number,
  timeoutMs: number,
): Promise<LatencyMeasure> {
  const h = new Histogram();
  let lost = 0;
  for (let i = 0; i < count; i++) {
    const on = i % 2 !== 0;
    const t0 = nowUs();
    await side.toggle(key, on);
    let seen = 0;
    while (nowUs() - t0 < timeoutMs * 1000) {
      if (await side.shows(key, on)) {
        seen = nowUs();
        break;
      }
      await sleep(10);
    }
    if (seen === 0) lost++;
    else h.record(seen - t0);
    await sleep(100);
  }
  return latency('toggle → server-SDK payload shows it (10 ms polling)', h, null, lost);
}

export interface IdleMeasure {
  rssMiB: number;
  /** CPU use while nothing is asked of the server (percent of one core). */
  cpuPercent: number;
}

export async function idle(side: Side, seconds: number): Promise<IdleMeasure> {
  const pid = side.server.pid;
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  await sleep(seconds * 1000);
  const c1 = cpuSeconds(pid);
  return {
    rssMiB: (sampleProc(pid)?.rssBytes ?? 0) / MiB,
    cpuPercent: ((c1 - c0) / ((performance.now() - t0) / 1000)) * 100,
  };
}
