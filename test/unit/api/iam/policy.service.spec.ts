import { BusinessRuleError, ResourceNotFoundError } from '../../../../src/api/http/api-errors';
import { OWNER_POLICY_ID } from '../../../../src/core/iam/built-in-policies';
import type { PolicyStatement } from '../../../../src/core/iam/iam';
import { ADMIN, iamServices } from '../support/iam-services';

const statement: PolicyStatement = {
  id: 'st-1',
  resourceType: 'flag',
  effect: 'allow',
  actions: ['*'],
  resources: ['project/*:env/*:flag/*'],
};

function setUp() {
  const s = iamServices();
  s.db.addOrganization('org-1');
  s.db.addOrganization('org-2');
  s.db.addPolicy({ id: OWNER_POLICY_ID, statements: [statement] });
  const alice = s.db.addUser('alice@x.io');
  s.db.addMember('org-1', alice);
  return { ...s, alice };
}

describe('PolicyService', () => {
  it('refuses a key already used in the organization, with no audit entry', async () => {
    const { db, policies } = setUp();
    await policies.create(ADMIN, 'org-1', { name: 'Readers', key: 'readers' });
    await expect(policies.create(ADMIN, 'org-1', { name: 'Other', key: 'readers' })).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    expect(db.state.auditLogs).toHaveLength(1);
    // The same key is free in another organization.
    await policies.create(ADMIN, 'org-2', { name: 'Readers', key: 'readers' });
    expect(db.state.policies.filter((p) => p.key === 'readers')).toHaveLength(2);
  });

  it('finds built-in policies from any organization, custom ones only in their own', async () => {
    const { policies } = setUp();
    const mine = await policies.create(ADMIN, 'org-1', { name: 'Mine', key: 'mine' });
    await expect(policies.find('org-2', OWNER_POLICY_ID)).resolves.toMatchObject({ id: OWNER_POLICY_ID });
    await expect(policies.find('org-2', mine.id)).rejects.toBeInstanceOf(ResourceNotFoundError);
  });

  it('clones a built-in policy as an editable one with fresh statement ids', async () => {
    const { policies } = setUp();
    const copy = await policies.clone(ADMIN, 'org-1', OWNER_POLICY_ID, { name: 'My owner', key: 'my-owner' });
    expect(copy.type).toBe('CustomerManaged');
    expect(copy.organizationId).toBe('org-1');
    expect(copy.statements).toHaveLength(1);
    expect(copy.statements[0].id).not.toBe(statement.id);
    expect({ ...copy.statements[0], id: statement.id }).toEqual(statement);
  });

  it('refuses to change a built-in policy before reading the new statements', async () => {
    const { db, policies } = setUp();
    const parse = jest.fn(() => [statement]);
    await expect(policies.updateStatements(ADMIN, 'org-1', OWNER_POLICY_ID, parse)).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    expect(parse).not.toHaveBeenCalled();
    await expect(policies.delete(ADMIN, 'org-1', OWNER_POLICY_ID)).rejects.toBeInstanceOf(BusinessRuleError);
    expect(db.state.policies.map((p) => p.id)).toContain(OWNER_POLICY_ID);
  });

  it('detaches a deleted policy from members and groups together with its audit entry', async () => {
    const { db, policies, alice } = setUp();
    const custom = await policies.create(ADMIN, 'org-1', { name: 'Ops', key: 'ops' });
    db.state.memberPolicies.push({ organizationId: 'org-1', memberId: alice.id, policyId: custom.id });
    db.addGroup('org-1', 'Ops', [], [custom.id]);

    db.failAuditAppend = true;
    await expect(policies.delete(ADMIN, 'org-1', custom.id)).rejects.toThrow();
    expect(db.state.memberPolicies).toHaveLength(1);
    expect(db.state.groupPolicies).toHaveLength(1);

    db.failAuditAppend = false;
    await policies.delete(ADMIN, 'org-1', custom.id);
    expect(db.state.policies.map((p) => p.id)).toEqual([OWNER_POLICY_ID]);
    expect(db.state.memberPolicies).toEqual([]);
    expect(db.state.groupPolicies).toEqual([]);
    expect(db.state.auditLogs.map((a) => a.operation)).toEqual(['Create', 'Remove']);
  });

  it('lists only the groups of the caller organization that hold the policy', async () => {
    const { db, policies } = setUp();
    db.addGroup('org-1', 'Owners', [], [OWNER_POLICY_ID]);
    db.addGroup('org-2', 'Their owners', [], [OWNER_POLICY_ID]);
    expect((await policies.groupsOf('org-1', OWNER_POLICY_ID)).map((g) => g.name)).toEqual(['Owners']);
  });
});
