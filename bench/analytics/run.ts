import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/e2e/support/product';
import { loadAverage } from '../els/processes';
import { runExperiment } from './experiment';
import { runIngest } from './ingest';
import { eventsFor, type Options, parseOptions, type Scenario } from './options';
import { runReads } from './reads';
import { formatTable, type Report, type Row, writeResults } from './report';

// Performance of the analytics role and stores (issue 17): ingest from the queue into PostgreSQL
// and ClickHouse, the console's reads on a large environment, and memory under a backlog; issue
// 18's experiment read (experiment.ts). Needs the
// built product (npm run build:server) and the test servers (.ci/infra.sh up; . env.sh).
// Usage: npm run bench:analytics -- <scenario>[,<scenario>…] [options]   (see options.ts)
// Prints one table and writes it (JSON and markdown, with the method) to bench/results/<date>/.

type Log = (message: string) => void;

const RUNNERS: Record<Scenario, (o: Options, rows: Row[], log: Log) => Promise<void>> = {
  'ingest-pg': async (o, rows, log) => {
    for (const mq of o.pgQueues) {
      const c = { scenario: 'ingest-pg', analytics: 'primary', mq } as const;
      await runIngest({ ...c, events: eventsFor(o, 'ingest-pg'), target: 20_000 }, o, rows, log);
    }
  },
  'ingest-ch': async (o, rows, log) => {
    for (const mode of o.chIngest) {
      const c = { scenario: 'ingest-ch', analytics: 'clickhouse', mq: 'kafka', chIngest: mode } as const;
      await runIngest({ ...c, events: eventsFor(o, 'ingest-ch'), target: 50_000 }, o, rows, log);
    }
  },
  'reads-pg': (o, rows, log) =>
    runReads(
      {
        scenario: 'reads-pg',
        analytics: 'primary',
        events: eventsFor(o, 'reads-pg'),
        insightsMs: 300,
        usersMs: 1000,
      },
      o,
      rows,
      log,
    ),
  'reads-ch': (o, rows, log) =>
    runReads(
      {
        scenario: o.clickhouseEngine === 'chdb' ? 'reads-ch-chdb' : 'reads-ch',
        analytics: 'clickhouse',
        events: eventsFor(o, 'reads-ch'),
        insightsMs: 100,
        usersMs: 200,
      },
      o,
      rows,
      log,
    ),
  'experiment-pg': (o, rows, log) =>
    runExperiment(
      {
        scenario: 'experiment-pg',
        analytics: 'primary',
        events: eventsFor(o, 'experiment-pg'),
        targetMs: 2000,
      },
      o,
      rows,
      log,
    ),
  'experiment-ch': (o, rows, log) =>
    runExperiment(
      {
        scenario: o.clickhouseEngine === 'chdb' ? 'experiment-ch-chdb' : 'experiment-ch',
        analytics: 'clickhouse',
        events: eventsFor(o, 'experiment-ch'),
        targetMs: 500,
      },
      o,
      rows,
      log,
    ),
  burst: (o, rows, log) =>
    runIngest(
      {
        scenario: 'burst',
        analytics: 'primary',
        mq: 'postgres',
        events: eventsFor(o, 'burst'),
        target: null,
      },
      o,
      rows,
      log,
    ),
};

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  // The load generator's core, every thread of it (the npm script already starts it there).
  execFileSync('taskset', ['-a', '-c', '-p', String(options.loadCore), String(process.pid)], {
    stdio: 'ignore',
  });
  const log: Log = (message) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
  const cpu = cpus()[0];
  const report: Report = {
    date: new Date().toISOString(),
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--', 'src']) === '' ? '' : ' (+ local changes)'}`,
    machine: `${cpus().length} × ${cpu?.model ?? '?'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    node: process.version,
    command: `bench:analytics -- ${process.argv.slice(2).join(' ')}`,
    loadAverage: { before: loadAverage(), after: '' },
    rows: [],
  };
  let failed = false;
  for (const scenario of options.scenarios) {
    try {
      await RUNNERS[scenario](options, report.rows, log);
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
        cpuMsPer1k: null,
        peakRssMiB: null,
        target: '',
        verdict: 'failed',
        note: err instanceof Error ? err.message.split('\n')[0] : String(err),
      });
    }
  }
  report.loadAverage.after = loadAverage();
  const table = formatTable(report.rows);
  console.log(
    `\nfeatbit-ts analytics — ${report.date} — commit ${report.commit}\n${report.machine}, Node ${report.node}; ` +
      `role core ${options.serverCore}, load core ${options.loadCore}; ` +
      `load average ${report.loadAverage.before} → ${report.loadAverage.after}\n`,
  );
  console.log(table);
  const dir = options.out ?? join(REPO_ROOT, 'bench', 'results', report.date.slice(0, 10));
  const base = `analytics-${options.scenarios.join('_')}${options.tag === null ? '' : `-${options.tag}`}`;
  for (const file of writeResults(dir, base, report, table)) console.log(`written: ${file}`);
  process.exit(failed ? 1 : 0);
}

void main();
