import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Report } from '../../../bench/els/report';
import { REPO_ROOT } from '../support/product';

// Smoke run of the bench's edge scenario (issue 21) with tiny numbers: the central deployment on
// PostgreSQL, a relay proxy made through the management API, two edge processes and server-SDK
// connections spread over them. Plumbing only: rows with samples and no errors; no timings.

const run = promisify(execFile);

describe('bench:els edge smoke run', () => {
  it('pushes each central change through both edges to every connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'els-edge-smoke-'));
    try {
      const json = join(dir, 'report.json');
      const args = ['-r', './bench/evaluation/register-ts.cjs', 'bench/els/run.ts', 'edge'];
      args.push('--connections', '40', '--rate', '200', '--rounds', '2', '--workers', '1');
      args.push('--addresses', '2', '--flags', '8', '--json', json);
      try {
        await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string };
        throw new Error(`bench:els edge failed:\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
      }
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      const main = report.rows.find((r) => r.phase.startsWith('flag toggle'))!;
      expect([main.scenario, main.phase, main.count, main.errors]).toEqual([
        'edge',
        'flag toggle (API) → patch at each of 40 via 2 edges',
        80,
        0,
      ]);
      const warm = report.rows.filter((r) => r.phase.includes('warm-up'));
      expect(warm.map((r) => r.count)).toEqual([40]);
      expect(report.rows.every((r) => r.errors === 0 && r.verdict !== 'failed')).toBe(true);
      expect(report.problems).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
