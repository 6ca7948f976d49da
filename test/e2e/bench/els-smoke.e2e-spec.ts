import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Report } from '../../../bench/els/report';
import { REPO_ROOT } from '../support/product';

// Smoke run of the evaluation-server load harness (bench/els, issue 8) with tiny numbers: every
// scenario against the built product on PostgreSQL, through the real SDK protocols. Behaviour
// only: each scenario yields its rows, with samples and without errors. Timings are not asserted.

const run = promisify(execFile);
const SCENARIOS = ['storm', 'storm-ab', 'held', 'fanout', 'large', 'client', 'rest', 'client-rest', 'change'];

describe('bench:els smoke run', () => {
  let dir: string;
  let report: Report;
  let output: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'els-smoke-'));
    const json = join(dir, 'report.json');
    const args = [
      '-r',
      './bench/evaluation/register-ts.cjs',
      'bench/els/run.ts',
      SCENARIOS.join(','),
      ...['--connections', '50', '--rate', '200', '--duration', '3', '--warmup', '1', '--rounds', '2'],
      ...['--ping', '1', '--servers', '2', '--workers', '2', '--addresses', '3', '--http-connections', '4'],
      ...['--flags', '8', '--large-strings', '25', '--large-jsons', '5', '--json', json],
    ];
    try {
      const result = await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 32 * 1024 * 1024 });
      output = result.stdout + result.stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`bench:els failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
    }
    report = JSON.parse(readFileSync(json, 'utf8')) as Report;
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one table with a row per measured phase of every scenario', () => {
    expect(output).toMatch(/\| scenario +\| phase +\|/);
    for (const scenario of SCENARIOS) {
      expect(report.rows.filter((r) => r.scenario === scenario).length).toBeGreaterThan(0);
      expect(output).toContain(`| ${scenario}`);
    }
    expect(report.rows.some((r) => r.verdict === 'failed')).toBe(false);
  });

  it('every scenario measured samples without a single error', () => {
    for (const row of report.rows) {
      expect({ row: `${row.scenario} / ${row.phase}`, errors: row.errors }).toEqual({
        row: `${row.scenario} / ${row.phase}`,
        errors: 0,
      });
      expect(row.count).toBeGreaterThan(0);
    }
    expect(report.problems).toEqual({});
  });

  it('pushes reached every connection and every client got its own evaluation', () => {
    const fanout = report.rows.find((r) => r.scenario === 'fanout' && r.phase.startsWith('flag toggle'))!;
    expect(fanout.count).toBe(50 * 2);
    const client = report.rows.find(
      (r) => r.scenario === 'client' && r.phase.startsWith('targeting change'),
    )!;
    expect(client.count).toBe(50 * 2);
    // One warm-up change first (default), checked like the others and reported in its own row.
    for (const scenario of ['fanout', 'client']) {
      const warm = report.rows.filter((r) => r.scenario === scenario && r.phase.includes('warm-up'));
      expect(warm.map((r) => r.count)).toEqual([50]);
    }
    const held = report.rows.find((r) => r.scenario === 'held' && r.phase.includes('ping → pong'))!;
    expect(held.phase).toMatch(/^50 held/);
    // storm-ab: both evaluation processes (here the same build) get their slices (2 pairs).
    const ab = report.rows.filter((r) => r.scenario === 'storm-ab');
    expect(ab.map((r) => r.phase.slice(0, 7))).toEqual(['build A', 'build B']);
    for (const row of ab)
      expect(row.note).toMatch(/CPU per connection: median [\d.]+ µs \(slices [\d.]+, [\d.]+\)/);
    const large = report.rows.find((r) => r.scenario === 'large')!;
    expect(large.count).toBe(50);
    // Two sequential changes of each kind, each seen on the queue.
    const changes = report.rows.filter((r) => r.scenario === 'change');
    expect(changes.map((r) => [r.phase.replace(/ \(.*?\)/g, ''), r.count])).toEqual([
      ['flag toggle → its response', 2],
      ['flag toggle → queue message', 2],
      ['targeting change → its response', 2],
      ['targeting change → queue message', 2],
    ]);
  });

  it('reports server CPU and memory read from /proc', () => {
    const measured = report.rows.filter((r) => r.serverRssMiB !== null);
    expect(measured.length).toBeGreaterThan(0);
    for (const row of measured) expect(row.serverRssMiB).toBeGreaterThan(10);
    expect(report.commit).not.toBe('?');
    expect(report.loadAverage.after).toMatch(/^\d/);
  });
});

describe('bench:els floor smoke run', () => {
  // The calibration servers (no product): the Node one and the C one, compiled with cc on first use.
  it.each(['node', 'c'])(
    'the %s floor server pushes one frame to every connection per round',
    async (kind) => {
      const dir = mkdtempSync(join(tmpdir(), 'els-floor-'));
      try {
        const json = join(dir, 'report.json');
        const args = ['-r', './bench/evaluation/register-ts.cjs', 'bench/els/run.ts', 'floor'];
        args.push('--floor-server', kind, '--connections', '40', '--rounds', '2', '--workers', '1');
        args.push('--addresses', '2', '--json', json);
        await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 8 * 1024 * 1024 });
        const rows = (JSON.parse(readFileSync(json, 'utf8')) as Report).rows;
        const label = kind === 'c' ? 'bare C server (write(2) loop)' : 'bare Node server';
        expect(rows.map((r) => [r.phase.split(':')[0], r.count, r.errors])).toEqual([[label, 80, 0]]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
