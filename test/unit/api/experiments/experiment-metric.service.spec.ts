import type { MetricInput } from '../../../../src/api/experiments/experiment-metric.service';
import { BusinessRuleError, ValidationFailedError } from '../../../../src/api/http/api-errors';
import { ADMIN } from '../support/iam-services';
import { InMemoryExperiments } from '../support/in-memory-experiments';

// ExperimentMetricService on in-memory fakes: the maintainer must belong to the organization, a metric
// in use by an experiment that is not archived cannot be archived, and every write commits with
// exactly one audit entry (or not at all).

function setUp() {
  const db = new InMemoryExperiments();
  const { maintainer } = db.seedOrganization();
  const { metrics, experiments } = db.services();
  const input: MetricInput = {
    name: ' Checkout ',
    maintainerUserId: maintainer.id,
    eventName: 'checkout',
    eventType: 1,
    customEventTrackOption: 1,
  };
  return { db, metrics, experiments, maintainer, input };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}

describe('ExperimentMetricService', () => {
  it('refuses a maintainer outside the organization with a 400 naming maintainerUserId', async () => {
    const { db, metrics, input } = setUp();
    const outsider = db.tenancy.iam.addUser('outsider@x.io');
    const err = await rejection(
      metrics.create(ADMIN, 'org-1', 'env-1', { ...input, maintainerUserId: outsider.id }),
    );
    expect(err).toBeInstanceOf(ValidationFailedError);
    expect((err as ValidationFailedError).status).toBe(400);
    expect((err as ValidationFailedError).details.map((d) => d.field)).toEqual(['maintainerUserId']);
    expect(db.state.metrics).toEqual([]);
    expect(db.auditLogs).toEqual([]);
  });

  it('refuses the same on update and keeps the metric as it was', async () => {
    const { db, metrics, input } = setUp();
    const metric = db.addMetric({ id: 'metric-1', envId: 'env-1', name: 'Old' });
    const outsider = db.tenancy.iam.addUser('outsider@x.io');
    await expect(
      metrics.update(ADMIN, 'org-1', 'env-1', metric.id, { ...input, maintainerUserId: outsider.id }),
    ).rejects.toBeInstanceOf(ValidationFailedError);
    expect(db.state.metrics[0]).toEqual(metric);
    expect(db.auditLogs).toEqual([]);
  });

  it('writes one audit entry per create, update and archive', async () => {
    const { db, metrics, input, maintainer } = setUp();
    const created = await metrics.create(ADMIN, 'org-1', 'env-1', input);
    expect(created).toMatchObject({ name: 'Checkout', maintainerEmail: maintainer.email, isArvhived: false });
    await metrics.update(ADMIN, 'org-1', 'env-1', created.id, { ...input, name: 'Checkout v2' });
    await metrics.archive(ADMIN, 'org-1', 'env-1', created.id);
    expect(db.state.metrics).toHaveLength(1);
    expect(db.state.metrics[0]).toMatchObject({ name: 'Checkout v2', isArchived: true });
    expect(db.auditLogs.map((a) => [a.refType, a.refId, a.operation, a.creatorId])).toEqual([
      ['ExperimentMetric', created.id, 'Create', ADMIN.creatorId],
      ['ExperimentMetric', created.id, 'Update', ADMIN.creatorId],
      ['ExperimentMetric', created.id, 'Archive', ADMIN.creatorId],
    ]);
  });

  it('writes nothing when the audit entry cannot be appended', async () => {
    const { db, metrics, input } = setUp();
    const metric = db.addMetric({ id: 'metric-1', envId: 'env-1', name: 'Old' });
    db.tenancy.iam.failAuditAppend = true;
    await expect(metrics.create(ADMIN, 'org-1', 'env-1', input)).rejects.toThrow('audit log unavailable');
    await expect(metrics.update(ADMIN, 'org-1', 'env-1', metric.id, input)).rejects.toThrow(
      'audit log unavailable',
    );
    await expect(metrics.archive(ADMIN, 'org-1', 'env-1', metric.id)).rejects.toThrow(
      'audit log unavailable',
    );
    expect(db.state.metrics).toEqual([metric]);
    expect(db.auditLogs).toEqual([]);
  });

  it('refuses archiving (422 MetricIsBeingUsedByExperiment) while an experiment not archived uses it', async () => {
    const { db, metrics, experiments } = setUp();
    db.addMetric({ id: 'metric-1', envId: 'env-1' });
    db.addFlag({ id: 'flag-1', envId: 'env-1' });
    db.addExperiment({ id: 'exp-1', envId: 'env-1', metricId: 'metric-1', featureFlagId: 'flag-1' });
    const err = await rejection(metrics.archive(ADMIN, 'org-1', 'env-1', 'metric-1'));
    expect(err).toBeInstanceOf(BusinessRuleError);
    expect((err as BusinessRuleError).status).toBe(422);
    expect((err as BusinessRuleError).codes).toEqual(['MetricIsBeingUsedByExperiment']);
    expect((err as BusinessRuleError).data).toEqual([{ id: 'exp-1', featureFlagId: 'flag-1' }]);
    expect(db.state.metrics[0].isArchived).toBe(false);
    expect(db.auditLogs).toEqual([]);

    await experiments.archive(ADMIN, 'org-1', 'env-1', 'exp-1');
    const before = db.auditLogs.length;
    expect(await metrics.archive(ADMIN, 'org-1', 'env-1', 'metric-1')).toBe(true);
    expect(db.state.metrics[0].isArchived).toBe(true);
    expect(db.auditLogs.slice(before).map((a) => a.operation)).toEqual(['Archive']);
  });
});
