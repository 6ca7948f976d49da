import { ForbiddenError } from '../../../../src/api/http/api-errors';
import { sha256Hex } from '../../../../src/api/auth/token-hash';
import type { PolicyStatement } from '../../../../src/core/iam/iam';
import { iamServices } from '../support/iam-services';

const allow = (resourceType: string, actions: string[], resources: string[]): PolicyStatement => ({
  id: `${resourceType}-${actions.join()}`,
  resourceType,
  effect: 'allow',
  actions,
  resources,
});
const PERSONAL = allow(
  'access-token',
  ['ManagePersonalAccessTokens', 'ListAccessTokens'],
  ['access-token/*'],
);
const SERVICE = allow('access-token', ['ManageServiceAccessTokens'], ['access-token/*']);
const IAM = allow('iam', ['CanManageIAM'], ['iam/*']);

function setUp() {
  const s = iamServices();
  s.db.addOrganization('org-1');
  const alice = s.db.addUser('alice@x.io');
  const bob = s.db.addUser('bob@x.io');
  const as = (user: { id: string }, statements: PolicyStatement[]) => ({
    actor: { creatorId: user.id, kind: 'user' as const, userId: user.id },
    statements,
  });
  return {
    ...s,
    alice: as(alice, [PERSONAL]),
    bob: as(bob, [PERSONAL]),
    admin: as(bob, [PERSONAL, SERVICE, IAM]),
  };
}

describe('AccessTokenService', () => {
  it('stores only the hash of the value it shows once, and keeps the hash out of the audit log', async () => {
    const { db, tokens, alice } = setUp();
    const created = await tokens.create(alice, 'org-1', { name: 'ci', type: 'Personal' });
    const stored = db.state.accessTokens[0];
    expect(stored.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(db.state.auditLogs)).not.toContain(stored.tokenHash);
    expect(db.state.auditLogs).toHaveLength(1);
  });

  it('refuses a Service token (own statements) to a manager without CanManageIAM', async () => {
    const { db, tokens, alice } = setUp();
    const withService = { ...alice, statements: [PERSONAL, SERVICE] };
    await expect(
      tokens.create(withService, 'org-1', { name: 'svc', type: 'Service', permissions: [IAM] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(db.state.accessTokens).toEqual([]);
  });

  it('lets only the creator (or an IAM manager) change a personal token', async () => {
    const { db, tokens, alice, bob, admin } = setUp();
    const created = await tokens.create(alice, 'org-1', { name: 'mine', type: 'Personal' });
    await expect(tokens.toggle(bob, 'org-1', created.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(db.state.accessTokens[0].status).toBe('Active');
    await tokens.toggle(admin, 'org-1', created.id);
    expect(db.state.accessTokens[0].status).toBe('Inactive');
  });

  it('keeps the token when its removal cannot be audited', async () => {
    const { db, tokens, alice } = setUp();
    const created = await tokens.create(alice, 'org-1', { name: 'mine', type: 'Personal' });
    db.failAuditAppend = true;
    await expect(tokens.delete(alice, 'org-1', created.id)).rejects.toThrow();
    expect(db.state.accessTokens.map((t) => t.id)).toEqual([created.id]);
  });
});
