import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The side-by-side table (one row per metric, featbit-ts and Unleash in the same run, ratio ours ÷
// Unleash) and the JSON + Markdown report under bench/results/<date>/.

export interface PeerRow {
  flags: number | null;
  measure: string;
  /** Which way is better: 'higher', 'lower' or '' (informational). */
  better: 'higher' | 'lower' | '';
  ours: number | null;
  peer: number | null;
  /** What was measured on each side (endpoint, SDK, …). */
  oursVia: string;
  peerVia: string;
}

export interface PeerReport {
  date: string;
  commit: string;
  machine: string;
  node: string;
  versions: Record<string, string>;
  command: string;
  settings: Record<string, string | number>;
  loadAverage: { before: string; after: string };
  rows: PeerRow[];
  notes: string[];
  /** Every raw measure, per server. */
  raw: unknown[];
}

function num(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '-';
  const a = Math.abs(v);
  const digits = a === 0 ? 0 : a < 0.1 ? 4 : a < 10 ? 2 : a < 100 ? 1 : 0;
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function ratio(row: PeerRow): string {
  if (row.ours === null || row.peer === null || row.peer === 0 || Number.isNaN(row.ours)) return '-';
  const r = row.ours / row.peer;
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}

export function formatTable(rows: PeerRow[], peerName: string): string {
  const header = [
    'flags',
    'measure',
    'better',
    'featbit-ts',
    peerName,
    'ours ÷ peer',
    'featbit-ts via',
    `${peerName} via`,
  ];
  const cells = rows.map((r) => [
    r.flags === null ? '' : String(r.flags),
    r.measure,
    r.better === 'higher' ? '↑' : r.better === 'lower' ? '↓' : '',
    num(r.ours),
    num(r.peer),
    ratio(r),
    r.oursVia,
    r.peerVia,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const numeric = new Set([0, 3, 4, 5]);
  const line = (c: string[]) =>
    '| ' + c.map((v, i) => (numeric.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ') + ' |';
  const rule =
    '|' +
    widths.map((w, i) => (numeric.has(i) ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
    '|';
  return [line(header), rule, ...cells.map(line)].join('\n');
}

/** Writes bench/results/<date>/peers-<time>.json and .md; returns the two paths. */
export function writeReport(dir: string, report: PeerReport, peerName: string): string[] {
  const day = report.date.slice(0, 10);
  const time = report.date.slice(11, 19).replace(/:/g, '');
  const into = join(dir, day);
  mkdirSync(into, { recursive: true });
  const json = join(into, `peers-${time}.json`);
  const md = join(into, `peers-${time}.md`);
  writeFileSync(json, JSON.stringify(report, null, 2));
  const versions = Object.entries(report.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  writeFileSync(
    md,
    [
      `# Peers in the same run — ${report.date}`,
      '',
      `Commit ${report.commit}; ${report.machine}; Node ${report.node}; ${versions}.`,
      `Command: \`${report.command}\`; load average ${report.loadAverage.before} → ${report.loadAverage.after}.`,
      `Settings: ${Object.entries(report.settings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
      '',
      formatTable(report.rows, peerName),
      '',
      ...report.notes.map((n) => `- ${n}`),
      '',
    ].join('\n'),
  );
  return [json, md];
}
