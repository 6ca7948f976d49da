import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The one table the harness prints, and the files it writes: JSON (every number) and markdown
// (the header, the method and the table), commit-ready under bench/results/<date>/.

export interface Row {
  scenario: string;
  phase: string;
  /** Events (ingest) or measured runs (reads). */
  count: number;
  /** Events per second (ingest, load). */
  ratePerSec: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** CPU time of the analytics role per 1,000 events (user + system). */
  cpuMsPer1k: number | null;
  /** Peak RSS of the analytics role (VmHWM). */
  peakRssMiB: number | null;
  target: string;
  /** 'met', 'missed', 'failed' or '' when the row has no target. */
  verdict: string;
  note: string;
}

export interface Report {
  date: string;
  commit: string;
  machine: string;
  node: string;
  command: string;
  loadAverage: { before: string; after: string };
  rows: Row[];
}

function fixed(v: number | null, digits: number): string {
  if (v === null || Number.isNaN(v)) return '-';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function ms(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '-';
  return fixed(v, v < 10 ? 2 : v < 100 ? 1 : 0);
}

export function verdict(value: number | null, target: number, higherIsBetter: boolean): string {
  if (value === null) return 'failed';
  return (higherIsBetter ? value >= target : value <= target) ? 'met' : 'missed';
}

export function formatTable(rows: Row[]): string {
  const header = [
    'scenario',
    'phase',
    'count',
    'rate/s',
    'p50 ms',
    'p95 ms',
    'CPU ms/1k',
    'peak RSS MiB',
    'target',
    'verdict',
  ];
  const cells = rows.map((r) => [
    r.scenario,
    r.phase,
    fixed(r.count, 0),
    fixed(r.ratePerSec, 0),
    ms(r.p50Ms),
    ms(r.p95Ms),
    fixed(r.cpuMsPer1k, 1),
    fixed(r.peakRssMiB, 0),
    r.target,
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const line = (c: string[]) =>
    '| ' + c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ') + ' |';
  const rule =
    '|' +
    widths.map((w, i) => (numeric.has(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
    '|';
  const notes = rows.filter((r) => r.note !== '').map((r) => `- ${r.scenario} / ${r.phase}: ${r.note}`);
  return [line(header), rule, ...cells.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

export const METHOD = `Method (bench/analytics/run.ts). The load generator (this process) runs on one core, the
product on the other (taskset); PostgreSQL, ClickHouse and Kafka share the machine unpinned.
Events are built as the evaluation role builds them (SDK insight bodies through
src/core/sdk/insight-intake.ts). Ingest: N messages are enqueued through the product's own bus
adapter (MQ_PROVIDER=postgres, or kafka) before one \`node dist/main.js --role analytics\` starts on
a fresh database; the rate is counted from the first stored event to the N-th
(AnalyticsStore.countEvents polled every 500 ms), CPU time per 1,000 events and peak RSS (VmHWM)
are the role's own (/proc). With ANALYTICS_CLICKHOUSE_INGEST=kafka ClickHouse reads the topic
itself: the rate is ClickHouse's, the CPU column still the role's. Reads: the data set is loaded
through AnalyticsStore.writeEvents (rollups included), then each query runs 2 times to warm up
and --runs times measured, in-process against the product's store (p50/p95 of the wall time).
Burst: like ingest-pg with a larger backlog; RSS is sampled every 250 ms while draining.`;

export function writeResults(dir: string, base: string, report: Report, table: string): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `${base}.json`);
  const md = join(dir, `${base}.md`);
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    md,
    [
      `# Analytics benchmark — ${report.date}`,
      '',
      `- command: \`npm run ${report.command}\``,
      `- commit: ${report.commit}`,
      `- machine: ${report.machine}, Node ${report.node}`,
      `- load average: ${report.loadAverage.before} → ${report.loadAverage.after}`,
      '',
      METHOD,
      '',
      table,
      '',
    ].join('\n'),
  );
  return [json, md];
}
