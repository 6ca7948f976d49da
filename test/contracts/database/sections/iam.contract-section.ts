import type { AccessToken, Group, Policy, RefreshToken } from '../../../../src/core/iam/iam';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import { at, newId } from '../contract-fixtures';

const policy = (organizationId: string | null, overrides: Partial<Policy> = {}): Policy => ({
  id: newId(),
  organizationId,
  name: 'Policy',
  key: `pol-${newId().slice(0, 8)}`,
  description: '',
  type: organizationId ? 'CustomerManaged' : 'SysManaged',
  statements: [{ id: newId(), resourceType: 'flag', effect: 'allow', actions: ['*'], resources: ['*'] }],
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

const group = (organizationId: string, overrides: Partial<Group> = {}): Group => ({
  id: newId(),
  organizationId,
  name: `group-${newId().slice(0, 8)}`,
  description: '',
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

const accessToken = (organizationId: string, overrides: Partial<AccessToken> = {}): AccessToken => ({
  id: newId(),
  organizationId,
  name: `token-${newId().slice(0, 8)}`,
  type: 'Personal',
  status: 'Active',
  tokenHash: `hash-${newId()}`,
  tokenPrefix: 'api-abc',
  creatorId: newId(),
  permissions: [],
  lastUsedAt: null,
  createdAt: at(0),
  updatedAt: at(0),
  ...overrides,
});

export function iamSection(store: () => DataStore): void {
  describe('policies', () => {
    it('lists the organization policies with the built-in ones, filters by name and pages', async () => {
      const orgId = newId();
      const builtIn = await store().policies.create(
        policy(null, { name: `Builtin ${orgId}`, updatedAt: at(1) }),
      );
      const mine = await store().policies.create(policy(orgId, { name: `Mine ${orgId}`, updatedAt: at(2) }));
      await store().policies.create(policy(newId(), { name: `Theirs ${orgId}` }));
      const byName = await store().policies.list(orgId, { pageIndex: 0, pageSize: 10, name: orgId });
      expect(byName.totalCount).toBe(2);
      expect(byName.items.map((p) => p.id)).toEqual([mine.id, builtIn.id]);
      const firstPage = await store().policies.list(orgId, { pageIndex: 0, pageSize: 1, name: orgId });
      expect(firstPage).toMatchObject({ totalCount: 2, items: [{ id: mine.id }] });
      expect(await store().policies.findById(mine.id)).toEqual(mine);
      expect((await store().policies.findByIds([mine.id, builtIn.id])).length).toBe(2);
      expect(await store().policies.isKeyUsed(orgId, mine.key)).toBe(true);
      expect(await store().policies.isKeyUsed(orgId, builtIn.key)).toBe(true);
    });

    it('rejects a duplicate key in one organization but allows it in another', async () => {
      const orgId = newId();
      const p = await store().policies.create(policy(orgId));
      await expect(store().policies.create(policy(orgId, { key: p.key }))).rejects.toMatchObject({
        entity: 'Policy',
        field: 'key',
      });
      await expect(store().policies.create(policy(newId(), { key: p.key }))).resolves.toBeDefined();
      const builtIn = await store().policies.create(policy(null));
      await expect(store().policies.create(policy(null, { key: builtIn.key }))).rejects.toBeInstanceOf(
        DuplicateKeyError,
      );
    });

    it('attaches policies to members idempotently and detaches them on delete', async () => {
      const orgId = newId();
      const member = newId();
      const p = await store().policies.create(policy(orgId));
      await store().policies.attachToMember(orgId, member, p.id);
      await store().policies.attachToMember(orgId, member, p.id);
      expect(await store().policies.listMemberPolicyIds(orgId, member)).toEqual([p.id]);
      expect(await store().policies.listMemberIdsWithPolicy(orgId, p.id)).toEqual([member]);
      const g = await store().groups.create(group(orgId));
      await store().groups.attachPolicy(g.id, p.id);
      await store().policies.update({ ...p, description: 'changed' });
      expect((await store().policies.findById(p.id))?.description).toBe('changed');
      await store().policies.delete(p.id);
      expect(await store().policies.findById(p.id)).toBeNull();
      expect(await store().policies.listMemberPolicyIds(orgId, member)).toEqual([]);
      expect(await store().groups.listPolicyIds(g.id)).toEqual([]);
      await store().policies.attachToMember(orgId, member, newId());
      await store().policies.detachFromMember(
        orgId,
        member,
        (await store().policies.listMemberPolicyIds(orgId, member))[0],
      );
      expect(await store().policies.listMemberPolicyIds(orgId, member)).toEqual([]);
    });

    it("lists a member's effective policies: direct and through groups, once each, by id, this organization's only", async () => {
      const orgId = newId();
      const otherOrg = newId();
      const member = newId();
      const [direct, viaGroup, both, builtIn, foreign, unrelated] = await Promise.all([
        store().policies.create(policy(orgId)),
        store().policies.create(policy(orgId)),
        store().policies.create(policy(orgId)),
        store().policies.create(policy(null, { key: `sys-${newId().slice(0, 8)}` })),
        store().policies.create(policy(otherOrg)),
        store().policies.create(policy(orgId)),
      ]);
      await store().policies.attachToMember(orgId, member, direct.id);
      await store().policies.attachToMember(orgId, member, both.id);
      await store().policies.attachToMember(orgId, member, foreign.id);
      const g = await store().groups.create(group(orgId));
      await store().groups.addMember(orgId, g.id, member);
      await store().groups.attachPolicy(g.id, viaGroup.id);
      await store().groups.attachPolicy(g.id, both.id);
      await store().groups.attachPolicy(g.id, builtIn.id);
      const elsewhere = await store().groups.create(group(orgId));
      await store().groups.attachPolicy(elsewhere.id, unrelated.id);

      const ids = (await store().policies.listEffective(orgId, member)).map((p) => p.id);
      expect(ids).toEqual([direct.id, viaGroup.id, both.id, builtIn.id].sort());
      expect(await store().policies.listEffective(otherOrg, member)).toEqual([]);
      expect(await store().policies.listEffective(orgId, newId())).toEqual([]);
    });
  });

  describe('groups', () => {
    it('does group CRUD, members and policies, with unique names per organization', async () => {
      const orgId = newId();
      const g = await store().groups.create(group(orgId, { name: `Admins ${orgId}` }));
      await expect(store().groups.create(group(orgId, { name: g.name }))).rejects.toMatchObject({
        entity: 'Group',
        field: 'name',
      });
      expect(await store().groups.isNameUsed(orgId, g.name)).toBe(true);
      const [m1, m2, pol] = [newId(), newId(), newId()];
      await store().groups.addMember(orgId, g.id, m1);
      await store().groups.addMember(orgId, g.id, m2);
      await store().groups.addMember(orgId, g.id, m2);
      expect((await store().groups.listMemberIds(g.id)).sort()).toEqual([m1, m2].sort());
      expect(await store().groups.listGroupIdsOfMember(orgId, m1)).toEqual([g.id]);
      await store().groups.removeMember(g.id, m1);
      expect(await store().groups.listMemberIds(g.id)).toEqual([m2]);
      await store().groups.attachPolicy(g.id, pol);
      expect(await store().groups.listPolicyIds(g.id)).toEqual([pol]);
      expect(await store().groups.listGroupIdsWithPolicy(pol)).toEqual([g.id]);
      await store().groups.detachPolicy(g.id, pol);
      expect(await store().groups.listPolicyIds(g.id)).toEqual([]);
      const listed = await store().groups.list(orgId, { pageIndex: 0, pageSize: 10, name: 'admins' });
      expect(listed).toMatchObject({ totalCount: 1, items: [{ id: g.id }] });
      await store().groups.update({ ...g, description: 'ops' });
      await store().groups.delete(g.id);
      expect(await store().groups.findById(g.id)).toBeNull();
      expect(await store().groups.listGroupIdsOfMember(orgId, m2)).toEqual([]);
    });
  });

  describe('access tokens', () => {
    it('stores only the hash, finds by it, filters, touches last use and rejects duplicates', async () => {
      const orgId = newId();
      const creator = newId();
      const t = await store().accessTokens.create(
        accessToken(orgId, { creatorId: creator, type: 'Service', createdAt: at(2) }),
      );
      const other = await store().accessTokens.create(accessToken(orgId, { createdAt: at(1) }));
      expect(await store().accessTokens.findByHash(t.tokenHash)).toEqual(t);
      await expect(store().accessTokens.create(accessToken(orgId, { name: t.name }))).rejects.toMatchObject({
        entity: 'AccessToken',
        field: 'name',
      });
      await expect(
        store().accessTokens.create(accessToken(newId(), { tokenHash: t.tokenHash })),
      ).rejects.toMatchObject({
        entity: 'AccessToken',
        field: 'tokenHash',
      });
      const all = await store().accessTokens.list(orgId, { pageIndex: 0, pageSize: 10 });
      expect(all.items.map((x) => x.id)).toEqual([t.id, other.id]);
      expect(
        (await store().accessTokens.list(orgId, { pageIndex: 0, pageSize: 10, creatorId: creator }))
          .totalCount,
      ).toBe(1);
      expect(
        (await store().accessTokens.list(orgId, { pageIndex: 0, pageSize: 10, type: 'Personal' })).items[0]
          .id,
      ).toBe(other.id);
      await store().accessTokens.touchLastUsed(t.id, at(30));
      expect((await store().accessTokens.findById(t.id))?.lastUsedAt).toBe(at(30));
      expect(await store().accessTokens.isNameUsed(orgId, other.name)).toBe(true);
      await store().accessTokens.update({ ...other, status: 'Inactive' });
      expect((await store().accessTokens.findById(other.id))?.status).toBe('Inactive');
      await store().accessTokens.delete(other.id);
      expect(await store().accessTokens.findById(other.id)).toBeNull();
    });
  });

  describe('refresh tokens', () => {
    it('creates, finds by hash, rotates and revokes every token of a user', async () => {
      const userId = newId();
      const base: RefreshToken = {
        id: newId(),
        tokenHash: `rt-${newId()}`,
        userId,
        sessionId: null,
        isRevoked: false,
        replacedByTokenHash: null,
        createdByIp: '127.0.0.1',
        revokedByIp: null,
        expiresAt: at(3600),
        revokedAt: null,
        lastUsedAt: null,
        createdAt: at(0),
      };
      const first = await store().refreshTokens.create(base);
      expect(await store().refreshTokens.findByHash(first.tokenHash)).toEqual(first);
      const second = await store().refreshTokens.create({ ...base, id: newId(), tokenHash: `rt-${newId()}` });
      await store().refreshTokens.update({
        ...first,
        replacedByTokenHash: second.tokenHash,
        lastUsedAt: at(5),
      });
      await expect(store().refreshTokens.create({ ...base, id: newId() })).rejects.toMatchObject({
        entity: 'RefreshToken',
        field: 'tokenHash',
      });
      await store().refreshTokens.revokeAllForUser(userId, at(10));
      expect(await store().refreshTokens.findByHash(second.tokenHash)).toMatchObject({
        isRevoked: true,
        revokedAt: at(10),
      });
      expect(await store().refreshTokens.findByHash(first.tokenHash)).toMatchObject({
        isRevoked: true,
        replacedByTokenHash: second.tokenHash,
        lastUsedAt: at(5),
      });
    });

    it('revokes one session and tells whether a session is still live', async () => {
      const userId = newId();
      const [sessionA, sessionB] = [newId(), newId()];
      const token = (sessionId: string, expiresAt = at(3600)): RefreshToken => ({
        id: newId(),
        tokenHash: `rt-${newId()}`,
        userId,
        sessionId,
        isRevoked: false,
        replacedByTokenHash: null,
        createdByIp: null,
        revokedByIp: null,
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
        createdAt: at(0),
      });
      const a1 = await store().refreshTokens.create(token(sessionA));
      await store().refreshTokens.create(token(sessionA));
      await store().refreshTokens.create(token(sessionB));
      expect(await store().refreshTokens.findByHash(a1.tokenHash)).toEqual(a1);
      expect(await store().refreshTokens.isSessionActive(sessionA, at(10))).toBe(true);
      expect(await store().refreshTokens.isSessionActive(sessionA, at(3600))).toBe(false); // expired
      await store().refreshTokens.revokeSession(sessionA, at(10), '10.0.0.1');
      expect(await store().refreshTokens.isSessionActive(sessionA, at(10))).toBe(false);
      expect(await store().refreshTokens.findByHash(a1.tokenHash)).toMatchObject({
        isRevoked: true,
        revokedAt: at(10),
        revokedByIp: '10.0.0.1',
      });
      expect(await store().refreshTokens.isSessionActive(sessionB, at(10))).toBe(true);
      expect(await store().refreshTokens.isSessionActive(newId(), at(10))).toBe(false);
    });
  });
}
