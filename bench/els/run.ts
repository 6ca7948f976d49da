import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { deploy } from './deployment';
import { type Options, parseOptions, type Scenario } from './options';
import { enableLoopbackRps, type NetTuning } from './net-tuning';
import { loadAverage, tcpCounters } from './processes';
import { formatTable, type Report, writeReport } from './report';
import { type ScenarioContext, type ScenarioRunner } from './scenarios/common';
import { clientScenario } from './scenarios/client';
import { clientRestScenario } from './scenarios/client-rest';
import { fanoutScenario } from './scenarios/fanout';
import { floorScenario } from './scenarios/floor';
import { changeScenario } from './scenarios/change';
import { edgeScenario } from './scenarios/edge';
import { heldScenario } from './scenarios/held';
import { largeScenario } from './scenarios/large';
import { restScenario } from './scenarios/rest';
import { stormScenario } from './scenarios/storm';
import { stormAbScenario } from './scenarios/storm-ab';

// Load harness for the evaluation role (issue 8): deploys the product on this machine, runs the
// chosen scenarios from load-generator processes on the other core and prints one table.
// Usage: npm run bench:els -- <scenario>[,<scenario>…] [options]   (see options.ts)

const RUNNERS: Record<Scenario, ScenarioRunner> = {
  storm: stormScenario,
  'storm-ab': stormAbScenario,
  held: heldScenario,
  fanout: fanoutScenario,
  edge: edgeScenario,
  large: largeScenario,
  client: clientScenario,
  rest: restScenario,
  'client-rest': clientRestScenario,
  change: changeScenario,
  floor: floorScenario,
};

/** Per-process file limit here (hard limit 20,000): leave room for everything but sockets. */
const FDS_PER_SERVER = 18_000;

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

function serverCount(options: Options): number {
  if (options.servers !== null) return Math.max(1, options.servers);
  if (options.scenarios.includes('storm-ab')) return 2;
  if (!options.scenarios.includes('held') || options.stack === 'embedded') return 1;
  return Math.max(1, Math.ceil((options.connections ?? 50_000) / FDS_PER_SERVER));
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
  const cpu = cpus()[0];
  const report: Report = {
    date: new Date().toISOString(),
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'src']) === '' ? '' : ' (+ local changes)'}`,
    machine: `${cpus().length} × ${cpu?.model ?? '?'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    node: process.version,
    stack: options.stack,
    command: `bench:els ${process.argv.slice(2).join(' ')}`,
    loadAverage: { before: loadAverage(), after: '' },
    rows: [],
    problems: {},
  };
  if (options.evaluationBuild !== null)
    report.commit += `; evaluation role run from ${options.evaluationBuild}`;
  if (options.apiBuild !== null) report.commit += `; api role run from ${options.apiBuild}`;
  if (options.evaluationBuildB !== null)
    report.commit += `; storm-ab build B from ${options.evaluationBuildB}`;
  let net: NetTuning | null = null;
  if (options.rps) {
    net = enableLoopbackRps(options.loadCore);
    process.once('exit', () => net?.restore());
    log(`loopback receive processing steered to core ${options.loadCore} (RPS)`);
  }
  log(`deploying (${options.stack}); load average ${report.loadAverage.before}`);
  const product = options.scenarios.filter((s) => s !== 'floor');
  const deployment =
    product.length === 0
      ? null
      : await deploy(options, {
          servers: serverCount(options),
          standard: product.some((s) => s !== 'large'),
          large: product.includes('large'),
        });
  // Ctrl-C: stop the deployment (processes, database) before leaving.
  process.once('SIGINT', () => {
    log('interrupted: stopping the deployment');
    void (deployment?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  const ctx: ScenarioContext = { options, deployment, rows: report.rows, problems: report.problems, log };
  let failed = false;
  try {
    for (const scenario of options.scenarios) {
      const before = tcpCounters();
      const firstRow = report.rows.length;
      try {
        await RUNNERS[scenario](ctx);
        const after = tcpCounters();
        const deltas = Object.entries(after)
          .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
          .filter(([, d]) => d > 0);
        const row = report.rows[firstRow];
        if (deltas.length > 0 && row !== undefined) {
          const text = deltas.map(([k, d]) => `${k} +${d}`).join(', ');
          row.note = `${row.note}${row.note === '' ? '' : '; '}kernel (machine-wide): ${text}`;
        }
      } catch (err) {
        failed = true;
        log(`${scenario} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        report.rows.push({
          scenario,
          phase: 'did not complete',
          count: 0,
          ratePerSec: null,
          p50Ms: null,
          p95Ms: null,
          p99Ms: null,
          maxMs: null,
          errors: 1,
          serverCpuPercent: null,
          serverRssMiB: null,
          loadgenCpuPercent: null,
          target: '',
          verdict: 'failed',
          note: err instanceof Error ? err.message.split('\n')[0] : String(err),
        });
      }
      for (const e of deployment?.evaluations ?? []) {
        if (!e.running) throw new Error(`${e.name} exited:\n${e.logs().slice(-4000)}`);
      }
    }
  } finally {
    report.loadAverage.after = loadAverage();
    await deployment?.stop();
    net?.restore();
  }
  console.log(
    `\nfeatbit-ts evaluation server — ${report.date} — commit ${report.commit}\n` +
      `${report.machine}, Node ${report.node}, stack ${report.stack}; ` +
      `server core ${options.serverCore}, load core ${options.loadCore}` +
      `${options.rps ? ' (loopback RPS to the load core)' : ''}; ` +
      `load average ${report.loadAverage.before} → ${report.loadAverage.after}\n`,
  );
  console.log(formatTable(report.rows));
  for (const [scenario, problems] of Object.entries(report.problems)) {
    for (const [what, n] of Object.entries(problems)) console.log(`  ${scenario}: ${n} × ${what}`);
  }
  if (options.json !== null) writeReport(options.json, report);
  process.exit(failed ? 1 : 0);
}

void main();
