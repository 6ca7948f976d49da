/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import { ExperimentResultsService } from '../../../../src/api/experiments/experiment-results.service';
import type { Experiment, ExperimentIteration } from '../../../../src/core/experiments/experiments';
import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import type {
  AnalyticsQuery,
  ExperimentSamples,
  ExperimentSamplesQuery,
} from '../../../../src/core/ports/analytics-query.port';
import type { DataStore } from '../../../../src/core/ports/data-store.port';

// ExperimentResultsService on an in-memory store and a fake AnalyticsQuery: the window comes from the
// stored iteration (never from the client), a locked iteration is answered as stored without a
// query, the history keeps about one point an hour, and storing results keeps what changed meanwhile.

const HOUR = 3600_000;
const START = Date.parse('2026-11-01T00:00:00.000Z');

function iteration(extra: Partial<ExperimentIteration> = {}): ExperimentIteration {
  return {
    id: 'it-1',
    startTime: new Date(START).toISOString(),
    endTime: null,
    updatedAt: null,
    isArchived: false,
    isFinish: false,
    eventType: 1,
    eventName: 'checkout',
    customEventTrackOption: 1,
    customEventSuccessCriteria: 1,
    results: [],
    ...extra,
  };
}

const flag = {
  id: 'flag-1',
  envId: 'env-1',
  key: 'checkout-button',
  variations: [
    { id: 'a', name: 'A', value: 'false' },
    { id: 'b', name: 'B', value: 'true' },
  ],
  fallthrough: { dispatchKey: null, includedInExpt: true, variations: [] },
  exptIncludeAllTargets: false,
} as unknown as FeatureFlag;

function setUp(stored: Experiment) {
  const records = new Map([[stored.id, structuredClone(stored)]]);
  const queries: ExperimentSamplesQuery[] = [];
  let answer: ExperimentSamples = {
    variations: [
      { variationId: 'a', users: 1000, converted: 100, sum: 100, sumSquares: 100 },
      { variationId: 'b', users: 1000, converted: 150, sum: 150, sumSquares: 150 },
    ],
  };
  let during: (() => void) | null = null;
  const experiments = {
    findById: async (id: string) => structuredClone(records.get(id) ?? null),
    update: async (e: Experiment) => {
      records.set(e.id, structuredClone(e));
      return e;
    },
  };
  const store = {
    experiments,
    transaction: async <T>(work: (tx: DataStore) => Promise<T>) => work(store),
  } as unknown as DataStore;
  const analytics = {
    experimentSamples: async (q: ExperimentSamplesQuery) => {
      queries.push(q);
      during?.();
      return answer;
    },
  } as unknown as AnalyticsQuery;
  return {
    service: new ExperimentResultsService(analytics, store),
    records,
    queries,
    setAnswer: (a: ExperimentSamples) => (answer = a),
    duringQuery: (f: () => void) => (during = f),
  };
}

function experiment(it: ExperimentIteration, extra: Partial<Experiment> = {}): Experiment {
  return {
    id: 'exp-1',
    envId: 'env-1',
    metricId: 'metric-1',
    featureFlagId: 'flag-1',
    isArchived: false,
    status: 'Recording',
    baselineVariationId: 'a',
    alpha: 0.1,
    method: 'fixed',
    guard: null,
    iterations: [it],
    createdAt: new Date(START).toISOString(),
    updatedAt: new Date(START).toISOString(),
    ...extra,
  };
}

const load = async () => flag;

describe('ExperimentResultsService', () => {
  it('reads the window from the stored iteration and stores the results with the experiment alpha', async () => {
    const { service, records, queries } = setUp(experiment(iteration()));
    const now = new Date(START + 5 * HOUR);
    const [view] = await service.results('env-1', [{ exptId: 'exp-1', iterationId: 'it-1' }], load, now);
    expect(queries).toEqual([
      {
        envId: 'env-1',
        flagKey: 'checkout-button',
        metricEvent: 'CustomEvent',
        metricEventName: 'checkout',
        fromUs: START * 1000,
        toUs: now.getTime() * 1000,
      },
    ]);
    expect(view).toMatchObject({ id: 'it-1', isUpdated: true, isFinish: false });
    expect(view.analysis).toMatchObject({ alpha: 0.1, method: 'fixed' });
    const stored = records.get('exp-1')!.iterations[0];
    expect(stored.results.map((r) => r.variationId)).toEqual(['a', 'b']);
    expect(stored.updatedAt).toBe(now.toISOString());
  });

  it('ends the window at the end of an ended iteration, and marks it finished', async () => {
    const end = START + 2 * HOUR;
    const { service, queries } = setUp(experiment(iteration({ endTime: new Date(end).toISOString() })));
    const [view] = await service.results(
      'env-1',
      [{ exptId: 'exp-1', iterationId: 'it-1' }],
      load,
      new Date(START + 5 * HOUR),
    );
    expect(queries[0].toUs).toBe(end * 1000);
    expect(view.isFinish).toBe(true);
  });

  it('answers a locked iteration as stored, without a query', async () => {
    const end = START + HOUR;
    const stored = iteration({
      endTime: new Date(end).toISOString(),
      isFinish: true,
      results: [{ variationId: 'kept' }],
    });
    const { service, queries } = setUp(experiment(stored));
    const [view] = await service.results(
      'env-1',
      [{ exptId: 'exp-1', iterationId: 'it-1' }],
      load,
      new Date(end + 3 * 24 * HOUR),
    );
    expect(queries).toEqual([]);
    expect(view).toMatchObject({ isUpdated: false, results: [{ variationId: 'kept' }] });
  });

  it('skips unknown experiments, iterations of another environment and a missing flag', async () => {
    const { service, queries } = setUp(experiment(iteration()));
    const now = new Date(START + HOUR);
    expect(await service.results('env-1', [{ exptId: 'nope', iterationId: 'it-1' }], load, now)).toEqual([]);
    expect(await service.results('env-2', [{ exptId: 'exp-1', iterationId: 'it-1' }], load, now)).toEqual([]);
    expect(await service.results('env-1', [{ exptId: 'exp-1', iterationId: 'other' }], load, now)).toEqual(
      [],
    );
    expect(
      await service.results('env-1', [{ exptId: 'exp-1', iterationId: 'it-1' }], async () => null, now),
    ).toEqual([]);
    expect(queries).toEqual([]);
  });

  it('keeps about one history point an hour, the last one always the latest', async () => {
    const { service, records } = setUp(experiment(iteration()));
    const at = (minutes: number) => new Date(START + minutes * 60_000);
    for (const minutes of [10, 20, 40, 75, 80, 150]) {
      await service.results('env-1', [{ exptId: 'exp-1', iterationId: 'it-1' }], load, at(minutes));
    }
    const history = records
      .get('exp-1')!
      .iterations[0].history!.map((p) => (Date.parse(p.at) - START) / 60_000);
    // A new point starts once the latest is an hour after the point before it; until then the
    // latest point is replaced (20 by 40, 75 by 80).
    expect(history).toEqual([10, 40, 80, 150]);
  });

  it('keeps a change made while the query ran (a stop ending the iteration)', async () => {
    const { service, records, duringQuery } = setUp(experiment(iteration()));
    const stoppedAt = new Date(START + HOUR).toISOString();
    duringQuery(() => {
      const e = records.get('exp-1')!;
      e.status = 'Paused';
      e.iterations[0].endTime = stoppedAt;
    });
    await service.results(
      'env-1',
      [{ exptId: 'exp-1', iterationId: 'it-1' }],
      load,
      new Date(START + 2 * HOUR),
    );
    const e = records.get('exp-1')!;
    expect(e.status).toBe('Paused');
    expect(e.iterations[0].endTime).toBe(stoppedAt);
    expect(e.iterations[0].results).toHaveLength(2);
  });
});
