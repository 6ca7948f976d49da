import type { ExperimentInput } from '../../../../src/api/experiments/experiment.service';
import { BusinessRuleError, ValidationFailedError } from '../../../../src/api/http/api-errors';
import type { ExperimentIteration } from '../../../../src/core/experiments/experiments';
import { ADMIN } from '../support/iam-services';
import { InMemoryExperiments, samples } from '../support/in-memory-experiments';

// ExperimentService on in-memory fakes, with the real ExperimentResultsService and analysis: one
// experiment per (flag, metric), what create refuses, how start, stop and "remove data" move the
// iterations, and where iteration-results takes its window from.

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function setUp() {
  const db = new InMemoryExperiments();
  db.seedOrganization();
  db.addFlag({ id: 'flag-1', envId: 'env-1' });
  db.addMetric({ id: 'metric-1', envId: 'env-1', name: 'Checkout', eventName: 'checkout' });
  db.answer = () => samples(['a', 1000, 100], ['b', 1000, 130]);
  const services = db.services();
  const input: ExperimentInput = { featureFlagId: 'flag-1', metricId: 'metric-1', baseLineVariationId: 'a' };
  return { db, ...services, input };
}

function iteration(extra: Partial<ExperimentIteration> & { id: string }): ExperimentIteration {
  return {
    startTime: new Date(Date.now() - 2 * HOUR).toISOString(),
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

async function invalidField(promise: Promise<unknown>): Promise<string[]> {
  const err = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationFailedError);
  expect((err as ValidationFailedError).status).toBe(400);
  return (err as ValidationFailedError).details.map((d) => d.field);
}

describe('ExperimentService', () => {
  describe('create', () => {
    it('answers the same experiment for the same (flag, metric), written once', async () => {
      const { db, experiments, input } = setUp();
      const first = await experiments.create(ADMIN, 'org-1', 'env-1', input);
      const second = await experiments.create(ADMIN, 'org-1', 'env-1', { ...input, alpha: 0.2 });
      expect(second.id).toBe(first.id);
      expect(db.state.experiments).toHaveLength(1);
      expect(db.state.experiments[0].alpha).toBe(0.05);
      expect(db.auditLogs.map((a) => [a.refType, a.refId, a.operation])).toEqual([
        ['Experiment', first.id, 'Create'],
      ]);
    });

    it('refuses a baseline that is not a variation of the flag', async () => {
      const { db, experiments, input } = setUp();
      expect(
        await invalidField(
          experiments.create(ADMIN, 'org-1', 'env-1', { ...input, baseLineVariationId: 'zzz' }),
        ),
      ).toEqual(['baseLineVariationId']);
      expect(db.state.experiments).toEqual([]);
    });

    it('refuses a metric of another environment', async () => {
      const { db, experiments, input } = setUp();
      db.addMetric({ id: 'metric-other', envId: 'env-2' });
      expect(
        await invalidField(
          experiments.create(ADMIN, 'org-1', 'env-1', { ...input, metricId: 'metric-other' }),
        ),
      ).toEqual(['metricId']);
      expect(db.state.experiments).toEqual([]);
    });

    it('refuses an archived metric', async () => {
      const { db, experiments, input } = setUp();
      db.addMetric({ id: 'metric-old', envId: 'env-1', isArchived: true });
      expect(
        await invalidField(experiments.create(ADMIN, 'org-1', 'env-1', { ...input, metricId: 'metric-old' })),
      ).toEqual(['metricId']);
      expect(db.state.experiments).toEqual([]);
      expect(db.auditLogs).toEqual([]);
    });
  });

  describe('start', () => {
    it("ends the running iteration with final results at the experiment's own alpha", async () => {
      const { db, experiments, input } = setUp();
      const { id } = await experiments.create(ADMIN, 'org-1', 'env-1', { ...input, alpha: 0.2 });
      const first = await experiments.start(ADMIN, 'org-1', 'env-1', id);
      expect(db.queries).toEqual([]);
      const second = await experiments.start(ADMIN, 'org-1', 'env-1', id);
      const stored = db.experiment(id);
      expect(stored.status).toBe('Recording');
      expect(stored.iterations.map((i) => i.id)).toEqual([first.id, second.id]);
      const [ended, running] = stored.iterations;
      expect(ended.endTime).not.toBeNull();
      expect(ended.isFinish).toBe(true);
      expect(ended.analysis?.alpha).toBe(0.2);
      expect(ended.results.map((r) => r.variationId)).toEqual(['a', 'b']);
      expect(db.queries).toHaveLength(1);
      expect(db.queries[0]).toMatchObject({
        envId: 'env-1',
        flagKey: 'flag-1',
        fromUs: Date.parse(first.startTime) * 1000,
        toUs: Date.parse(ended.endTime!) * 1000,
      });
      expect(running).toMatchObject({ endTime: null, results: [] });
      expect(db.auditLogs.map((a) => a.operation)).toEqual(['Create', 'Update', 'Update']);
    });

    it("snapshots the metric's event fields: a metric changed after the start leaves the iteration as it was", async () => {
      const { db, experiments, metrics, input } = setUp();
      const { id } = await experiments.create(ADMIN, 'org-1', 'env-1', input);
      const first = await experiments.start(ADMIN, 'org-1', 'env-1', id);
      expect(first).toMatchObject({ eventType: 1, eventName: 'checkout', customEventTrackOption: 1 });
      await metrics.update(ADMIN, 'org-1', 'env-1', 'metric-1', {
        name: 'Checkout',
        maintainerUserId: 'user-maintainer@x.io',
        eventName: 'purchase',
        eventType: 1,
        customEventTrackOption: 2,
      });
      expect(db.experiment(id).iterations[0]).toMatchObject({
        eventName: 'checkout',
        customEventTrackOption: 1,
      });
      const second = await experiments.start(ADMIN, 'org-1', 'env-1', id);
      // The final pass of the first iteration still asks for the event it started with.
      expect(db.queries.map((q) => q.metricEventName)).toEqual(['checkout']);
      expect(db.experiment(id).iterations.map((i) => i.eventName)).toEqual(['checkout', 'purchase']);
      expect(second.customEventTrackOption).toBe(2);
    });

    it('refuses an archived experiment (422) and changes nothing', async () => {
      const { db, experiments } = setUp();
      const seeded = db.addExperiment({ id: 'exp-1', envId: 'env-1', isArchived: true, status: 'Paused' });
      const err = await experiments.start(ADMIN, 'org-1', 'env-1', 'exp-1').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BusinessRuleError);
      expect((err as BusinessRuleError).status).toBe(422);
      expect((err as BusinessRuleError).codes).toEqual(['ExperimentIsArchived']);
      expect(db.experiment('exp-1')).toEqual(seeded);
      expect(db.auditLogs).toEqual([]);
    });
  });

  it('stop with nothing running changes nothing and writes no audit entry', async () => {
    const { db, experiments } = setUp();
    const ended = iteration({
      id: 'it-1',
      endTime: new Date(Date.now() - HOUR).toISOString(),
      isFinish: true,
    });
    const seeded = db.addExperiment({ id: 'exp-1', envId: 'env-1', status: 'Paused', iterations: [ended] });
    const transactions = db.tenancy.iam.transactions;
    expect(await experiments.stop(ADMIN, 'org-1', 'env-1', 'exp-1')).toBe(true);
    expect(db.experiment('exp-1')).toEqual(seeded);
    expect(db.auditLogs).toEqual([]);
    expect(db.queries).toEqual([]);
    expect(db.tenancy.iam.transactions).toBe(transactions);
  });

  it('stop ends the running iteration with its final results, with one audit entry', async () => {
    const { db, experiments } = setUp();
    db.addExperiment({
      id: 'exp-1',
      envId: 'env-1',
      status: 'Recording',
      iterations: [iteration({ id: 'it-1' })],
    });
    await experiments.stop(ADMIN, 'org-1', 'env-1', 'exp-1');
    const stored = db.experiment('exp-1');
    expect(stored.status).toBe('Paused');
    expect(stored.iterations[0]).toMatchObject({ isFinish: true });
    expect(stored.iterations[0].results).toHaveLength(2);
    expect(db.auditLogs.map((a) => a.operation)).toEqual(['Update']);
  });

  it('remove data ends the running iteration, archives every iteration and resets to NotStarted', async () => {
    const { db, experiments } = setUp();
    const old = iteration({
      id: 'it-1',
      startTime: new Date(Date.now() - 3 * HOUR).toISOString(),
      endTime: new Date(Date.now() - 2 * HOUR).toISOString(),
      isFinish: true,
    });
    db.addExperiment({
      id: 'exp-1',
      envId: 'env-1',
      status: 'Recording',
      iterations: [old, iteration({ id: 'it-2' })],
    });
    expect(await experiments.removeData(ADMIN, 'org-1', 'env-1', 'exp-1')).toBe(true);
    const stored = db.experiment('exp-1');
    expect(stored.status).toBe('NotStarted');
    expect(stored.iterations.map((i) => [i.id, i.isArchived, i.endTime !== null])).toEqual([
      ['it-1', true, true],
      ['it-2', true, true],
    ]);
    expect(db.auditLogs.map((a) => a.operation)).toEqual(['Update']);
  });

  describe('iterationResults', () => {
    it('takes the window from the stored iteration', async () => {
      const { db, experiments } = setUp();
      const stored = iteration({ id: 'it-1', startTime: new Date(Date.now() - 5 * DAY).toISOString() });
      db.addExperiment({
        id: 'exp-1',
        envId: 'env-1',
        status: 'Recording',
        alpha: 0.1,
        iterations: [stored],
      });
      const before = Date.now();
      const [view] = await experiments.iterationResults('env-1', [{ exptId: 'exp-1', iterationId: 'it-1' }]);
      expect(db.queries).toHaveLength(1);
      expect(db.queries[0]).toMatchObject({ flagKey: 'flag-1', metricEventName: 'checkout' });
      expect(db.queries[0].fromUs).toBe(Date.parse(stored.startTime) * 1000);
      expect(db.queries[0].toUs).toBeGreaterThanOrEqual(before * 1000);
      expect(view).toMatchObject({ id: 'it-1', isUpdated: true, isFinish: false });
      expect(view.analysis?.alpha).toBe(0.1);
      expect(db.experiment('exp-1').iterations[0].results).toHaveLength(2);
    });

    it('answers a locked iteration (ended more than 3 days ago) as stored, without a query', async () => {
      const { db, experiments } = setUp();
      const locked = iteration({
        id: 'it-1',
        startTime: new Date(Date.now() - 10 * DAY).toISOString(),
        endTime: new Date(Date.now() - 4 * DAY).toISOString(),
        isFinish: true,
        updatedAt: new Date(Date.now() - 4 * DAY).toISOString(),
        results: [{ variationId: 'kept' }],
      });
      const seeded = db.addExperiment({
        id: 'exp-1',
        envId: 'env-1',
        status: 'Paused',
        iterations: [locked],
      });
      const [view] = await experiments.iterationResults('env-1', [{ exptId: 'exp-1', iterationId: 'it-1' }]);
      expect(view).toMatchObject({ id: 'it-1', isUpdated: false, results: [{ variationId: 'kept' }] });
      expect(db.queries).toEqual([]);
      expect(db.experiment('exp-1')).toEqual(seeded);
    });

    it('skips unknown ids and experiments of another environment', async () => {
      const { db, experiments } = setUp();
      db.addExperiment({ id: 'exp-1', envId: 'env-1', iterations: [iteration({ id: 'it-1' })] });
      db.addExperiment({ id: 'exp-2', envId: 'env-2', iterations: [iteration({ id: 'it-2' })] });
      const views = await experiments.iterationResults('env-1', [
        { exptId: 'nope', iterationId: 'it-1' },
        { exptId: 'exp-1', iterationId: 'nope' },
        { exptId: 'exp-2', iterationId: 'it-2' },
        { exptId: 'exp-1', iterationId: 'it-1' },
      ]);
      expect(views.map((v) => v.id)).toEqual(['it-1']);
      expect(db.queries).toHaveLength(1);
    });
  });
});
