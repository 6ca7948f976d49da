import type { GuardInput } from '../../../../src/api/experiments/guarded-rollout.service';
import { ValidationFailedError } from '../../../../src/api/http/api-errors';
import type { FeatureFlag } from '../../../../src/core/flags/feature-flag';
import { SYSTEM_ID } from '../../../../src/core/iam/actor';
import { ADMIN } from '../support/iam-services';
import { InMemoryExperiments, samples } from '../support/in-memory-experiments';

// GuardedRolloutService on in-memory fakes, with the real experiment and results services, the real
// sequential analysis and the real FlagMutations over the in-memory store: what watch accepts, and
// what a check writes when nothing regresses, when something does, and when the rule is gone.

const FLAT = samples(['a', 5000, 1000], ['b', 5000, 1000]);
// Variation b converts at half the baseline's rate: a regression at any reasonable alpha.
const WORSE = samples(['a', 5000, 1000], ['b', 5000, 500]);

const splitRule = {
  id: 'rule-1',
  name: 'Beta users',
  dispatchKey: null,
  includedInExpt: true,
  conditions: [{ property: 'beta', op: 'IsTrue', value: 'true' }],
  variations: [
    { id: 'a', rollout: [0, 0.5] as [number, number], exptRollout: 1 },
    { id: 'b', rollout: [0.5, 1] as [number, number], exptRollout: 1 },
  ],
};

function setUp(flag: Partial<FeatureFlag> = {}) {
  const db = new InMemoryExperiments();
  const { env } = db.seedOrganization();
  db.addFlag({ id: 'flag-1', envId: 'env-1', ...flag });
  db.addMetric({ id: 'metric-1', envId: 'env-1', name: 'Checkout', eventName: 'checkout' });
  db.answer = () => FLAT;
  const services = db.services();
  const input: GuardInput = { metricId: 'metric-1', baselineVariationId: 'a' };
  const watch = async (flagId = 'flag-1', extra: Partial<GuardInput> = {}) =>
    services.guarded.watch(ADMIN, 'org-1', env, db.flag(flagId), { ...input, ...extra });
  return { db, env, ...services, input, watch };
}

describe('GuardedRolloutService', () => {
  describe('watch', () => {
    it('refuses a rule that does not split traffic (400 ruleId), and creates nothing', async () => {
      const { db, watch } = setUp({
        fallthrough: {
          dispatchKey: null,
          includedInExpt: true,
          variations: [{ id: 'b', rollout: [0, 1], exptRollout: 1 }],
        },
      });
      const err = await watch().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationFailedError);
      expect((err as ValidationFailedError).status).toBe(400);
      expect((err as ValidationFailedError).details.map((d) => d.field)).toEqual(['ruleId']);
      await expect(watch('flag-1', { ruleId: 'no-such-rule' })).rejects.toBeInstanceOf(ValidationFailedError);
      expect(db.state.experiments).toEqual([]);
      expect(db.auditLogs).toEqual([]);
    });

    it('starts a sequential iteration watching the rule', async () => {
      const { db, watch } = setUp({ rules: [splitRule] });
      const view = await watch('flag-1', { ruleId: 'rule-1', alpha: 0.01 });
      const stored = db.experiment(view.id);
      expect(stored).toMatchObject({ method: 'sequential', alpha: 0.01, status: 'Recording' });
      expect(stored.guard).toMatchObject({ ruleId: 'rule-1', status: 'Watching' });
      expect(stored.iterations).toHaveLength(1);
      expect(stored.iterations[0]).toMatchObject({ endTime: null, eventName: 'checkout' });
    });
  });

  describe('checkAll', () => {
    it('stores the results of a check without a regression, with no audit entry and no flag change', async () => {
      const { db, guarded, watch } = setUp();
      const { id } = await watch();
      const audits = db.auditLogs.length;
      const flagBefore = structuredClone(db.flag('flag-1'));
      const now = new Date(Date.now() + 60_000);
      expect(await guarded.checkAll(now)).toBe(0);
      expect(db.queries).toHaveLength(1);
      const stored = db.experiment(id);
      expect(stored.guard).toMatchObject({ status: 'Watching', checkedAt: now.toISOString() });
      expect(stored.iterations[0].results).toHaveLength(2);
      expect(stored.iterations[0].analysis?.method).toBe('sequential');
      expect(db.auditLogs).toHaveLength(audits);
      expect(db.flag('flag-1')).toEqual(flagBefore);
    });

    it('rolls a regression back through FlagMutations as the system, on the revision read, naming the metric', async () => {
      const { db, guarded, mutations, watch } = setUp();
      const { id } = await watch();
      const apply = jest.spyOn(mutations, 'apply');
      db.answer = () => WORSE;
      const audits = db.auditLogs.length;
      expect(await guarded.checkAll()).toBe(1);

      expect(apply).toHaveBeenCalledTimes(1);
      const [actor, organizationId, , flagRead, change] = apply.mock.calls[0];
      expect(actor).toEqual({ creatorId: SYSTEM_ID, kind: 'system', userId: SYSTEM_ID });
      expect(organizationId).toBe('org-1');
      expect(change.expectedRevision).toBe('flag-1-rev-1');
      expect(flagRead.revision).toBe('flag-1-rev-1');
      expect(change.comment).toMatch(/^Guardrail "Checkout" regressed on B: lift -50\.00%/);

      const flag = db.flag('flag-1');
      expect(flag.revision).not.toBe('flag-1-rev-1');
      expect(flag.fallthrough.variations).toEqual([{ id: 'a', rollout: [0, 1], exptRollout: 1 }]);
      expect(db.state.revisions.map((r) => r.comment)).toEqual([change.comment]);
      const written = db.auditLogs.slice(audits);
      expect(written.map((a) => [a.refType, a.operation, a.creatorId])).toEqual([
        ['FeatureFlag', 'Update', SYSTEM_ID],
        ['Experiment', 'Update', SYSTEM_ID],
      ]);
      expect(written[0].comment).toBe(change.comment);
      expect(db.effects.filter((e) => e[0] === 'kick')).toHaveLength(1);

      const stored = db.experiment(id);
      expect(stored.status).toBe('Paused');
      expect(stored.guard).toMatchObject({ status: 'RolledBack', reason: change.comment });
      expect(stored.guard?.rolledBackAt).not.toBeNull();
      expect(stored.iterations[0].endTime).not.toBeNull();
      expect(stored.iterations[0].isFinish).toBe(true);
      expect(stored.iterations[0].results).toHaveLength(2);
      expect(await guarded.checkAll()).toBe(0);
    });

    it('stops the guard of a flag whose guarded rule is gone, without touching the flag', async () => {
      const { db, guarded, watch } = setUp({ rules: [splitRule] });
      const { id } = await watch('flag-1', { ruleId: 'rule-1' });
      db.flag('flag-1').rules = [];
      const flagBefore = structuredClone(db.flag('flag-1'));
      db.answer = () => WORSE;
      expect(await guarded.checkAll()).toBe(0);
      const stored = db.experiment(id);
      expect(stored.guard).toMatchObject({ status: 'Stopped', rolledBackAt: null });
      expect(stored.guard?.reason).not.toBe('');
      expect(stored.status).toBe('Paused');
      expect(stored.iterations[0].endTime).not.toBeNull();
      expect(db.flag('flag-1')).toEqual(flagBefore);
      expect(db.auditLogs.filter((a) => a.refType === 'FeatureFlag')).toEqual([]);
    });

    it('keeps a guard that a user stopped while the check was querying', async () => {
      const { db, guarded, watch } = setUp();
      const { id } = await watch();
      db.answer = () => {
        const record = db.experiment(id);
        record.guard = { ...record.guard!, status: 'Stopped', reason: 'stopped by a user' };
        return FLAT;
      };
      expect(await guarded.checkAll()).toBe(0);
      const stored = db.experiment(id);
      expect(stored.guard).toMatchObject({ status: 'Stopped', checkedAt: null, reason: 'stopped by a user' });
      expect(stored.iterations[0].results).toHaveLength(2);
    });

    it('goes on with the other guards when one check fails, and counts the rollbacks', async () => {
      const { db, guarded, watch } = setUp();
      db.addFlag({ id: 'flag-2', envId: 'env-1' });
      const broken = await watch('flag-1');
      const healthy = await watch('flag-2');
      db.answer = (query) => {
        if (query.flagKey === 'flag-1') throw new Error('analytics store unavailable');
        return WORSE;
      };
      expect(await guarded.checkAll()).toBe(1);
      // flag-2: the check, then the final pass of the iteration the rollback ends.
      expect(db.queries.map((q) => q.flagKey)).toEqual(['flag-1', 'flag-2', 'flag-2']);
      expect(db.experiment(broken.id).guard?.status).toBe('Watching');
      expect(db.flag('flag-1').revision).toBe('flag-1-rev-1');
      expect(db.experiment(healthy.id).guard?.status).toBe('RolledBack');
      expect(db.flag('flag-2').fallthrough.variations).toEqual([
        { id: 'a', rollout: [0, 1], exptRollout: 1 },
      ]);
      expect(db.effects).toContainEqual(['warn', 'guarded rollout check failed']);
    });
  });
});
