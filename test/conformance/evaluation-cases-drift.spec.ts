// The committed evaluation-cases.json must be exactly what generate-cases.ts writes, so that a case
// edited in the TypeScript groups cannot be forgotten in the JSON that other implementations consume.
import { readFileSync } from 'node:fs';
import { CASE_FILE, renderCaseFile } from './generate-cases';

describe('evaluation-cases.json', () => {
  it('matches its generator (test/conformance/generate-cases.ts)', () => {
    const committed = readFileSync(CASE_FILE, 'utf8');
    const generated = renderCaseFile().text;
    if (committed !== generated) {
      const committedLines = committed.split('\n');
      const generatedLines = generated.split('\n');
      const line = generatedLines.findIndex((l, i) => l !== committedLines[i]);
      throw new Error(
        'test/conformance/evaluation-cases.json is out of date with test/conformance/generate-cases.ts ' +
          `(first difference at line ${line + 1}): run \`npm run conformance:generate\` and commit the result.`,
      );
    }
  });
});
