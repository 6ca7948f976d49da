// Writes test/conformance/evaluation-cases.json from the case groups here: `npm run conformance:generate`.
// The JSON is what other implementations consume; evaluation-cases-drift.spec.ts fails when it differs
// from what this script would write, so edit the case groups and regenerate rather than editing the JSON.
//
// Expected results are stated by hand from docs/reference/evaluation.md. Where a case depends on a bucket,
// the bucket comes from the listed vectors (docs/reference/evaluation.md#bucket-vectors) or from
// node:crypto's MD5, never from the evaluator under test.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseGroups } from './case-groups';

export const SPEC_VERSION = '1.0.0';

/** Bucket of a dispatch key with node:crypto (independent of src/core/evaluation/md5.ts). */
export function referenceBucket(key: string): number {
  const n = createHash('md5').update(Buffer.from(key, 'utf8')).digest().readInt32LE(0);
  return Math.abs(n / -2147483648);
}

/** The exact text of evaluation-cases.json; the drift check (evaluation-cases-drift.spec.ts) compares it. */
export function renderCaseFile(): { text: string; count: number } {
  const cases = caseGroups(referenceBucket).flat();
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
    names.add(c.name);
  }
  const file = {
    specVersion: SPEC_VERSION,
    description:
      'Language-neutral FeatBit evaluation cases (docs/reference/evaluation.md, server semantics). Each case: ' +
      'load `segments` and `flags` into one environment, evaluate `flagKey` for `user` (with `options`, ' +
      "default missingAttribute 'empty-string') and compare variationId, value, reason and sendToExperiment.",
    cases,
  };
  // One case per line: small, greppable and diff-friendly.
  const header = JSON.stringify({ specVersion: file.specVersion, description: file.description }, null, 2);
  const body = cases.map((c) => '    ' + JSON.stringify(c)).join(',\n');
  return { text: `${header.slice(0, -2)},\n  "cases": [\n${body}\n  ]\n}\n`, count: cases.length };
}

export const CASE_FILE = join(__dirname, 'evaluation-cases.json');

function main(): void {
  const { text, count } = renderCaseFile();
  writeFileSync(CASE_FILE, text);
  console.log(`wrote ${count} cases to ${CASE_FILE}`);
}

if (require.main === module) main();
