import { JobRunner } from '../../../src/api/jobs/job-runner.service';
import { ApiApp } from './support/api-app';
import { boolFlag, waitFor } from './support/fixtures';

jest.setTimeout(120_000);

// Issue 19, scheduled changes and change requests: FeatBit's pending-changes, schedules and
// change-requests routes. A schedule applies once at its time as the person who scheduled it; a
// change merges onto the flag as it is then or is refused naming the conflicting parts (a schedule
// records the failure); an environment that requires approval refuses direct changes, nobody reviews
// their own request, and every step is audited.

interface Flag {
  id: string;
  key: string;
  revision: string;
  isEnabled: boolean;
  variations: { id: string }[];
  rules: { id: string; name: string }[];
  fallthrough: { variations: { id: string; rollout: [number, number] }[] };
  targetUsers: { keyIds: string[]; variationId: string }[];
}
interface Pending {
  id: string;
  type: string;
  scheduleStatus?: string;
  scheduleError?: string | null;
  changeRequestId: string | null;
  changeRequestStatus?: string;
  reviewers: { memberId: string; action: string; comment: string }[];
  conflicts: string[];
  instructions: { kind: string }[];
  creatorName: string;
  baseRevision: string;
}

describe('release workflows: schedules and change requests (e2e, in-process)', () => {
  let api: ApiApp;
  let dev: ApiApp;
  let devId: string;
  let adminId: string;
  let envId: string;
  let prodId: string;

  beforeAll(async () => {
    api = await ApiApp.start({ env: { JOB_POLL_INTERVAL_MS: '60000' } });
    await api.loginAsAdmin();
    envId = await api.envId('dev');
    prodId = await api.envId('prod');
    const added = await api.post('/api/v1/members/add', { email: 'reviewer@example.com' });
    dev = await api.fork().loginAs('reviewer@example.com', added.body.data.initialPassword);
    devId = (await api.get('/api/v1/members?searchText=reviewer')).body.data.items[0].id;
    adminId =
      (await api.get('/api/v1/profile')).body.data?.id ??
      (await api.get('/api/v1/user/profile')).body.data.id;
  });
  afterAll(() => api?.close());

  const flagsUrl = (env: string) => `/api/v1/envs/${env}/feature-flags`;
  const getFlag = async (env: string, key: string) =>
    (await api.get(`${flagsUrl(env)}/${key}`)).body.data as Flag;
  const create = async (env: string, key: string) =>
    (await api.post(flagsUrl(env), boolFlag(key))).body.data as Flag;
  const pending = async (env: string, key: string) =>
    (await api.get(`${flagsUrl(env)}/${key}/pending-changes`)).body.data as Pending[];
  const runJobs = () => api.app.get(JobRunner).runDue();
  /** The flag's targeting with one rule serving `variationId` to users whose country is `country`. */
  const withRule = (flag: Flag, name: string, country: string, variationId: string) => ({
    targetUsers: flag.targetUsers,
    rules: [
      {
        name,
        dispatchKey: null,
        includedInExpt: false,
        conditions: [{ property: 'country', op: 'Equal', value: country }],
        variations: [{ id: variationId, rollout: [0, 1], exptRollout: 1 }],
      },
    ],
    fallthrough: {
      ...flag.fallthrough,
      dispatchKey: null,
      includedInExpt: false,
      variations: flag.fallthrough.variations.map((v) => ({ ...v, exptRollout: 1 })),
    },
    exptIncludeAllTargets: true,
  });
  const auditOf = async (env: string, refId: string) =>
    (await api.get(`/api/v1/envs/${env}/audit-logs?refId=${refId}&pageSize=50`)).body.data.items as {
      operation: string;
      comment: string;
      creatorId: string;
      refType: string;
    }[];

  it('a schedule applies once at its time, as its creator, and leaves the pending list', async () => {
    const flag = await create(envId, 'sched-on');
    const inASecond = new Date(Date.now() + 1200).toISOString();
    const res = await api.post(`${flagsUrl(envId)}/sched-on/schedules`, {
      revision: flag.revision,
      isEnabled: true,
      targeting: withRule(flag, 'Beta countries', 'NL', flag.variations[0].id),
      title: 'Launch',
      scheduledTime: inASecond,
      withChangeRequest: false,
    });
    expect(res.status).toBe(200);
    const [listed] = await pending(envId, 'sched-on');
    expect(listed).toMatchObject({
      type: 'schedule',
      scheduleStatus: 'PendingExecution',
      baseRevision: flag.revision,
      conflicts: [],
    });
    expect(listed.instructions.map((i) => i.kind)).toEqual(expect.arrayContaining(['TurnFlagOn']));
    expect(await runJobs()).toBe(0); // not due yet
    expect((await getFlag(envId, 'sched-on')).isEnabled).toBe(false);
    await new Promise((r) => setTimeout(r, 1300));
    expect(await runJobs()).toBe(1);
    expect(await runJobs()).toBe(0);
    const after = await getFlag(envId, 'sched-on');
    expect(after).toMatchObject({
      isEnabled: true,
      rules: [expect.objectContaining({ name: 'Beta countries' })],
    });
    expect(await pending(envId, 'sched-on')).toEqual([]);
    const applied = (await auditOf(envId, flag.id)).filter((a) => a.operation === 'ApplyFlagSchedule');
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ creatorId: adminId, comment: 'Applied by the schedule "Launch"' });
  });

  it('refuses a schedule in the past or with nothing to change, storing nothing', async () => {
    const flag = await create(envId, 'sched-bad');
    const past = await api.post(`${flagsUrl(envId)}/sched-bad/schedules`, {
      revision: flag.revision,
      isEnabled: true,
      title: 'Too late',
      scheduledTime: new Date(Date.now() - 60_000).toISOString(),
      withChangeRequest: false,
    });
    expect(past.status).toBe(400);
    expect(past.body.errors.join(' ')).toContain('scheduledTime');
    const nothing = await api.post(`${flagsUrl(envId)}/sched-bad/schedules`, {
      revision: flag.revision,
      isEnabled: false,
      title: 'Same',
      scheduledTime: new Date(Date.now() + 60_000).toISOString(),
      withChangeRequest: false,
    });
    expect(nothing.status).toBe(400);
    const stale = await api.post(`${flagsUrl(envId)}/sched-bad/schedules`, {
      revision: '00000000-0000-4000-8000-000000000000',
      isEnabled: true,
      title: 'Stale',
      scheduledTime: new Date(Date.now() + 60_000).toISOString(),
      withChangeRequest: false,
    });
    expect(stale.status).toBe(409);
    expect(await pending(envId, 'sched-bad')).toEqual([]);
  });

  it('merges onto later changes of other parts; a conflicting part fails the schedule with the reason', async () => {
    const flag = await create(envId, 'sched-merge');
    const soon = () => new Date(Date.now() + 600).toISOString();
    await api.post(`${flagsUrl(envId)}/sched-merge/schedules`, {
      revision: flag.revision,
      targeting: withRule(flag, 'NL', 'NL', flag.variations[0].id),
      title: 'Rules',
      scheduledTime: soon(),
      withChangeRequest: false,
    });
    // Meanwhile someone turns the flag on: another part, so the schedule still applies.
    expect((await api.put(`${flagsUrl(envId)}/sched-merge/toggle/true`, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    await runJobs();
    expect(await getFlag(envId, 'sched-merge')).toMatchObject({
      isEnabled: true,
      rules: [expect.objectContaining({ name: 'NL' })],
    });

    const base = await getFlag(envId, 'sched-merge');
    await api.post(`${flagsUrl(envId)}/sched-merge/schedules`, {
      revision: base.revision,
      targeting: withRule(base, 'DE', 'DE', base.variations[0].id),
      title: 'Conflicting',
      scheduledTime: soon(),
      withChangeRequest: false,
    });
    const direct = await api.put(`${flagsUrl(envId)}/sched-merge/targeting`, {
      revision: base.revision,
      targeting: withRule(base, 'FR', 'FR', base.variations[1].id),
    });
    expect(direct.status).toBe(200);
    const [waiting] = await pending(envId, 'sched-merge');
    expect(waiting.conflicts).toEqual(['targetingRules']);
    await new Promise((r) => setTimeout(r, 700));
    await runJobs();
    expect((await getFlag(envId, 'sched-merge')).rules.map((r) => r.name)).toEqual(['FR']);
    const [failed] = await pending(envId, 'sched-merge');
    expect(failed.scheduleStatus).toBe('Failed');
    expect(failed.scheduleError).toContain('targeting rules');
    expect(await runJobs()).toBe(0); // failed for good, not retried
  });

  it('an environment requiring approval refuses direct changes; a reviewer approves and the requester applies', async () => {
    const flag = await create(prodId, 'guarded-checkout');
    const project = await api.defaultProject();
    const setting = await api.put(`/api/v1/projects/${project.id}/envs/${prodId}`, {
      settings: {
        changeApproval: {
          required: true,
          reviewerMemberIds: [devId],
          reviewerGroupIds: [],
          applyOnApproval: false,
        },
      },
    });
    expect(setting.status).toBe(200);
    expect(setting.body.data.settings.changeApproval).toMatchObject({
      required: true,
      reviewerMemberIds: [devId],
    });

    const toggle = await api.put(`${flagsUrl(prodId)}/guarded-checkout/toggle/true`, {});
    expect(toggle.status).toBe(403);
    expect(toggle.body.message).toContain('change request');
    const scheduleOnly = await api.post(`${flagsUrl(prodId)}/guarded-checkout/schedules`, {
      revision: flag.revision,
      isEnabled: true,
      title: 'Sneaky',
      scheduledTime: new Date(Date.now() + 60_000).toISOString(),
      withChangeRequest: false,
    });
    expect(scheduleOnly.status).toBe(403);

    const selfReview = await api.post(`${flagsUrl(prodId)}/guarded-checkout/change-requests`, {
      revision: flag.revision,
      isEnabled: true,
      reason: 'launch',
      reviewers: [adminId],
    });
    expect(selfReview.status).toBe(400);
    expect(selfReview.body.errors.join(' ')).toContain('reviewers');

    const created = await api.post(`${flagsUrl(prodId)}/guarded-checkout/change-requests`, {
      revision: flag.revision,
      isEnabled: true,
      reason: 'launch checkout',
      reviewers: [],
    });
    expect(created.status).toBe(200);
    const [request] = await pending(prodId, 'guarded-checkout');
    expect(request).toMatchObject({ type: 'change-request', changeRequestStatus: 'PendingReview' });
    expect(request.reviewers.map((r) => r.memberId)).toEqual([devId]);
    const crUrl = `${flagsUrl(prodId)}/change-requests/${request.id}`;

    expect((await api.put(`${crUrl}/approve`, {})).status).toBe(403); // own request
    expect((await api.put(`${crUrl}/apply`, {})).status).toBe(403); // not approved yet
    expect((await dev.put(`${crUrl}/approve`, { comment: 'looks good' })).status).toBe(200);
    expect((await getFlag(prodId, 'guarded-checkout')).isEnabled).toBe(false); // applies on request only
    const [approved] = await pending(prodId, 'guarded-checkout');
    expect(approved).toMatchObject({ changeRequestStatus: 'Approved' });
    expect(approved.reviewers[0]).toMatchObject({ action: 'Approve', comment: 'looks good' });

    expect((await api.put(`${crUrl}/apply`, {})).status).toBe(200);
    expect((await getFlag(prodId, 'guarded-checkout')).isEnabled).toBe(true);
    expect((await api.put(`${crUrl}/apply`, {})).status).toBe(403); // already applied
    expect(await pending(prodId, 'guarded-checkout')).toEqual([]);

    const flagAudit = await auditOf(prodId, flag.id);
    expect(flagAudit.filter((a) => a.operation === 'ApplyFlagChangeRequest')).toHaveLength(1);
    const requestAudit = await auditOf(prodId, request.id);
    expect(requestAudit.map((a) => a.operation).sort()).toEqual(['Create', 'Update', 'Update']);
    // The environment's audit log filters by the new ref type too.
    const byType = (await api.get(`/api/v1/envs/${prodId}/audit-logs?refType=FlagChangeRequest&pageSize=50`))
      .body.data.items as { refId: string }[];
    expect(byType.filter((a) => a.refId === request.id)).toHaveLength(3);
  });

  it('applies on approval when the environment says so; a decline stops it; a schedule waits for approval', async () => {
    const project = await api.defaultProject();
    await api.put(`/api/v1/projects/${project.id}/envs/${prodId}`, {
      settings: {
        changeApproval: {
          required: true,
          reviewerMemberIds: [devId],
          reviewerGroupIds: [],
          applyOnApproval: true,
        },
      },
    });
    const flag = await create(prodId, 'auto-apply');
    await api.post(`${flagsUrl(prodId)}/auto-apply/change-requests`, {
      revision: flag.revision,
      isEnabled: true,
      reason: 'go',
      reviewers: [devId],
    });
    const [request] = await pending(prodId, 'auto-apply');
    expect((await dev.put(`${flagsUrl(prodId)}/change-requests/${request.id}/approve`, {})).status).toBe(200);
    expect((await getFlag(prodId, 'auto-apply')).isEnabled).toBe(true);

    const declined = await create(prodId, 'declined');
    await api.post(`${flagsUrl(prodId)}/declined/change-requests`, {
      revision: declined.revision,
      isEnabled: true,
      reason: 'go',
      reviewers: [],
    });
    const [toDecline] = await pending(prodId, 'declined');
    expect(
      (await dev.put(`${flagsUrl(prodId)}/change-requests/${toDecline.id}/decline`, { comment: 'not now' }))
        .status,
    ).toBe(200);
    expect(await pending(prodId, 'declined')).toEqual([
      expect.objectContaining({ changeRequestStatus: 'Declined' }),
    ]);
    expect((await api.put(`${flagsUrl(prodId)}/change-requests/${toDecline.id}/apply`, {})).status).toBe(403);
    expect((await getFlag(prodId, 'declined')).isEnabled).toBe(false);

    const timed = await create(prodId, 'timed');
    await api.post(`${flagsUrl(prodId)}/timed/schedules`, {
      revision: timed.revision,
      isEnabled: true,
      title: 'At launch',
      scheduledTime: new Date(Date.now() + 800).toISOString(),
      withChangeRequest: true,
      reason: 'launch',
      reviewers: [devId],
    });
    const [scheduled] = await pending(prodId, 'timed');
    expect(scheduled).toMatchObject({
      type: 'schedule',
      scheduleStatus: 'PendingReview',
      changeRequestStatus: 'PendingReview',
    });
    await new Promise((r) => setTimeout(r, 900));
    expect(await runJobs()).toBe(0); // no job until approved
    expect(
      (await dev.put(`${flagsUrl(prodId)}/change-requests/${scheduled.changeRequestId}/approve`, {})).status,
    ).toBe(200);
    await waitFor(async () => (await getFlag(prodId, 'timed')).isEnabled, 5000);
    const [last] = (await auditOf(prodId, timed.id)).filter((a) => a.operation === 'ApplyFlagSchedule');
    expect(last.creatorId).toBe(adminId);
  });

  it('an approved change request that conflicts with a later change is refused with the parts named', async () => {
    const flag = await create(envId, 'cr-conflict');
    await api.post(`${flagsUrl(envId)}/cr-conflict/change-requests`, {
      revision: flag.revision,
      targeting: withRule(flag, 'NL', 'NL', flag.variations[0].id),
      reason: 'rules',
      reviewers: [devId],
    });
    const [request] = await pending(envId, 'cr-conflict');
    await dev.put(`${flagsUrl(envId)}/change-requests/${request.id}/approve`, {});
    await api.put(`${flagsUrl(envId)}/cr-conflict/targeting`, {
      revision: flag.revision,
      targeting: withRule(flag, 'BE', 'BE', flag.variations[1].id),
    });
    const applied = await api.put(`${flagsUrl(envId)}/change-requests/${request.id}/apply`, {});
    expect(applied.status).toBe(409);
    expect(applied.body.message).toContain('targeting rules');
    expect((await getFlag(envId, 'cr-conflict')).rules.map((r) => r.name)).toEqual(['BE']);
    expect((await pending(envId, 'cr-conflict'))[0]).toMatchObject({
      changeRequestStatus: 'Approved',
      conflicts: ['targetingRules'],
    });
    // The requester withdraws it; a stranger to the request without flag rights could not.
    expect((await api.delete(`${flagsUrl(envId)}/change-requests/${request.id}`)).status).toBe(200);
    expect(await pending(envId, 'cr-conflict')).toEqual([]);
  });
});
