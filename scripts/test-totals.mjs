// Prints one closing line for the whole run, "Totals: N passed, N failed, N skipped", from the
// Jest JSON results and the console runner's log in the folder given: CI reads a run's closing
// line to know that tests ran, and Jest's own summary ("Tests: 2 skipped, 310 passed") is not a
// form it reads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir)) {
  const text = readFileSync(join(dir, file), 'utf8');
  if (file.endsWith('.json')) {
    const r = JSON.parse(text);
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  } else if (file.endsWith('.log')) {
    // Vitest's summary line, e.g. "Tests  54 passed | 1 skipped (55)", colours stripped.
    const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
    const line = plain.split('\n').find((l) => /^\s*Tests\s+\d/.test(l)) ?? '';
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
    skipped += Number(/(\d+) skipped/.exec(line)?.[1] ?? 0);
  }
}
process.stdout.write(`Totals: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
