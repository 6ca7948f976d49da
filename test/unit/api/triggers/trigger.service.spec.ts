/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import type { FlagMutations } from '../../../../src/api/feature-flags/flag-mutation.service';
import type { TriggerRateLimiter } from '../../../../src/api/triggers/trigger-rate-limiter';
import { type TriggerFlag, TriggerService } from '../../../../src/api/triggers/trigger.service';
import type { Trigger } from '../../../../src/core/integrations/integrations';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { TriggerRepository } from '../../../../src/core/ports/integrations.repositories';
import type { FlagRepository } from '../../../../src/core/ports/targeting.repositories';
import type {
  EnvironmentRepository,
  ProjectRepository,
} from '../../../../src/core/ports/tenancy.repositories';
import { ADMIN } from '../support/iam-services';
import { InMemoryTenancy } from '../support/in-memory-tenancy';

// TriggerService's management writes on in-memory fakes: each commits with exactly one FlagTrigger
// audit entry in the flag's environment, whose recorded objects never hold the token hash, and a
// write that fails leaves neither the change nor an entry.

const FLAG: TriggerFlag = { id: 'flag-1', envId: 'env-1', key: 'kill-switch', name: 'Kill switch' };

function setUp() {
  const tenancy = new InMemoryTenancy();
  let triggers: Trigger[] = [];
  let failTriggerWrite = false;
  const write = async (work: () => void): Promise<void> => {
    if (failTriggerWrite) throw new Error('trigger store unavailable');
    work();
  };
  const repository: TriggerRepository = {
    create: async (t) => {
      await write(() => triggers.push(structuredClone(t)));
      return t;
    },
    findById: async (id) => structuredClone(triggers.find((t) => t.id === id) ?? null),
    update: async (t) => {
      await write(() => (triggers = triggers.map((x) => (x.id === t.id ? structuredClone(t) : x))));
      return t;
    },
    delete: async (id) => write(() => (triggers = triggers.filter((t) => t.id !== id))),
    listByTarget: async (targetId) => structuredClone(triggers.filter((t) => t.targetId === targetId)),
    findByTokenHash: async (hash) => structuredClone(triggers.find((t) => t.tokenHash === hash) ?? null),
  };
  const store = {
    ...tenancy.store,
    triggers: repository,
    transaction: async <T>(work: (tx: DataStore) => Promise<T>): Promise<T> => {
      const before = structuredClone(triggers);
      try {
        return await tenancy.store.transaction(() => work(store));
      } catch (error) {
        triggers = before;
        throw error;
      }
    },
  } as Partial<DataStore> as DataStore;
  // The run's collaborators: not used by the management writes.
  const service = new TriggerService(
    store,
    repository,
    {} as FlagRepository,
    {} as EnvironmentRepository,
    {} as ProjectRepository,
    {} as FlagMutations,
    {} as TriggerRateLimiter,
    new AuditTrail(),
  );
  return {
    service,
    tenancy,
    stored: () => triggers,
    audit: () => tenancy.iam.state.auditLogs,
    failTriggerWrites: () => (failTriggerWrite = true),
  };
}

describe('TriggerService management writes', () => {
  it('records create, update, reset and delete as FlagTrigger entries without the token hash', async () => {
    const { service, stored, audit } = setUp();
    const { trigger, token } = await service.create(ADMIN, 'org-1', FLAG, {
      type: 'feature-flag-general',
      action: 'turn-off',
      description: 'Error rate alert',
    });
    const firstHash = stored()[0].tokenHash;
    await service.update(ADMIN, 'org-1', FLAG, stored()[0], { isEnabled: false });
    const fresh = await service.resetToken(ADMIN, 'org-1', FLAG, stored()[0]);
    const resetHash = stored()[0].tokenHash;
    expect(resetHash).not.toBe(firstHash);
    await service.delete(ADMIN, 'org-1', FLAG, stored()[0]);
    expect(stored()).toEqual([]);

    expect(audit().map((a) => [a.refType, a.refId, a.operation, a.envId, a.organizationId])).toEqual([
      ['FlagTrigger', trigger.id, 'Create', 'env-1', 'org-1'],
      ['FlagTrigger', trigger.id, 'Update', 'env-1', 'org-1'],
      ['FlagTrigger', trigger.id, 'Update', 'env-1', 'org-1'],
      ['FlagTrigger', trigger.id, 'Remove', 'env-1', 'org-1'],
    ]);
    expect(audit().map((a) => a.creatorId)).toEqual(Array(4).fill(ADMIN.creatorId));
    expect(audit()[0].keyword).toBe('kill-switch,Kill switch,Error rate alert');
    expect(audit()[2].comment).toBe('Token reset');
    expect(JSON.parse(audit()[1].dataChange.current)).toMatchObject({ id: trigger.id, isEnabled: false });
    expect(audit()[3].dataChange.current).toBe('');
    const recorded = JSON.stringify(audit());
    for (const secret of [firstHash, resetHash, token, fresh]) expect(recorded).not.toContain(secret);
    expect(recorded).not.toContain('tokenHash');
  });

  it('leaves neither change nor entry when the audit entry cannot be appended', async () => {
    const { service, tenancy, stored, audit } = setUp();
    const { trigger } = await service.create(ADMIN, 'org-1', FLAG, {
      type: 'feature-flag-general',
      action: 'turn-on',
    });
    const before = structuredClone(stored());
    tenancy.iam.failAuditAppend = true;
    const input = { type: 'feature-flag-general', action: 'turn-on' } as const;
    await expect(service.create(ADMIN, 'org-1', FLAG, input)).rejects.toThrow('audit log unavailable');
    await expect(service.update(ADMIN, 'org-1', FLAG, trigger, { description: 'x' })).rejects.toThrow(
      'audit log unavailable',
    );
    await expect(service.resetToken(ADMIN, 'org-1', FLAG, trigger)).rejects.toThrow('audit log unavailable');
    await expect(service.delete(ADMIN, 'org-1', FLAG, trigger)).rejects.toThrow('audit log unavailable');
    expect(stored()).toEqual(before);
    expect(audit()).toHaveLength(1);
  });

  it('writes no entry when the trigger write fails', async () => {
    const { service, stored, audit, failTriggerWrites } = setUp();
    const { trigger } = await service.create(ADMIN, 'org-1', FLAG, {
      type: 'feature-flag-general',
      action: 'turn-on',
    });
    failTriggerWrites();
    const input = { type: 'feature-flag-general', action: 'turn-off' } as const;
    await expect(service.create(ADMIN, 'org-1', FLAG, input)).rejects.toThrow('trigger store unavailable');
    await expect(service.update(ADMIN, 'org-1', FLAG, trigger, { isEnabled: false })).rejects.toThrow(
      'trigger store unavailable',
    );
    await expect(service.delete(ADMIN, 'org-1', FLAG, trigger)).rejects.toThrow('trigger store unavailable');
    expect(stored()).toHaveLength(1);
    expect(audit().map((a) => a.operation)).toEqual(['Create']);
  });
});
