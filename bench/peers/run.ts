import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/e2e/support/product';
import { loadAverage } from '../els/processes';
import { idle, type LatencyMeasure, load, type LoadMeasure, toggles, toPayload, toSdk } from './measures';
import { formatTable, type PeerReport, type PeerRow, writeReport } from './report';
import { ensureUnleashInstalled, type Server, startOurs, startUnleash } from './servers';
import { featbitSide, type Side, TOGGLED, unleashSide } from './sides';

// Issue 22: Unleash's open-source server measured beside featbit-ts in the same run. Both servers
// run at once, each one process pinned to the server core on the same PostgreSQL; this process
// (pinned to the load core by `npm run bench:peers`) seeds equivalent flags, then measures one
// server at a time, alternating which goes first, and prints one side-by-side table.
// Usage: npm run bench:peers -- [--flags 20,200] [--duration S] [--warmup S] [--connections N]
//   [--toggles N] [--sdk-toggles N] [--refresh-interval MS] [--server-core C] [--main DIR] [--out DIR]

interface Options {
  flags: number[];
  duration: number;
  warmup: number;
  connections: number;
  toggles: number;
  sdkToggles: number;
  refreshIntervalMs: number;
  serverCore: number;
  /** Another build (DIR/dist/main.js) to run as featbit-ts; default this repository's, built if stale. */
  main: string | null;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    flags: [20, 200],
    duration: 10,
    warmup: 2,
    connections: 32,
    toggles: 100,
    sdkToggles: 20,
    refreshIntervalMs: 1000,
    serverCore: 0,
    main: null,
    out: join(REPO_ROOT, 'bench', 'results'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    const n = Number(value);
    if (name === '--flags') o.flags = value.split(',').map(Number);
    else if (name === '--duration') o.duration = n;
    else if (name === '--warmup') o.warmup = n;
    else if (name === '--connections') o.connections = n;
    else if (name === '--toggles') o.toggles = n;
    else if (name === '--sdk-toggles') o.sdkToggles = n;
    else if (name === '--refresh-interval') o.refreshIntervalMs = n;
    else if (name === '--server-core') o.serverCore = n;
    else if (name === '--main') o.main = value;
    else if (name === '--out') o.out = value;
    else throw new Error(`unknown option ${name}`);
  }
  const counts = [
    o.flags,
    o.duration,
    o.warmup,
    o.connections,
    o.toggles,
    o.sdkToggles,
    o.refreshIntervalMs,
  ].flat();
  if (counts.some((v) => !Number.isFinite(v) || v < 0))
    throw new Error('options must be non-negative numbers');
  o.flags.sort((a, b) => a - b);
  return o;
}

function git(args: string[], cwd = REPO_ROOT): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', cwd }).trim();
  } catch {
    return '?';
  }
}

function version(path: string): string {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Runs `measure` on both sides, first ours on even `turn`s, first the peer's on odd ones. */
async function both<T>(
  turn: number,
  sides: [Side, Side],
  measure: (side: Side) => Promise<T>,
): Promise<[T, T]> {
  const [ours, peer] = sides;
  if (turn % 2 === 0) {
    const a = await measure(ours);
    return [a, await measure(peer)];
  }
  const b = await measure(peer);
  return [await measure(ours), b];
}

function loadRows(flags: number, what: string, pair: [LoadMeasure, LoadMeasure], rows: PeerRow[]): void {
  const [a, b] = pair;
  const row = (measure: string, better: PeerRow['better'], f: (m: LoadMeasure) => number) =>
    rows.push({
      flags,
      measure: `${what}: ${measure}`,
      better,
      ours: f(a),
      peer: f(b),
      oursVia: a.endpoint,
      peerVia: b.endpoint,
    });
  row('requests/s', 'higher', (m) => m.ratePerSec);
  row('p50 ms', 'lower', (m) => m.p50Ms);
  row('p99 ms', 'lower', (m) => m.p99Ms);
  row('server CPU-s per 1,000 requests', 'lower', (m) => m.cpuSecondsPer1000);
  row('bytes on the wire per answer', 'lower', (m) => m.wireBytesPerAnswer);
  row('errors', 'lower', (m) => m.errors);
  // Informational: near 100 % the load generator, not the server, limits the rate.
  row('load generator CPU % (this process, load core)', '', (m) => m.loadCpuPercent);
}

function latencyRows(flags: number, pair: [LatencyMeasure, LatencyMeasure], rows: PeerRow[]): void {
  const [a, b] = pair;
  const row = (measure: string, f: (m: LatencyMeasure) => number | null) =>
    rows.push({
      flags,
      measure: `${a.what.split(' (')[0]}: ${measure}`,
      better: 'lower',
      ours: f(a),
      peer: f(b),
      oursVia: a.what,
      peerVia: b.what,
    });
  row('p50 ms', (m) => m.p50Ms);
  row('p99 ms', (m) => m.p99Ms);
  if (a.cpuSecondsEach !== null) row('server CPU-s per toggle', (m) => m.cpuSecondsEach);
  if (a.lost + b.lost > 0) row('not seen within the timeout', (m) => m.lost);
}

async function measureCount(flags: number, sides: [Side, Side], o: Options, rows: PeerRow[], raw: unknown[]) {
  const [ours] = sides;
  let turn = flags;
  log(`${flags} flags: seeding both servers`);
  await Promise.all(sides.map((s) => s.seed(flags)));
  await new Promise((r) => setTimeout(r, 3000)); // let seeding's after-effects settle
  const [ri, pi] = await both(turn++, sides, (s) => idle(s, 5));
  raw.push({ flags, idle: { ours: ri, peer: pi } });
  rows.push({
    flags,
    measure: 'idle RSS MiB (after seeding)',
    better: 'lower',
    ours: ri.rssMiB,
    peer: pi.rssMiB,
    oursVia: '',
    peerVia: '',
  });
  rows.push({
    flags,
    measure: 'idle CPU % of a core',
    better: 'lower',
    ours: ri.cpuPercent,
    peer: pi.cpuPercent,
    oursVia: '',
    peerVia: '',
  });

  const run = (side: Side, i: number, list: 'clientEval' | 'payload') => {
    const endpoints = side[list];
    const endpoint = endpoints[Math.min(i, endpoints.length - 1)];
    log(`${flags} flags: ${side.name} ${endpoint.label}, ${o.connections} connections, ${o.duration} s`);
    return load(side, endpoint, o.connections, o.warmup, o.duration);
  };
  let peakOurs = 0;
  let peakPeer = 0;
  for (let i = 0; i < ours.clientEval.length; i++) {
    const pair = await both(turn++, sides, (s) => run(s, i, 'clientEval'));
    raw.push({ flags, clientEval: pair });
    loadRows(flags, 'client-side evaluation, new user per request', pair, rows);
    peakOurs = Math.max(peakOurs, pair[0].peakRssMiB);
    peakPeer = Math.max(peakPeer, pair[1].peakRssMiB);
  }
  rows.push({
    flags,
    measure: 'loaded RSS MiB (peak, client-side load)',
    better: 'lower',
    ours: peakOurs,
    peer: peakPeer,
    oursVia: '',
    peerVia: '',
  });
  for (let i = 0; i < ours.payload.length; i++) {
    const pair = await both(turn++, sides, (s) => run(s, i, 'payload'));
    raw.push({ flags, payload: pair });
    loadRows(flags, 'server-SDK payload', pair, rows);
  }

  log(`${flags} flags: ${o.toggles} sequential toggles on each server`);
  const t = await both(turn++, sides, (s) => toggles(s, TOGGLED, o.toggles));
  raw.push({ flags, toggles: t });
  latencyRows(flags, t, rows);
  log(`${flags} flags: ${o.sdkToggles} toggles → connected SDK on each server`);
  const sdk = await both(turn++, sides, (s) =>
    toSdk(s, TOGGLED, o.sdkToggles, 10_000 + 3 * o.refreshIntervalMs),
  );
  raw.push({ flags, toSdk: sdk });
  latencyRows(flags, sdk, rows);
  const visible = await both(turn++, sides, (s) => toPayload(s, TOGGLED, o.sdkToggles, 10_000));
  raw.push({ flags, toPayload: visible });
  latencyRows(flags, visible, rows);
}

async function main(): Promise<void> {
  let o: Options;
  try {
    o = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const unleashVersion = ensureUnleashInstalled(log);
  const peerModules = join(__dirname, 'unleash', 'node_modules');
  const cpu = cpus()[0];
  const mainDir = o.main ?? REPO_ROOT;
  const dirty =
    git(['status', '--porcelain', '--', 'src'], mainDir) === '' ? '' : ' with uncommitted changes';
  const report: PeerReport = {
    date: new Date().toISOString(),
    commit: `${git(['rev-parse', '--short', 'HEAD'], mainDir)}${dirty}${o.main === null ? '' : ` (built in ${o.main})`}`,
    machine: `${cpus().length} × ${cpu?.model ?? '?'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    node: process.version,
    versions: {
      'unleash-server': unleashVersion,
      'unleash-client': version(join(peerModules, 'unleash-client', 'package.json')),
      '@featbit/node-server-sdk': version(
        join(REPO_ROOT, 'node_modules', '@featbit', 'node-server-sdk', 'package.json'),
      ),
    },
    command: `bench:peers ${process.argv.slice(2).join(' ')}`,
    settings: {
      'server core': o.serverCore,
      connections: o.connections,
      'warm-up s': o.warmup,
      'measured s': o.duration,
      toggles: o.toggles,
      'SDK toggles': o.sdkToggles,
      'unleash-client refresh ms': o.refreshIntervalMs,
    },
    loadAverage: { before: loadAverage(), after: '' },
    rows: [],
    notes: [],
    raw: [],
  };
  log(
    `starting featbit-ts and Unleash ${unleashVersion} on core ${o.serverCore}; load average ${report.loadAverage.before}`,
  );
  const servers: Server[] = [];
  const stopAll = () => Promise.allSettled(servers.map((s) => s.stop()));
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  let failed = false;
  try {
    const [a, b] = await Promise.allSettled([startOurs(o.serverCore, o.main), startUnleash(o.serverCore)]);
    for (const r of [a, b]) if (r.status === 'fulfilled') servers.push(r.value);
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
    const sides: [Side, Side] = [await featbitSide(a.value), unleashSide(b.value, o.refreshIntervalMs)];
    for (const flags of o.flags) await measureCount(flags, sides, o, report.rows, report.raw);
  } catch (err) {
    failed = true;
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    report.notes.push(`did not complete: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  } finally {
    report.loadAverage.after = loadAverage();
    await stopAll();
  }
  const table = formatTable(report.rows, `Unleash ${unleashVersion}`);
  console.log(
    `\nfeatbit-ts beside Unleash ${unleashVersion} — ${report.date} — commit ${report.commit}\n` +
      `${report.machine}, Node ${report.node}; both servers on core ${o.serverCore}, load from this process; ` +
      `load average ${report.loadAverage.before} → ${report.loadAverage.after}\n`,
  );
  console.log(table);
  for (const path of writeReport(o.out, report, `Unleash ${unleashVersion}`)) log(`wrote ${path}`);
  process.exit(failed ? 1 : 0);
}

void main();
