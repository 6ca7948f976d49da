// Differential test against the official @featbit/node-server-sdk 1.3.0 (its own local evaluation).
// Seeded and reproducible. 'agree' cases must match exactly (variation, reason kind and
// sendToExperiment). Each divergence family injects one documented SDK divergence; for those the
// SDK must return exactly what the divergence predicts, and the cases where it differs from us
// are counted and asserted, never filtered.
import { EnvironmentEvaluator } from '../../src/core/evaluation';
import type { FeatureFlag } from '../../src/core/flags/feature-flag';
import type { WireSegment as CoreWireSegment } from '../../src/core/segments/segment';
import { FbClientBuilder, JsonBootstrapProvider } from '@featbit/node-server-sdk';
import {
  CaseGenerator,
  DIVERGENCE_KINDS,
  type DiffCase,
  type DivergenceKind,
} from './differential/case-generator';
import { buildCase, transformForSdk } from './differential/divergence-model';
import { NodeSdkEvaluator, ourOutcome, toSdkUser, type Outcome } from './differential/node-sdk-harness';

const SEED = 20240501;
const AGREE_CASES = 10_000;
const CASES_PER_DIVERGENCE = 300;

/** How many cases of each family differ from the SDK (deterministic for SEED). */
const EXPECTED_DIVERGENT: Record<DivergenceKind, number> = {
  'archived-flag': 300,
  'rule-included-in-expt': 149,
  'missing-dispatch-attribute': 79,
  'numeric-parse': 70,
  'regex-argument-order': 105,
  'missing-attribute': 115,
  'missing-segment': 249,
  'uncovered-rollout': 62,
  'invalid-list': 203,
  'additive-operator': 70,
};

interface Evaluated {
  c: DiffCase;
  ours: Outcome;
  sdk: Outcome;
  predicted: Outcome;
}

function evaluateAll(): {
  results: Evaluated[];
  cases: DiffCase[];
  segments: ReturnType<CaseGenerator['segments']>;
} {
  const gen = new CaseGenerator(SEED);
  const segments = gen.segments();
  const cases: DiffCase[] = [];
  for (let i = 0; i < AGREE_CASES; i++) cases.push(buildCase(gen, cases.length, 'agree'));
  for (const kind of DIVERGENCE_KINDS) {
    for (let i = 0; i < CASES_PER_DIVERGENCE; i++) cases.push(buildCase(gen, cases.length, kind));
  }
  const ours = new EnvironmentEvaluator();
  ours.setSegments(segments as unknown as CoreWireSegment[]);
  ours.setFlags(cases.map((c) => c.flag as unknown as FeatureFlag));
  const sdk = new NodeSdkEvaluator(
    cases.map((c) => c.flag),
    segments,
  );
  const results = cases.map((c): Evaluated => {
    const our = ourOutcome(ours.evaluate(c.flag.key, c.user));
    const transformed = transformForSdk(c);
    let predicted: Outcome;
    if (transformed === null) {
      // uncovered-rollout: where the server serves Variation.Empty, the SDK reports a malformed flag.
      predicted = our.startsWith('|') ? 'error' : our;
    } else {
      const evaluator = new EnvironmentEvaluator();
      evaluator.setSegments([...segments, ...transformed.extraSegments] as unknown as CoreWireSegment[]);
      evaluator.setFlags([transformed.flag as unknown as FeatureFlag]);
      predicted = ourOutcome(evaluator.evaluate(transformed.flag.key, transformed.user));
    }
    return { c, ours: our, sdk: sdk.outcome(c.flag.key, c.user), predicted };
  });
  return { results, cases, segments };
}

const describeMismatch = (e: Evaluated): string =>
  `#${e.c.index} ${e.c.family} ${e.c.flag.key} user=${e.c.user.keyId}: ours=${e.ours} sdk=${e.sdk} predicted=${e.predicted}`;

describe('differential: our evaluator vs @featbit/node-server-sdk 1.3.0', () => {
  const { results, cases, segments } = evaluateAll();
  const family = (f: string): Evaluated[] => results.filter((e) => e.c.family === f);

  it(`runs at least 10,000 seeded combinations (seed ${SEED})`, () => {
    expect(results.length).toBeGreaterThanOrEqual(10_000);
    expect(family('agree')).toHaveLength(AGREE_CASES);
    // The generator exercises every evaluation path.
    const reasons = new Set(family('agree').map((e) => e.ours.split('|')[1]));
    for (const r of ['flag disabled', 'targeted', 'default', 'rule-0', 'rule-3'])
      expect(reasons).toContain(r);
  });

  it('agrees exactly on every common-ground combination', () => {
    const mismatches = family('agree').filter((e) => e.ours !== e.sdk);
    expect(mismatches.slice(0, 10).map(describeMismatch)).toEqual([]);
    expect(mismatches).toHaveLength(0);
  });

  it.each(DIVERGENCE_KINDS)('%s: the SDK returns exactly what the documented divergence predicts', (kind) => {
    const cases = family(kind);
    expect(cases).toHaveLength(CASES_PER_DIVERGENCE);
    const wrongPredictions = cases.filter((e) => e.sdk !== e.predicted);
    expect(wrongPredictions.slice(0, 10).map(describeMismatch)).toEqual([]);
    // The divergent cases are exactly those predicted to diverge.
    const divergent = cases.filter((e) => e.sdk !== e.ours).map((e) => e.c.index);
    const predictedDivergent = cases.filter((e) => e.predicted !== e.ours).map((e) => e.c.index);
    expect(divergent).toEqual(predictedDivergent);
    expect(divergent.length).toBeGreaterThan(0);
    expect(divergent.length).toBe(EXPECTED_DIVERGENT[kind]);
  });

  it('summarises agreement and divergence counts', () => {
    const table = ['agree', ...DIVERGENCE_KINDS].map((f) => {
      const rows = family(f);
      return { family: f, cases: rows.length, divergent: rows.filter((e) => e.sdk !== e.ours).length };
    });
    console.log(
      `differential seed ${SEED}\n` +
        table
          .map(
            (r) => `${r.family.padEnd(28)} ${String(r.cases).padStart(6)} ${String(r.divergent).padStart(6)}`,
          )
          .join('\n'),
    );
    expect(table.reduce((n, r) => n + r.cases, 0)).toBe(results.length);
  });

  it("the SDK's offline client (JSON bootstrap) serves the same values as its Evaluator", async () => {
    const sample = cases.filter((_, i) => i % 13 === 0);
    const bootstrap = JSON.stringify({
      messageType: 'data-sync',
      data: { eventType: 'full', featureFlags: cases.map((c) => c.flag), segments },
    });
    const client = new FbClientBuilder({
      offline: true,
      disableEvents: true,
      bootstrapProvider: new JsonBootstrapProvider(bootstrap),
    }).build();
    await client.waitForInitialization();
    try {
      const byIndex = new Map(results.map((e) => [e.c.index, e]));
      for (const c of sample) {
        let value: string;
        try {
          value =
            (await client.stringVariationDetail(c.flag.key, toSdkUser(c.user), '<fallback>')).value ??
            '<fallback>';
        } catch {
          value = '<fallback>';
        }
        const sdk = byIndex.get(c.index)!.sdk;
        const expected =
          sdk === 'error' ? '<fallback>' : c.flag.variations.find((v) => v.id === sdk.split('|')[0])!.value;
        expect(`${c.flag.key}=${value}`).toBe(`${c.flag.key}=${expected}`);
      }
    } finally {
      await client.close();
    }
  });
});
