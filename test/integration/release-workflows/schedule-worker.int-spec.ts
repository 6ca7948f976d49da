import { AuditTrail } from '../../../src/api/audit/audit-trail.service';
import { OutboxRelay } from '../../../src/api/changes/outbox-relay.service';
import { TenantLookup } from '../../../src/api/auth/tenant-lookup.service';
import { FlagMutations } from '../../../src/api/feature-flags/flag-mutation.service';
import { FlagTargeting } from '../../../src/api/feature-flags/flag-targeting.service';
import { JobRunner } from '../../../src/api/jobs/job-runner.service';
import { DraftApplier, type FlagPlace } from '../../../src/api/release-workflows/draft-applier.service';
import { FlagProposals } from '../../../src/api/release-workflows/flag-proposal.service';
import { FlagScheduleJob } from '../../../src/api/release-workflows/flag-schedule.job';
import type { CreateScheduleDto } from '../../../src/api/release-workflows/release-workflow.dto';
import { ScheduleService } from '../../../src/api/release-workflows/schedule.service';
import { loadAppConfig } from '../../../src/config/load-app-config';
import type { FeatureFlag } from '../../../src/core/flags/feature-flag';
import type { Actor } from '../../../src/core/iam/actor';
import type { DataStore } from '../../../src/core/ports/data-store.port';
import { silentLogger } from '../../../src/core/ports/logger.port';
import { NoneFlagCache } from '../../../src/infrastructure/cache/none/none-flag.cache';
import { createInProcessMessageBus } from '../../../src/infrastructure/mq/inprocess/in-process-message.bus';
import {
  environment,
  flag,
  organization,
  project,
  user,
  workspace,
} from '../../contracts/database/contract-fixtures';
import { DATA_STORE_PROVIDERS } from '../support/data-store-providers';

jest.setTimeout(120_000);

// Issue 19, the schedule worker on every database provider: two api replicas (two job runners with
// their own lease owner on one store) race for a due schedule and the change is applied exactly once
// (one flag revision, one ApplyFlagSchedule audit entry, as the schedule's creator); a change whose
// part was changed differently meanwhile fails the schedule with the reason and is never retried.
// The message queue is not involved: the job is a row of the primary database.

const config = loadAppConfig({ DATA_DIR: '/tmp', DB_PROVIDER: 'pglite' }, ['api', 'evaluation', 'analytics']);

/** One api replica's schedule machinery on a store. */
function replica(store: DataStore) {
  const relay = new OutboxRelay(store, createInProcessMessageBus(), new NoneFlagCache(), silentLogger);
  const audit = new AuditTrail();
  const mutations = new FlagMutations(store, audit, relay);
  const targeting = new FlagTargeting(
    store.segments,
    new TenantLookup(store.projects, store.environments, store.flags, store.segments),
  );
  const applier = new DraftApplier(store, mutations, targeting);
  const schedules = new ScheduleService(
    store,
    audit,
    new FlagProposals(targeting, store.groups, store.organizations),
    applier,
  );
  const runner = new JobRunner(store, config, silentLogger);
  new FlagScheduleJob(runner, schedules).onModuleInit();
  return { schedules, runner, mutations };
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATA_STORE_PROVIDERS)('schedule worker on $name', (provider) => {
  let store: DataStore;
  let dispose: () => Promise<void>;
  let place: FlagPlace;
  let actor: Actor;

  beforeAll(async () => {
    ({ store, dispose } = await provider.open());
    const admin = await store.users.create(user({ name: 'Ada' }));
    actor = { kind: 'user', userId: admin.id, creatorId: admin.id };
    const ws = await store.workspaces.create(workspace());
    const org = await store.organizations.create(organization(ws.id));
    const proj = await store.projects.create(project(org.id));
    const env = await store.environments.create(environment(proj.id));
    place = { org, project: proj, env, flag: await store.flags.create(flag(env.id, { isEnabled: false })) };
  });
  afterAll(async () => dispose?.());

  const current = async (): Promise<FeatureFlag> => (await store.flags.findById(place.flag.id))!;
  const schedule = (a: ReturnType<typeof replica>, input: Partial<CreateScheduleDto>, base: FeatureFlag) =>
    a.schedules.create(
      actor,
      { ...place, flag: base },
      {
        revision: base.revision,
        title: 'Launch',
        scheduledTime: inMs(400),
        withChangeRequest: false,
        ...input,
      },
      () => true,
    );

  it('two replicas racing for a due schedule apply it exactly once, as its creator', async () => {
    const a = replica(store);
    const b = replica(store);
    const before = await current();
    const created = await schedule(a, { isEnabled: true }, before);
    expect(await a.runner.runDue()).toBe(0);
    await sleep(450);
    const counts = await Promise.all([
      a.runner.runDue(),
      b.runner.runDue(),
      a.runner.runDue(),
      b.runner.runDue(),
    ]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(1);
    const after = await current();
    expect(after.isEnabled).toBe(true);
    expect(after.revision).not.toBe(before.revision);
    expect((await store.flagSchedules.findById(created.id))!.status).toBe('Applied');
    const log = await store.auditLogs.list({
      envId: place.env.id,
      refId: place.flag.id,
      pageIndex: 0,
      pageSize: 50,
    });
    const applied = log.items.filter((e) => e.operation === 'ApplyFlagSchedule');
    expect(applied).toHaveLength(1);
    expect(applied[0].creatorId).toBe(actor.creatorId);
    expect(await Promise.all([a.runner.runDue(), b.runner.runDue()])).toEqual([0, 0]);
  });

  it('a part changed differently meanwhile fails the schedule with the reason, once, leaving the flag as it was', async () => {
    const a = replica(store);
    const base = await current();
    const rule = (name: string, variationId: string) => ({
      name,
      dispatchKey: null,
      includedInExpt: false,
      conditions: [{ property: 'country', op: 'Equal', value: name }],
      variations: [{ id: variationId, rollout: [0, 1] as [number, number], exptRollout: 1 }],
    });
    const targeting = (name: string, variationId: string) => ({
      targetUsers: base.targetUsers,
      rules: [rule(name, variationId)],
      fallthrough: { ...base.fallthrough, dispatchKey: base.fallthrough.dispatchKey ?? '' },
      exptIncludeAllTargets: base.exptIncludeAllTargets,
    });
    const created = await schedule(a, { targeting: targeting('NL', base.variations[0].id) }, base);
    // Someone changes the rules directly, through the same write path a targeting update takes.
    await a.mutations.apply(actor, place.org.id, place.env, base, {
      operation: 'Update',
      expectedRevision: base.revision,
      changes: {
        rules: [
          {
            ...rule('BE', base.variations[1].id),
            id: 'r-be',
            conditions: [{ id: 'c-be', property: 'country', op: 'Equal', value: 'BE' }],
          },
        ],
      },
    });
    const beforeRun = await current();
    await sleep(450);
    expect(await a.runner.runDue()).toBe(1);
    const failed = (await store.flagSchedules.findById(created.id))!;
    expect(failed.status).toBe('Failed');
    expect(failed.error).toContain('targeting rules');
    expect((await current()).revision).toBe(beforeRun.revision);
    expect(await a.runner.runDue()).toBe(0);
  });
});
