import { writeFileSync } from 'node:fs';
import type { Histogram } from './histogram';

// The one table the harness prints (and the JSON it can write): one row per measured phase.

export interface Row {
  scenario: string;
  phase: string;
  /** Samples: connections, messages or requests. */
  count: number;
  ratePerSec: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  errors: number;
  serverCpuPercent: number | null;
  serverRssMiB: number | null;
  loadgenCpuPercent: number | null;
  target: string;
  /** 'met', 'missed' or '' when the row has no target. */
  verdict: string;
  note: string;
}

export interface Report {
  date: string;
  commit: string;
  machine: string;
  node: string;
  stack: string;
  command: string;
  loadAverage: { before: string; after: string };
  rows: Row[];
  /** Error details per scenario (what the error counts are made of). */
  problems: Record<string, Record<string, number>>;
}

export function latencyFields(h: Histogram): Pick<Row, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs'> {
  if (h.count === 0) return { p50Ms: null, p95Ms: null, p99Ms: null, maxMs: null };
  return {
    p50Ms: h.quantileUs(0.5) / 1000,
    p95Ms: h.quantileUs(0.95) / 1000,
    p99Ms: h.quantileUs(0.99) / 1000,
    maxMs: h.maxUs / 1000,
  };
}

function ms(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '-';
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0);
}

function num(v: number | null, digits = 0): string {
  if (v === null || Number.isNaN(v)) return '-';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatTable(rows: Row[]): string {
  const header = [
    'scenario',
    'phase',
    'count',
    'rate/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'errors',
    'srv CPU %',
    'srv RSS MiB',
    'gen CPU %',
    'target',
    'verdict',
  ];
  const cells = rows.map((r) => [
    r.scenario,
    r.phase,
    num(r.count),
    num(r.ratePerSec),
    ms(r.p50Ms),
    ms(r.p95Ms),
    ms(r.p99Ms),
    ms(r.maxMs),
    num(r.errors),
    num(r.serverCpuPercent),
    num(r.serverRssMiB),
    num(r.loadgenCpuPercent),
    r.target,
    r.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  const line = (c: string[]) =>
    '| ' + c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ') + ' |';
  const rule =
    '|' +
    widths.map((w, i) => (numeric.has(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
    '|';
  const notes = rows.filter((r) => r.note !== '').map((r) => `- ${r.scenario} / ${r.phase}: ${r.note}`);
  return [line(header), rule, ...cells.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

export function writeReport(path: string, report: Report): void {
  writeFileSync(path, JSON.stringify(report, null, 2));
}
