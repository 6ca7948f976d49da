import { BusinessRuleError, ResourceNotFoundError } from '../../../../src/api/http/api-errors';
import { DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '../../../../src/core/iam/built-in-policies';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import { ADMIN, iamServices } from '../support/iam-services';

function setUp() {
  const s = iamServices();
  s.db.addOrganization('org-1');
  s.db.addPolicy({ id: OWNER_POLICY_ID });
  s.db.addPolicy({ id: DEVELOPER_POLICY_ID });
  const alice = s.db.addUser('alice@x.io');
  const bob = s.db.addUser('bob@x.io');
  s.db.addMember('org-1', alice);
  s.db.addMember('org-1', bob);
  return { ...s, alice, bob };
}

describe('GroupService', () => {
  it('writes the group and its audit entry in one transaction', async () => {
    const { db, groups } = setUp();
    const group = await groups.create(ADMIN, 'org-1', { name: '  Ops ' });
    expect(db.state.groups.map((g) => g.name)).toEqual(['Ops']);
    expect(db.state.auditLogs).toHaveLength(1);
    expect(db.state.auditLogs[0]).toMatchObject({
      refType: 'Group',
      refId: group.id,
      organizationId: 'org-1',
    });
  });

  it('keeps nothing when the audit entry cannot be written', async () => {
    const { db, groups } = setUp();
    db.failAuditAppend = true;
    await expect(groups.create(ADMIN, 'org-1', { name: 'Ops' })).rejects.toThrow('audit log unavailable');
    expect(db.state.groups).toEqual([]);
  });

  it('refuses a taken name and records no audit entry', async () => {
    const { db, groups } = setUp();
    db.addGroup('org-1', 'Ops');
    await expect(groups.create(ADMIN, 'org-1', { name: 'Ops' })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(db.state.auditLogs).toEqual([]);
  });

  it('does not show a group of another organization', async () => {
    const { db, groups } = setUp();
    db.addOrganization('org-2');
    const foreign = db.addGroup('org-2', 'Theirs');
    await expect(groups.find('org-1', foreign.id)).rejects.toBeInstanceOf(ResourceNotFoundError);
    await expect(groups.delete(ADMIN, 'org-1', foreign.id)).rejects.toBeInstanceOf(ResourceNotFoundError);
    expect(db.state.groups).toHaveLength(1);
  });

  it('refuses deleting the group through which the last owner owns the organization', async () => {
    const { db, groups, alice } = setUp();
    const owners = db.addGroup('org-1', 'Owners', [alice.id], [OWNER_POLICY_ID]);
    await expect(groups.delete(ADMIN, 'org-1', owners.id)).rejects.toBeInstanceOf(BusinessRuleError);
    expect(db.state.groups).toHaveLength(1);
    expect(db.state.auditLogs).toEqual([]);
  });

  it('deletes an owner group when an owner remains directly', async () => {
    const { db, groups, alice, bob } = setUp();
    db.state.memberPolicies.push({ organizationId: 'org-1', memberId: bob.id, policyId: OWNER_POLICY_ID });
    const owners = db.addGroup('org-1', 'Owners', [alice.id], [OWNER_POLICY_ID]);
    await groups.delete(ADMIN, 'org-1', owners.id);
    expect(db.state.groups).toEqual([]);
    expect(db.state.auditLogs.map((a) => a.operation)).toEqual(['Remove']);
  });

  it('refuses removing the last owner from the owner group, not another member', async () => {
    const { db, groups, alice, bob } = setUp();
    const owners = db.addGroup('org-1', 'Owners', [alice.id], [OWNER_POLICY_ID]);
    db.state.groupMembers.push({ groupId: owners.id, memberId: bob.id });
    await groups.removeMember(ADMIN, 'org-1', owners.id, bob.id);
    await expect(groups.removeMember(ADMIN, 'org-1', owners.id, alice.id)).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    expect(db.state.groupMembers).toEqual([{ groupId: owners.id, memberId: alice.id }]);
  });

  it('refuses detaching the Owner policy from the group of the last owner', async () => {
    const { db, groups, alice } = setUp();
    const owners = db.addGroup('org-1', 'Owners', [alice.id], [OWNER_POLICY_ID]);
    await expect(groups.removePolicy(ADMIN, 'org-1', owners.id, OWNER_POLICY_ID)).rejects.toBeInstanceOf(
      BusinessRuleError,
    );
    expect(db.state.groupPolicies).toHaveLength(1);
  });

  it('adds a member once however often it is asked, and only a member of the organization', async () => {
    const { db, groups, alice } = setUp();
    const ops = db.addGroup('org-1', 'Ops');
    await groups.addMember(ADMIN, 'org-1', ops.id, alice.id);
    await groups.addMember(ADMIN, 'org-1', ops.id, alice.id);
    expect(db.state.groupMembers).toEqual([{ groupId: ops.id, memberId: alice.id }]);
    const stranger = db.addUser('eve@x.io');
    await expect(groups.addMember(ADMIN, 'org-1', ops.id, stranger.id)).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
  });

  it('lists the members of the organization marked by group membership', async () => {
    const { db, groups, alice } = setUp();
    const ops = db.addGroup('org-1', 'Ops', [alice.id]);
    const all = await groups.membersOf('org-1', ops.id, { getAllMembers: true });
    expect(all.map((m) => [m.email, m.isGroupMember])).toEqual([
      ['alice@x.io', true],
      ['bob@x.io', false],
    ]);
    expect((await groups.membersOf('org-1', ops.id, {})).map((m) => m.email)).toEqual(['alice@x.io']);
  });
});
