// Prints a short account of a failed Jest run from its JSON results: each failed suite with its
// time and the first lines of its first failures. CI keeps only the end of a run's output, and
// Jest's own report of a failure can be longer than all of it (a timed-out hook is reported once
// per test), so this digest is what the end shows.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const firstLines = (s, n) =>
  plain(s)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, n)
    .join(' | ')
    .slice(0, 400);

const r = JSON.parse(readFileSync(file, 'utf8'));
const failed = r.testResults.filter((s) => s.status !== 'passed');
process.stdout.write(`\nFailed suites: ${failed.length} of ${r.numTotalTestSuites}\n`);
for (const suite of failed) {
  const seconds = ((suite.endTime - suite.startTime) / 1000).toFixed(1);
  const tests = suite.assertionResults.filter((a) => a.status === 'failed');
  const path = suite.name.replace(process.cwd() + '/', '');
  process.stdout.write(`- ${path} (${seconds} s, ${tests.length} failed tests)\n`);
  if (tests.length === 0 && suite.message) {
    process.stdout.write(`    ${firstLines(suite.message, 3)}\n`);
  }
  for (const t of tests.slice(0, 3)) {
    process.stdout.write(`    ${t.fullName}: ${firstLines(t.failureMessages.join('\n'), 2)}\n`);
  }
}
