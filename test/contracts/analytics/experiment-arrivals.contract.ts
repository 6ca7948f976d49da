import { randomUUID } from 'node:crypto';
import type { InsightEvent } from '../../../src/core/insights/insight-event';
import type { ExperimentSamplesQuery } from '../../../src/core/ports/analytics-query.port';
import { shuffled } from '../../support/seeded-prng';
import type { AnalyticsQueryHarness } from './analytics-query.contract';
import { normalizeExperimentSamples, referenceExperimentSamples } from './analytics-reference';
import { EXPERIMENT_FLAG, EXPERIMENT_METRIC, generateExperimentEvents } from './experiment-events';

const H = 3600_000_000;

/**
 * Experiment samples read between arrivals: the experiment event set in a shuffled order (first
 * exposures that arrive after later ones, metric events before the exposure they follow, events
 * beyond a window's end), in batches with reads between them and a re-delivered batch. A provider
 * that keeps windows up to date as events arrive (PostgreSQL, PGlite) folds each batch into windows
 * built by earlier reads; every provider must answer as the reference does over what it was sent.
 */
export function describeExperimentArrivals(
  harness: () => AnalyticsQueryHarness,
  t0: number,
  span: number,
): void {
  const envId = randomUUID();
  const otherEnvId = randomUUID();
  const events = shuffled(generateExperimentEvents(envId, otherEnvId, t0, span), 23);
  const query = (over: Partial<ExperimentSamplesQuery>): ExperimentSamplesQuery => ({
    envId,
    flagKey: EXPERIMENT_FLAG,
    metricEvent: 'CustomEvent',
    metricEventName: EXPERIMENT_METRIC,
    fromUs: t0,
    toUs: t0 + span,
    ...over,
  });
  const windows: [string, ExperimentSamplesQuery][] = [
    ['whole window', query({})],
    ['narrower window', query({ fromUs: t0 + 24 * H, toUs: t0 + 60 * H })],
    ['ends before many metric events', query({ toUs: t0 + 30 * H + 2 })],
    ['page views', query({ metricEvent: 'PageView' })],
    ['open-ended (to far ahead)', query({ toUs: t0 + 400 * 24 * H })],
  ];
  // Read for the first time only after the third batch: built from what is stored then.
  const lateWindow: [string, ExperimentSamplesQuery] = ['first read mid-way', query({ fromUs: t0 + 12 * H })];

  async function expectAll(
    step: string,
    sent: readonly InsightEvent[],
    list: [string, ExperimentSamplesQuery][],
  ) {
    for (const [label, q] of list) {
      const got = normalizeExperimentSamples(await harness().query.experimentSamples(q));
      const expected = normalizeExperimentSamples(referenceExperimentSamples(sent, q));
      expect({ step, label, samples: got }).toEqual({ step, label, samples: expected });
    }
  }

  it('experiment samples: read between arrivals of shuffled batches, with a re-delivery', async () => {
    const h = harness();
    await expectAll('before any event', [], windows);
    const batches = 6;
    const size = Math.ceil(events.length / batches);
    const sent: InsightEvent[] = [];
    for (let b = 0; b < batches; b++) {
      const batch = events.slice(b * size, (b + 1) * size);
      await h.store.writeEvents(batch);
      sent.push(...batch);
      if (b === 3) await h.store.writeEvents(events.slice(size, 2 * size).reverse());
      await h.settle?.();
      await expectAll(`after batch ${b + 1}`, sent, b >= 2 ? [...windows, lateWindow] : windows);
    }
    // Not trivial: users converted in every variation by the end.
    const all = referenceExperimentSamples(sent, windows[0][1]).variations;
    expect(all.length).toBe(3);
    expect(all.every((v) => v.converted > 0)).toBe(true);
  }, 120_000);
}
