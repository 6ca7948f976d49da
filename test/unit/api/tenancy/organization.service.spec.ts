import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import { BusinessRuleError, ResourceNotFoundError } from '../../../../src/api/http/api-errors';
import { OrganizationService } from '../../../../src/api/tenancy/organization.service';
import { ProjectService } from '../../../../src/api/tenancy/project.service';
import { DEVELOPER_POLICY_ID, OWNER_POLICY_ID } from '../../../../src/core/iam/built-in-policies';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import type { Workspace } from '../../../../src/core/tenancy/tenancy';
import { ADMIN } from '../support/iam-services';
import { InMemoryTenancy, recordingCollaborators } from '../support/in-memory-tenancy';

function setUp() {
  const db = new InMemoryTenancy();
  const org = db.iam.addOrganization('org-1');
  db.iam.addOrganization('org-2');
  const foreign = db.iam.addOrganization('org-x', 'ws-2');
  const alice = db.iam.addUser('alice@x.io');
  db.iam.addMember('org-1', alice);
  db.iam.addMember('org-x', alice);
  const workspace = db.iam.state.workspaces.find((w) => w.id === 'ws-1') as Workspace;
  const { cacheSync, relay, logger } = recordingCollaborators([]);
  const audit = new AuditTrail();
  const projects = new ProjectService(
    db.store,
    db.projects,
    db.environments,
    audit,
    cacheSync,
    relay,
    logger,
  );
  const orgs = new OrganizationService(db.store, db.organizations, audit, projects);
  return { db, org, foreign, alice, workspace, orgs, audit: () => db.iam.state.auditLogs };
}

const codes = (error: unknown) => (error as BusinessRuleError).codes;

describe('OrganizationService', () => {
  it("shows a user the workspace's organizations they belong to, and a token only its own", async () => {
    const { db, org, alice, orgs } = setUp();
    expect((await orgs.listVisible('ws-1', { userId: alice.id })).map((o) => o.id)).toEqual(['org-1']);
    const org2 = db.iam.state.organizations.find((o) => o.id === 'org-2')!;
    expect((await orgs.listVisible('ws-1', { tokenOrganization: org2 })).map((o) => o.id)).toEqual(['org-2']);
    expect((await orgs.findVisible('ws-1', 'org-1', { userId: alice.id })).id).toBe('org-1');
    expect((await orgs.findVisible('ws-1', 'org-1', { tokenOrganization: org })).id).toBe('org-1');
  });

  it('answers 404 for an organization of another workspace, one the user is not in, or another token’s', async () => {
    const { org, alice, orgs } = setUp();
    const notFound = ResourceNotFoundError;
    await expect(orgs.findVisible('ws-1', 'org-x', { userId: alice.id })).rejects.toBeInstanceOf(notFound);
    await expect(orgs.findVisible('ws-1', 'org-2', { userId: alice.id })).rejects.toBeInstanceOf(notFound);
    await expect(orgs.findVisible('ws-1', 'org-2', { tokenOrganization: org })).rejects.toBeInstanceOf(
      notFound,
    );
    await expect(orgs.findVisible('ws-1', 'nope', { tokenOrganization: org })).rejects.toBeInstanceOf(
      notFound,
    );
  });

  it("pages the organization's members as accounts", async () => {
    const { db, alice, orgs } = setUp();
    db.iam.addMember('org-1', db.iam.addUser('bob@x.io'));
    db.iam.addMember('org-2', db.iam.addUser('carol@x.io'));
    const page = await orgs.members('org-1', { pageIndex: 0, pageSize: 1 });
    expect(page).toEqual({ totalCount: 2, items: [alice] });
  });

  it('creates an organization whose creator is a member with the Owner policy, audited in one transaction', async () => {
    const { db, workspace, orgs, audit } = setUp();
    const created = await orgs.create(workspace, ADMIN, { name: 'Acme', key: 'acme' });
    expect(db.iam.state.members).toContainEqual(
      expect.objectContaining({ organizationId: created.id, userId: ADMIN.userId }),
    );
    expect(db.iam.state.memberPolicies).toContainEqual({
      organizationId: created.id,
      memberId: ADMIN.userId,
      policyId: OWNER_POLICY_ID,
    });
    expect(created.defaultPermissions).toEqual({ policyIds: [DEVELOPER_POLICY_ID], groupIds: [] });
    expect(db.iam.transactions).toBe(1);
    expect(audit().map((a) => [a.refType, a.operation, a.organizationId])).toEqual([
      ['Organization', 'Create', created.id],
    ]);
    expect(await orgs.isKeyUsed('ws-1', 'acme')).toBe(true);
    expect(await orgs.isKeyUsed('ws-2', 'acme')).toBe(false);
  });

  it('keeps no organization, membership or policy when the creation cannot be audited', async () => {
    const { db, workspace, orgs } = setUp();
    const before = structuredClone(db.iam.state);
    db.iam.failAuditAppend = true;
    await expect(orgs.create(workspace, ADMIN, { name: 'Acme', key: 'acme' })).rejects.toThrow();
    expect(db.iam.state).toEqual(before);
  });

  it('refuses a key taken in the workspace, writing nothing', async () => {
    const { db, workspace, orgs, audit } = setUp();
    const members = db.iam.state.members.length;
    await expect(orgs.create(workspace, ADMIN, { name: 'Two', key: 'org-2' })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(db.iam.state.members).toHaveLength(members);
    expect(audit()).toEqual([]);
    await orgs.create(workspace, ADMIN, { name: 'X', key: 'org-x' });
  });

  it('updates name, settings and de-duplicated default permissions, audited', async () => {
    const { db, org, orgs, audit } = setUp();
    db.iam.addPolicy({ id: DEVELOPER_POLICY_ID });
    db.iam.addPolicy({ id: 'p-own', organizationId: 'org-1' });
    const group = db.iam.addGroup('org-1', 'Ops');
    org.settings = { flagSortedBy: 'key' };
    const updated = await orgs.update(org, ADMIN, {
      name: '  Acme ',
      defaultPermissions: { policyIds: ['p-own', DEVELOPER_POLICY_ID, 'p-own'], groupIds: [group.id] },
      settings: {},
    });
    expect(updated).toMatchObject({
      name: 'Acme',
      defaultPermissions: { policyIds: ['p-own', DEVELOPER_POLICY_ID], groupIds: [group.id] },
      settings: { flagSortedBy: 'key' },
    });
    expect(db.iam.state.organizations.find((o) => o.id === 'org-1')).toEqual(updated);
    expect(audit().map((a) => [a.refType, a.operation])).toEqual([['Organization', 'Update']]);
  });

  it('refuses default permissions that are empty or name a policy or group of another organization', async () => {
    const { db, org, orgs, audit } = setUp();
    db.iam.addPolicy({ id: 'p-theirs', organizationId: 'org-2' });
    const theirs = db.iam.addGroup('org-2', 'Theirs');
    const attempt = (policyIds: string[], groupIds: string[]) =>
      orgs.update(org, ADMIN, { defaultPermissions: { policyIds, groupIds } }).catch(codes);
    expect(await attempt([], [])).toEqual(['DefaultPermissionsRequired']);
    expect(await attempt(['p-theirs'], [])).toEqual(['PolicyNotFound']);
    expect(await attempt(['missing'], [])).toEqual(['PolicyNotFound']);
    expect(await attempt([], [theirs.id])).toEqual(['GroupNotFound']);
    expect(db.iam.state.organizations.find((o) => o.id === 'org-1')).toEqual(org);
    expect(audit()).toEqual([]);
  });

  it('keeps the organization unchanged when its update cannot be audited', async () => {
    const { db, org, orgs } = setUp();
    db.iam.failAuditAppend = true;
    await expect(orgs.update(org, ADMIN, { name: 'Acme' })).rejects.toThrow();
    expect(db.iam.state.organizations.find((o) => o.id === 'org-1')).toEqual(org);
  });

  it('deletes an organization with its projects, auditing both', async () => {
    const { db, org, orgs, audit } = setUp();
    db.addProject('web', 'org-1');
    db.addProject('theirs', 'org-2');
    db.addEnvironment('web-dev', 'web');
    await orgs.delete(org, ADMIN);
    expect(db.iam.state.organizations.map((o) => o.id)).toEqual(['org-2', 'org-x']);
    expect(db.state.projects.map((p) => p.id)).toEqual(['theirs']);
    expect(db.state.environments).toEqual([]);
    expect(audit().map((a) => [a.refType, a.operation])).toEqual([
      ['Environment', 'Remove'],
      ['Project', 'Remove'],
      ['Organization', 'Remove'],
    ]);
  });

  it("refuses deleting a workspace's last organization, whatever other workspaces hold", async () => {
    const { db, foreign, orgs, audit } = setUp();
    db.addProject('x-web', 'org-x');
    const error = await orgs.delete(foreign, ADMIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusinessRuleError);
    expect(codes(error)).toEqual(['CannotDeleteLastOrganization']);
    expect(db.iam.state.organizations.map((o) => o.id)).toContain('org-x');
    expect(db.state.projects).toHaveLength(1);
    expect(audit()).toEqual([]);
  });
});
