import { BusinessRuleError, ForbiddenError } from '../../../../src/api/http/api-errors';
import { DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '../../../../src/core/iam/built-in-policies';
import type { PolicyStatement } from '../../../../src/core/iam/iam';
import { verifyPassword } from '../../../../src/shared/crypto/password-hasher';
import { ADMIN, iamServices } from '../support/iam-services';

const manageIam: PolicyStatement = {
  id: 'iam',
  resourceType: 'iam',
  effect: 'allow',
  actions: ['CanManageIAM'],
  resources: ['iam/*'],
};

function setUp() {
  const s = iamServices();
  const org = s.db.addOrganization('org-1');
  s.db.addPolicy({ id: OWNER_POLICY_ID, statements: [manageIam] });
  s.db.addPolicy({ id: DEVELOPER_POLICY_ID });
  const owner = s.db.addUser('admin@x.io');
  s.db.addMember('org-1', owner, [OWNER_POLICY_ID]);
  const bob = s.db.addUser('bob@x.io');
  s.db.addMember('org-1', bob, [DEVELOPER_POLICY_ID]);
  return { ...s, org, owner, bob };
}

describe('MemberService', () => {
  it('adds an unknown e-mail as a new account with a one-time password and the Developer policy', async () => {
    const { db, members, org } = setUp();
    const added = await members.add(ADMIN, org, { email: ' Carol@X.io ' });
    expect(added.created).toBe(true);
    expect(added.user.email).toBe('carol@x.io');
    expect(await verifyPassword(added.initialPassword!, added.user.passwordHash)).toBe(true);
    expect(await db.policies.listMemberPolicyIds('org-1', added.user.id)).toEqual([DEVELOPER_POLICY_ID]);
    expect(db.state.workspaceUsers).toContainEqual({ workspaceId: 'ws-1', userId: added.user.id });
    expect(db.state.auditLogs.map((a) => [a.refType, a.operation])).toEqual([['Member', 'Create']]);
  });

  it('refuses adding someone who is already a member', async () => {
    const { db, members, org } = setUp();
    await expect(members.add(ADMIN, org, { email: 'bob@x.io' })).rejects.toBeInstanceOf(BusinessRuleError);
    expect(db.state.members).toHaveLength(2);
  });

  it('creates no account when the membership cannot be recorded', async () => {
    const { db, members, org } = setUp();
    db.failAuditAppend = true;
    await expect(members.add(ADMIN, org, { email: 'carol@x.io' })).rejects.toThrow();
    expect(db.state.users.map((u) => u.email)).toEqual(['admin@x.io', 'bob@x.io']);
  });

  it('never removes the last owner, but removes others with their policies and groups', async () => {
    const { db, members, owner, bob } = setUp();
    const ops = db.addGroup('org-1', 'Ops', [bob.id]);
    await expect(members.removeFromOrganization(ADMIN, 'org-1', owner.id)).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    await members.removeFromOrganization(ADMIN, 'org-1', bob.id);
    expect(db.state.members.map((m) => m.userId)).toEqual([owner.id]);
    expect(await db.policies.listMemberPolicyIds('org-1', bob.id)).toEqual([]);
    expect(await db.groups.listMemberIds(ops.id)).toEqual([]);
  });

  it('keeps the Owner policy on the last direct owner unless a group also makes them owner', async () => {
    const { db, members, owner } = setUp();
    await expect(members.detachPolicy(ADMIN, 'org-1', owner.id, OWNER_POLICY_ID)).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    db.addGroup('org-1', 'Owners', [owner.id], [OWNER_POLICY_ID]);
    await members.detachPolicy(ADMIN, 'org-1', owner.id, OWNER_POLICY_ID);
    expect(await db.policies.listMemberPolicyIds('org-1', owner.id)).toEqual([]);
  });

  it('removes a member from the workspace only where the caller manages IAM', async () => {
    const { db, members, owner, bob } = setUp();
    db.addOrganization('org-2');
    db.addMember('org-2', bob, [OWNER_POLICY_ID]);
    db.addMember('org-2', db.addUser('dana@x.io'), [OWNER_POLICY_ID]);
    const caller = { organizationId: 'org-1', statements: [manageIam] };
    await expect(members.removeFromWorkspace(ADMIN, 'ws-1', caller, bob.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(db.state.members.filter((m) => m.userId === bob.id)).toHaveLength(2);

    // Once the caller also owns org-2, bob leaves both organizations and his account goes.
    db.addMember('org-2', owner, [OWNER_POLICY_ID]);
    await members.removeFromWorkspace(ADMIN, 'ws-1', caller, bob.id);
    expect(db.state.members.some((m) => m.userId === bob.id)).toBe(false);
    expect(db.state.users.some((u) => u.id === bob.id)).toBe(false);
    expect(db.state.revokedUsers).toEqual([bob.id]);
  });

  it('shows inherited policies with the groups they come from', async () => {
    const { db, members, bob } = setUp();
    db.addGroup('org-1', 'Ops', [bob.id], [OWNER_POLICY_ID]);
    db.addGroup('org-1', 'Leads', [bob.id], [OWNER_POLICY_ID]);
    const inherited = await members.inheritedPolicies('org-1', bob.id);
    expect(inherited.map((p) => [p.id, p.groups.map((g) => g.name)])).toEqual([
      [OWNER_POLICY_ID, ['Ops', 'Leads']],
    ]);
  });
});
