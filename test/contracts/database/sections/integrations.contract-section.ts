import type { Experiment, ExperimentMetric } from '../../../../src/core/experiments/experiments';
import type { RelayProxy, Trigger, Webhook } from '../../../../src/core/integrations/integrations';
import { type Job, newJob } from '../../../../src/core/jobs/job';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { DuplicateKeyError, NotFoundError } from '../../../../src/core/shared/errors';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../../../src/core/workflow/workflow';
import { at, newId } from '../contract-fixtures';

const webhook = (organizationId: string, overrides: Partial<Webhook> = {}): Webhook => ({
  id: newId(),
  organizationId,
  name: `hook-${newId().slice(0, 6)}`,
  url: 'https://example.test/hook',
  scopes: ['p1/e1,e2'],
  events: ['feature_flag.created'],
  headers: [{ key: 'X-Token', value: 't' }],
  payloadTemplateType: 'default',
  payloadTemplate: '',
  secret: 's',
  isActive: true,
  preventEmptyPayloads: false,
  lastDelivery: null,
  consecutiveFailures: 0,
  disabledReason: null,
  creatorId: newId(),
  updatorId: newId(),
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

const trigger = (targetId: string, overrides: Partial<Trigger> = {}): Trigger => ({
  id: newId(),
  targetId,
  type: 'feature-flag-general',
  action: 'turn-on',
  tokenHash: `th-${newId()}`,
  description: '',
  isEnabled: true,
  triggeredTimes: 0,
  lastTriggeredAt: null,
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

export function integrationsSection(store: () => DataStore): void {
  it('webhook events: a job is queued only for an organization with a webhook switched on, in or out of a transaction', async () => {
    const kind = `webhook-event-${newId()}`;
    const job = (n: number): Job =>
      newJob({ id: newId(), kind, payload: { entry: { n, nested: { list: [1, 'a'] } } } }, at(n));
    const on = newId();
    const off = newId();
    await store().webhooks.create(webhook(on));
    await store().webhooks.create(webhook(off, { isActive: false }));
    const [queued, inTx, toOff, toNone, toOffInTx] = [1, 2, 3, 4, 5].map(job);
    await store().webhooks.enqueueEvent(on, queued);
    await store().webhooks.enqueueEvent(off, toOff);
    await store().webhooks.enqueueEvent(newId(), toNone);
    await store().transaction(async (tx) => {
      await tx.webhooks.enqueueEvent(off, toOffInTx);
      await tx.webhooks.enqueueEvent(on, inTx);
    });
    expect(await store().jobs.findById(queued.id)).toEqual(queued);
    expect(await store().jobs.findById(inTx.id)).toEqual(inTx);
    for (const skipped of [toOff, toNone, toOffInTx])
      expect(await store().jobs.findById(skipped.id)).toBeNull();
    const claimed = await store().jobs.claim({
      owner: 'w',
      now: at(10),
      leaseUntil: at(20),
      limit: 10,
      kinds: [kind],
    });
    expect(claimed.map((j) => j.id)).toEqual([queued.id, inTx.id]);
  });

  it('webhooks: CRUD, unique names per organization, deliveries and paging', async () => {
    const orgId = newId();
    const w = await store().webhooks.create(webhook(orgId, { name: 'Deploy hook', createdAt: at(2) }));
    await store().webhooks.create(webhook(orgId, { createdAt: at(1) }));
    expect(await store().webhooks.findById(w.id)).toEqual(w);
    await expect(store().webhooks.create(webhook(orgId, { name: w.name }))).rejects.toMatchObject({
      entity: 'Webhook',
      field: 'name',
    });
    const updated = await store().webhooks.update({
      ...w,
      lastDelivery: { success: true, happenedAt: at(5), response: { statusCode: 200 } },
    });
    expect(updated.lastDelivery).toEqual({ success: true, happenedAt: at(5), response: { statusCode: 200 } });
    expect(
      (await store().webhooks.list(orgId, { pageIndex: 0, pageSize: 10, name: 'deploy' })).items.map(
        (x) => x.id,
      ),
    ).toEqual([w.id]);
    expect((await store().webhooks.list(orgId, { pageIndex: 0, pageSize: 1 })).totalCount).toBe(2);
    for (let i = 0; i < 3; i++) {
      await store().webhooks.addDelivery({
        id: newId(),
        webhookId: w.id,
        success: i !== 1,
        events: 'feature_flag.updated',
        request: { url: w.url, payload: `{"i":${i}}` },
        response: i === 1 ? null : { statusCode: 200 },
        error: i === 1 ? { message: 'timeout' } : null,
        startedAt: at(10 + i),
        endedAt: at(11 + i),
      });
    }
    const deliveries = await store().webhooks.listDeliveries(w.id, { pageIndex: 0, pageSize: 2 });
    expect(deliveries.totalCount).toBe(3);
    expect(deliveries.items.map((d) => d.startedAt)).toEqual([at(12), at(11)]);
    expect(deliveries.items[1]).toMatchObject({
      success: false,
      response: null,
      error: { message: 'timeout' },
    });
    const failed = await store().webhooks.listDeliveries(w.id, {
      pageIndex: 0,
      pageSize: 10,
      success: false,
    });
    expect(failed.items.map((d) => d.startedAt)).toEqual([at(11)]);
    const since = await store().webhooks.listDeliveries(w.id, {
      pageIndex: 0,
      pageSize: 10,
      notBefore: at(11),
    });
    expect(since.totalCount).toBe(2);
    const health = await store().webhooks.update({
      ...updated,
      consecutiveFailures: 3,
      disabledReason: 'kept failing',
    });
    expect(await store().webhooks.findById(w.id)).toMatchObject({
      consecutiveFailures: 3,
      disabledReason: 'kept failing',
    });
    expect(health.consecutiveFailures).toBe(3);
    await store().webhooks.delete(w.id);
    expect(await store().webhooks.findById(w.id)).toBeNull();
    // Its delivery log goes with it.
    expect((await store().webhooks.listDeliveries(w.id, { pageIndex: 0, pageSize: 10 })).totalCount).toBe(0);
  });

  it('webhook deliveries: filtered by one whole event name of the comma-joined list', async () => {
    const w = await store().webhooks.create(webhook(newId()));
    const base = { webhookId: w.id, success: true, request: {}, response: null, error: null };
    await store().webhooks.addDelivery({
      ...base,
      id: newId(),
      events: 'feature_flag.toggled,feature_flag.basic_info_updated',
      startedAt: at(1),
      endedAt: at(1),
    });
    await store().webhooks.addDelivery({
      ...base,
      id: newId(),
      events: 'segment.created',
      startedAt: at(2),
      endedAt: at(2),
    });
    const page = (event: string) =>
      store().webhooks.listDeliveries(w.id, { pageIndex: 0, pageSize: 10, event });
    expect((await page('feature_flag.basic_info_updated')).totalCount).toBe(1);
    expect((await page('segment.created')).totalCount).toBe(1);
    expect((await page('feature_flag')).totalCount).toBe(0);
  });

  it('triggers: CRUD, lookup by token hash and by flag', async () => {
    const flagId = newId();
    const t = await store().triggers.create(trigger(flagId));
    await store().triggers.create(trigger(flagId, { action: 'turn-off', createdAt: at(1) }));
    expect(await store().triggers.findByTokenHash(t.tokenHash)).toEqual(t);
    await expect(store().triggers.create(trigger(newId(), { tokenHash: t.tokenHash }))).rejects.toMatchObject(
      {
        entity: 'Trigger',
        field: 'tokenHash',
      },
    );
    const fired = await store().triggers.update({ ...t, triggeredTimes: 3, lastTriggeredAt: at(9) });
    expect(fired).toMatchObject({ triggeredTimes: 3, lastTriggeredAt: at(9) });
    expect((await store().triggers.listByTarget(flagId)).map((x) => x.action)).toEqual([
      'turn-on',
      'turn-off',
    ]);
    await expect(store().triggers.update(trigger(flagId))).rejects.toBeInstanceOf(NotFoundError);
    await store().triggers.delete(t.id);
    expect(await store().triggers.findByTokenHash(t.tokenHash)).toBeNull();
  });

  it('experiment metrics and experiments: CRUD and lists', async () => {
    const envId = newId();
    const metric: ExperimentMetric = {
      id: newId(),
      envId,
      name: 'Checkout conversion',
      description: '',
      maintainerUserId: newId(),
      eventName: 'checkout',
      eventType: 1,
      customEventTrackOption: 1,
      customEventUnit: '',
      customEventSuccessCriteria: 1,
      elementTargets: '',
      targetUrls: [{ id: newId(), matchType: 1, url: '/cart' }],
      isArchived: false,
      createdAt: at(0),
      updatedAt: at(0),
    };
    expect(await store().experimentMetrics.create(metric)).toEqual(metric);
    expect(
      (await store().experimentMetrics.list(envId, { pageIndex: 0, pageSize: 5, name: 'CHECKOUT' })).items,
    ).toEqual([metric]);
    const pageView: ExperimentMetric = {
      ...metric,
      id: newId(),
      name: 'Checkout page',
      eventType: 2,
      updatedAt: at(2),
    };
    await store().experimentMetrics.create(pageView);
    // Latest update first; filtered by event type; archived ones are not listed.
    expect(
      (
        await store().experimentMetrics.list(envId, { pageIndex: 0, pageSize: 5, name: 'checkout' })
      ).items.map((m) => m.id),
    ).toEqual([pageView.id, metric.id]);
    expect(
      (await store().experimentMetrics.list(envId, { pageIndex: 0, pageSize: 5, eventType: 2 })).items.map(
        (m) => m.id,
      ),
    ).toEqual([pageView.id]);
    await store().experimentMetrics.update({ ...metric, isArchived: true });
    expect((await store().experimentMetrics.findById(metric.id))!.isArchived).toBe(true);
    expect(
      (await store().experimentMetrics.list(envId, { pageIndex: 0, pageSize: 5 })).items.map((m) => m.id),
    ).toEqual([pageView.id]);
    await store().experimentMetrics.delete(pageView.id);
    const flagId = newId();
    const experiment: Experiment = {
      id: newId(),
      envId,
      metricId: metric.id,
      featureFlagId: flagId,
      isArchived: false,
      status: 'NotStarted',
      baselineVariationId: newId(),
      alpha: 0.05,
      method: 'sequential',
      guard: null,
      iterations: [
        {
          id: newId(),
          startTime: at(1),
          endTime: null,
          updatedAt: at(1),
          isArchived: false,
          isFinish: false,
          results: [{ pValue: 0.5 }],
        },
      ],
      createdAt: at(0),
      updatedAt: at(0),
    };
    expect(await store().experiments.create(experiment)).toEqual(experiment);
    await store().experiments.create({ ...experiment, id: newId(), featureFlagId: newId() });
    expect(
      (await store().experiments.list(envId, { pageIndex: 0, pageSize: 5, featureFlagId: flagId })).items,
    ).toEqual([experiment]);
    expect((await store().experiments.list(envId, { pageIndex: 0, pageSize: 5 })).totalCount).toBe(2);
    const archivedId = newId();
    await store().experiments.create({ ...experiment, id: archivedId, isArchived: true, createdAt: at(3) });
    const active = await store().experiments.listActive(envId);
    expect(active.map((e) => e.id)).toContain(experiment.id);
    expect(active.some((e) => e.id === archivedId)).toBe(false);
    expect(active).toHaveLength(2);
    await store().experiments.delete(archivedId);
    const guard = {
      ruleId: null,
      status: 'Watching' as const,
      checkedAt: null,
      reason: '',
      rolledBackAt: null,
    };
    const guarded = { ...experiment, id: newId(), featureFlagId: newId(), guard };
    await store().experiments.create(guarded);
    const watching = (await store().experiments.listWatching()).filter((e) => e.envId === envId);
    expect(watching).toEqual([guarded]);
    await store().experiments.update({ ...guarded, guard: { ...guard, status: 'RolledBack' } });
    expect((await store().experiments.listWatching()).some((e) => e.id === guarded.id)).toBe(false);
    await store().experiments.delete(guarded.id);
    await store().experiments.update({ ...experiment, status: 'Recording' });
    expect((await store().experiments.findById(experiment.id))!.status).toBe('Recording');
    await store().experiments.delete(experiment.id);
    await store().experimentMetrics.delete(metric.id);
    expect(await store().experiments.findById(experiment.id)).toBeNull();
    expect(await store().experimentMetrics.findById(metric.id)).toBeNull();
  });

  it('experiments: one that is not archived per (flag, metric), archived ones aside', async () => {
    const envId = newId();
    const pair = { featureFlagId: newId(), metricId: newId() };
    const experiment = (overrides: Partial<Experiment> = {}): Experiment => ({
      id: newId(),
      envId,
      ...pair,
      isArchived: false,
      status: 'NotStarted',
      baselineVariationId: newId(),
      alpha: 0.05,
      method: 'fixed',
      guard: null,
      iterations: [],
      createdAt: at(0),
      updatedAt: at(0),
      ...overrides,
    });
    const first = await store().experiments.create(experiment());
    await expect(store().experiments.create(experiment())).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(store().experiments.create(experiment())).rejects.toMatchObject({ entity: 'Experiment' });
    // Any number archived beside the active one; the same metric on another flag is another pair.
    await store().experiments.create(experiment({ isArchived: true }));
    await store().experiments.create(experiment({ isArchived: true }));
    await store().experiments.create(experiment({ featureFlagId: newId() }));
    // An update that would make a second active one is refused too.
    const archived = await store().experiments.create(experiment({ isArchived: true }));
    await expect(store().experiments.update({ ...archived, isArchived: false })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    // Archiving the active one frees the pair.
    await store().experiments.update({ ...first, isArchived: true });
    const next = await store().experiments.create(experiment());
    expect((await store().experiments.listActive(envId)).map((e) => e.id)).toContain(next.id);
    expect((await store().experiments.listActive(envId)).map((e) => e.id)).not.toContain(first.id);
  });

  it('relay proxies: CRUD, lookup by key hash and list', async () => {
    const orgId = newId();
    const rp: RelayProxy = {
      id: newId(),
      organizationId: orgId,
      name: 'Edge',
      keyHash: `kh-${newId()}`,
      description: '',
      isAllEnvs: false,
      scopes: [newId()],
      agents: [
        {
          id: newId(),
          name: 'a1',
          host: 'http://agent',
          syncAt: null,
          serves: null,
          dataVersion: 0,
          createdAt: at(0),
        },
      ],
      autoAgents: [],
      createdAt: at(0),
      updatedAt: at(0),
    };
    expect(await store().relayProxies.create(rp)).toEqual(rp);
    expect(await store().relayProxies.findByKeyHash(rp.keyHash)).toEqual(rp);
    await expect(store().relayProxies.create({ ...rp, id: newId() })).rejects.toMatchObject({
      entity: 'RelayProxy',
      field: 'keyHash',
    });
    await store().relayProxies.update({
      ...rp,
      autoAgents: [{ id: 'x', status: 'healthy', registeredAt: at(3) }],
    });
    expect(
      (await store().relayProxies.list(orgId, { pageIndex: 0, pageSize: 5, name: 'edg' })).items[0]
        .autoAgents,
    ).toHaveLength(1);
    await store().relayProxies.delete(rp.id);
    expect(await store().relayProxies.findById(rp.id)).toBeNull();
  });

  it('flag drafts, change requests and schedules: CRUD, per-flag lists and due schedules', async () => {
    const envId = newId();
    const flagId = newId();
    const orgId = newId();
    const draft: FlagDraft = {
      id: newId(),
      envId,
      flagId,
      status: 'Pending',
      comment: 'c',
      dataChange: { previous: '{}', current: '{"isEnabled":true}' },
      baseRevision: newId(),
      creatorId: newId(),
      updatorId: newId(),
      createdAt: at(0),
      updatedAt: at(0),
    };
    expect(await store().flagDrafts.create(draft)).toEqual(draft);
    expect(await store().flagDrafts.update({ ...draft, status: 'Applied' })).toMatchObject({
      status: 'Applied',
    });
    const cr: FlagChangeRequest = {
      id: newId(),
      organizationId: orgId,
      envId,
      flagDraftId: draft.id,
      flagId,
      status: 'PendingReview',
      reason: '',
      reviewers: [{ memberId: newId(), action: 'Empty', timestamp: null, comment: '' }],
      scheduleId: null,
      creatorId: newId(),
      updatorId: newId(),
      createdAt: at(0),
      updatedAt: at(0),
    };
    expect(await store().flagChangeRequests.create(cr)).toEqual(cr);
    expect(await store().flagChangeRequests.listByFlag(flagId)).toEqual([cr]);
    expect(await store().flagChangeRequests.listOpen(envId, 10)).toEqual([cr]);
    // A status transition has one winner: the second writer expects a status that is gone.
    const approved = { ...cr, status: 'Approved' as const, updatedAt: at(1) };
    const [first, second] = await Promise.all([
      store().flagChangeRequests.updateIfStatus(approved, 'PendingReview'),
      store().flagChangeRequests.updateIfStatus({ ...approved, reason: 'other' }, 'PendingReview'),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(
      await store().flagChangeRequests.updateIfStatus({ ...cr, status: 'Applied' }, 'PendingReview'),
    ).toBe(false);
    expect((await store().flagChangeRequests.findById(cr.id))!.status).toBe('Approved');
    await store().flagChangeRequests.update({ ...cr, status: 'Applied' });
    expect(await store().flagChangeRequests.listOpen(envId, 10)).toEqual([]);
    const schedule = (minutes: number, status: FlagSchedule['status']): FlagSchedule => ({
      id: newId(),
      organizationId: orgId,
      envId,
      flagDraftId: draft.id,
      flagId,
      status,
      title: `in ${minutes}`,
      scheduledTime: at(minutes * 60),
      changeRequestId: null,
      error: null,
      creatorId: newId(),
      updatorId: newId(),
      createdAt: at(0),
      updatedAt: at(0),
    });
    const due = await store().flagSchedules.create(schedule(1, 'PendingExecution'));
    await store().flagSchedules.create(schedule(2, 'PendingReview'));
    await store().flagSchedules.create(schedule(90, 'PendingExecution'));
    expect((await store().flagSchedules.listByFlag(flagId)).map((s) => s.title)).toEqual([
      'in 1',
      'in 2',
      'in 90',
    ]);
    expect((await store().flagSchedules.listDue(at(30 * 60))).filter((s) => s.flagId === flagId)).toEqual([
      due,
    ]);
    expect(await store().flagSchedules.updateIfStatus({ ...due, status: 'Applied' }, 'PendingReview')).toBe(
      false,
    );
    expect(
      await store().flagSchedules.updateIfStatus(
        { ...due, status: 'Failed', error: 'x' },
        'PendingExecution',
      ),
    ).toBe(true);
    expect(await store().flagSchedules.findById(due.id)).toMatchObject({ status: 'Failed', error: 'x' });
    await store().flagSchedules.update({ ...due, status: 'Applied' });
    expect((await store().flagSchedules.listDue(at(30 * 60))).filter((s) => s.flagId === flagId)).toEqual([]);
    await store().flagSchedules.delete(due.id);
    await store().flagChangeRequests.delete(cr.id);
    await store().flagDrafts.delete(draft.id);
    expect(await store().flagChangeRequests.findById(cr.id)).toBeNull();
    expect(await store().flagDrafts.findById(draft.id)).toBeNull();
    expect(await store().flagSchedules.findById(due.id)).toBeNull();
  });

  it('outbox: oldest first, attempts counted, removal', async () => {
    const mk = (s: number) => ({
      id: newId(),
      topic: 'featbit-feature-flag-change' as const,
      payload: `{"s":${s}}`,
      attempts: 0,
      createdAt: at(-1000 + s),
    });
    const [a, b] = [mk(2), mk(1)];
    await store().outbox.add(a);
    await store().outbox.add(b);
    const pending = (await store().outbox.listPending(1000)).filter((m) => m.id === a.id || m.id === b.id);
    expect(pending.map((m) => m.id)).toEqual([b.id, a.id]);
    await store().outbox.recordAttempt(a.id);
    await store().outbox.recordAttempt(a.id);
    expect((await store().outbox.listPending(1000)).find((m) => m.id === a.id)!.attempts).toBe(2);
    await store().outbox.remove(a.id);
    await store().outbox.remove(b.id);
    expect((await store().outbox.listPending(1000)).some((m) => m.id === a.id || m.id === b.id)).toBe(false);
  });

  it('system settings: get and set-if-absent keep the first value', async () => {
    const key = `jwt-${newId()}`;
    expect(await store().settings.get(key)).toBeNull();
    expect(await store().settings.setIfAbsent(key, 'first')).toBe('first');
    expect(await store().settings.setIfAbsent(key, 'second')).toBe('first');
    expect(await store().settings.get(key)).toBe('first');
  });
}
