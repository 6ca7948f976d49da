import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import { WorkspaceService } from '../../../../src/api/tenancy/workspace.service';
import type { Workspace } from '../../../../src/core/tenancy/tenancy';
import { ADMIN } from '../support/iam-services';
import { InMemoryTenancy } from '../support/in-memory-tenancy';

function setUp() {
  const db = new InMemoryTenancy();
  db.iam.addOrganization('org-1');
  db.iam.addOrganization('org-x', 'ws-2');
  const rows = db.iam.state.workspaces;
  const ws = (id: string) => rows.find((w) => w.id === id) as Workspace;
  ws('ws-2').key = 'globex';
  return { db, ws, service: new WorkspaceService(db.store, new AuditTrail()) };
}

const SSO = {
  oidc: {
    issuer: 'https://id.example.com',
    clientId: 'featbit',
    clientSecret: 'TOP-SECRET-VALUE',
    clientAuthenticationMethod: 'client_secret_basic' as const,
    authorizationEndpoint: '',
    tokenEndpoint: '',
    scope: 'openid email profile',
    userEmailClaim: 'email',
    userNameClaim: 'name',
  },
  passwordLoginDisabled: true,
};

describe('WorkspaceService', () => {
  it("does not count the workspace's own key as used, but another workspace's", async () => {
    const { ws, service } = setUp();
    const own = ws('ws-1');
    expect(await service.isKeyUsed(own, own.key)).toBe(false);
    expect(await service.isKeyUsed(own, 'globex')).toBe(true);
    expect(await service.isKeyUsed(own, 'initech')).toBe(false);
  });

  it('stores a trimmed name, the key and a new updatedAt, audited in the acting organization', async () => {
    const { db, ws, service } = setUp();
    const before = { ...ws('ws-1'), updatedAt: '2024-01-01T00:00:00.000Z' };
    const updated = await service.update(ADMIN, before, 'org-1', { name: '  Acme Corp  ', key: 'acme-corp' });
    expect(updated).toMatchObject({ id: 'ws-1', name: 'Acme Corp', key: 'acme-corp' });
    expect(updated.updatedAt > before.updatedAt).toBe(true);
    expect(ws('ws-1')).toMatchObject({ name: 'Acme Corp', key: 'acme-corp' });
    const [entry] = db.iam.state.auditLogs;
    expect(entry).toMatchObject({ organizationId: 'org-1', envId: '', refType: 'Workspace', refId: 'ws-1' });
    expect(entry.operation).toBe('Update');
    expect(entry.creatorId).toBe(ADMIN.creatorId);
    expect(JSON.parse(entry.dataChange.current)).toMatchObject({ name: 'Acme Corp' });
  });

  it('audits single sign-on settings without ever writing the client secret into the log', async () => {
    const { db, ws, service } = setUp();
    const saved = await service.updateSso(ADMIN, ws('ws-1'), 'org-1', SSO);
    expect(saved.sso?.oidc?.clientSecret).toBe('TOP-SECRET-VALUE');
    expect(ws('ws-1').sso?.passwordLoginDisabled).toBe(true);
    const [entry] = db.iam.state.auditLogs;
    expect(entry).toMatchObject({ refType: 'Workspace', refId: 'ws-1', organizationId: 'org-1' });
    expect(JSON.stringify(entry)).not.toContain('TOP-SECRET-VALUE');
    expect(JSON.parse(entry.dataChange.current)).toMatchObject({
      sso: { issuer: 'https://id.example.com', clientSecretSet: true, passwordLoginDisabled: true },
    });
    expect(JSON.parse(entry.dataChange.previous)).toMatchObject({ sso: null });
  });
});
