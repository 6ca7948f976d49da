// Runs every case of evaluation-cases.json through the evaluator (one test per case).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndUser } from '../../src/core/end-users/end-user';
import type { FeatureFlag } from '../../src/core/flags/feature-flag';
import type { WireSegment } from '../../src/core/segments/segment';
import { EnvironmentEvaluator, type EvaluationOptions } from '../../src/core/evaluation';

interface CaseFile {
  specVersion: string;
  cases: {
    name: string;
    options?: Partial<EvaluationOptions>;
    flags: FeatureFlag[];
    segments: WireSegment[];
    user: EndUser;
    flagKey: string;
    expected: { variationId: string | null; value: string | null; reason: string; sendToExperiment: boolean };
  }[];
}

const file = JSON.parse(readFileSync(join(__dirname, 'evaluation-cases.json'), 'utf8')) as CaseFile;

describe(`evaluation conformance cases (spec ${file.specVersion})`, () => {
  it('has a semantic spec version and at least 250 uniquely named cases', () => {
    expect(file.specVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(file.cases.length).toBeGreaterThanOrEqual(250);
    expect(new Set(file.cases.map((c) => c.name)).size).toBe(file.cases.length);
  });

  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const evaluator = new EnvironmentEvaluator(c.options);
    evaluator.setSegments(c.segments);
    evaluator.setFlags(c.flags);
    const result = evaluator.evaluate(c.flagKey, c.user);
    expect(result).not.toBeNull();
    const { variationId, value, reason, sendToExperiment } = result!;
    expect({ variationId, value, reason, sendToExperiment }).toEqual(c.expected);
  });
});
