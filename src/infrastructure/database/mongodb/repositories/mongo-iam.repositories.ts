import type { AccessToken, Group, Policy, RefreshToken } from '../../../../core/iam/iam';
import {
  AccessTokenRepository,
  type AccessTokenSearch,
  GroupRepository,
  type NameSearch,
  PolicyRepository,
  RefreshTokenRepository,
} from '../../../../core/ports/iam.repositories';
import type { Page } from '../../../../core/shared/paging';
import { ACCESS_TOKEN_ENTITY } from '../../shared/entities/access-token.entity';
import { linkId } from '../../shared/entities/entity-definition';
import {
  GROUP_ENTITY,
  GROUP_MEMBER_ENTITY,
  GROUP_POLICY_ENTITY,
  type GroupMember,
  type GroupPolicy,
} from '../../shared/entities/group.entity';
import { MEMBER_POLICY_ENTITY, type MemberPolicy, POLICY_ENTITY } from '../../shared/entities/policy.entity';
import { REFRESH_TOKEN_ENTITY } from '../../shared/entities/refresh-token.entity';
import { pageWindow } from '../../shared/paging';
import { nowIso, toDate } from '../../shared/timestamps';
import { MongoCollection, type MongoFilter } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';
import { contains } from './mongo-tenancy.repositories';

export class MongoIamCollections {
  readonly policies: MongoCollection<Policy>;
  readonly groups: MongoCollection<Group>;
  readonly accessTokens: MongoCollection<AccessToken>;
  readonly refreshTokens: MongoCollection<RefreshToken>;
  readonly groupMembers: MongoCollection<GroupMember>;
  readonly groupPolicies: MongoCollection<GroupPolicy>;
  readonly memberPolicies: MongoCollection<MemberPolicy>;

  constructor(conn: MongoConnection) {
    this.policies = MongoCollection.of(() => conn.model('policies'), POLICY_ENTITY);
    this.groups = MongoCollection.of(() => conn.model('groups'), GROUP_ENTITY);
    this.accessTokens = MongoCollection.of(() => conn.model('accessTokens'), ACCESS_TOKEN_ENTITY);
    this.refreshTokens = MongoCollection.of(() => conn.model('refreshTokens'), REFRESH_TOKEN_ENTITY);
    this.groupMembers = MongoCollection.of(() => conn.model('groupMembers'), GROUP_MEMBER_ENTITY);
    this.groupPolicies = MongoCollection.of(() => conn.model('groupPolicies'), GROUP_POLICY_ENTITY);
    this.memberPolicies = MongoCollection.of(() => conn.model('memberPolicies'), MEMBER_POLICY_ENTITY);
  }
}

/** The `field` of the links matching `filter`, oldest first. */
async function linked<T extends { createdAt: string }>(
  collection: MongoCollection<T>,
  filter: MongoFilter,
  field: keyof T & string,
): Promise<string[]> {
  const rows = await collection.findMany(filter, { createdAt: 1, [field]: 1 });
  return rows.map((r) => String(r[field]));
}

export class MongoPolicyRepository extends PolicyRepository {
  constructor(private readonly c: MongoIamCollections) {
    super();
  }
  create(policy: Policy): Promise<Policy> {
    return this.c.policies.insert(policy);
  }
  findById(id: string): Promise<Policy | null> {
    return this.c.policies.findById(id);
  }
  findByIds(ids: readonly string[]): Promise<Policy[]> {
    return this.c.policies.findByIds(ids);
  }
  list(organizationId: string, search: NameSearch): Promise<Page<Policy>> {
    const filter: MongoFilter = { organizationId: { $in: [organizationId, null] } };
    if (search.name) filter.name = contains(search.name);
    return this.c.policies.page(filter, { updatedAt: -1, _id: 1 }, pageWindow(search));
  }
  update(policy: Policy): Promise<Policy> {
    return this.c.policies.replaceOrThrow(policy);
  }
  async delete(id: string): Promise<void> {
    // No transactions: the attachments go first, so a failure never leaves them pointing nowhere.
    await this.c.memberPolicies.deleteMany({ policyId: id });
    await this.c.groupPolicies.deleteMany({ policyId: id });
    await this.c.policies.deleteById(id);
  }
  isKeyUsed(organizationId: string, key: string): Promise<boolean> {
    return this.c.policies.exists({ organizationId: { $in: [organizationId, null] }, key });
  }
  attachToMember(organizationId: string, memberId: string, policyId: string): Promise<void> {
    return this.c.memberPolicies.insertIfAbsent({ organizationId, memberId, policyId, createdAt: nowIso() });
  }
  detachFromMember(organizationId: string, memberId: string, policyId: string): Promise<void> {
    return this.c.memberPolicies.deleteById(linkId(organizationId, memberId, policyId));
  }
  listMemberPolicyIds(organizationId: string, memberId: string): Promise<string[]> {
    return linked(this.c.memberPolicies, { organizationId, memberId }, 'policyId');
  }
  async listEffective(organizationId: string, memberId: string): Promise<Policy[]> {
    const [direct, groupIds] = await Promise.all([
      this.listMemberPolicyIds(organizationId, memberId),
      linked(this.c.groupMembers, { organizationId, memberId }, 'groupId'),
    ]);
    const inherited = groupIds.length
      ? await linked(this.c.groupPolicies, { groupId: { $in: groupIds } }, 'policyId')
      : [];
    const ids = [...new Set([...direct, ...inherited])];
    if (ids.length === 0) return [];
    const policies = await this.c.policies.findByIds(ids);
    return policies
      .filter((p) => p.organizationId === null || p.organizationId === organizationId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  listMemberIdsWithPolicy(organizationId: string, policyId: string): Promise<string[]> {
    return linked(this.c.memberPolicies, { organizationId, policyId }, 'memberId');
  }
}

export class MongoGroupRepository extends GroupRepository {
  constructor(private readonly c: MongoIamCollections) {
    super();
  }
  create(group: Group): Promise<Group> {
    return this.c.groups.insert(group);
  }
  findById(id: string): Promise<Group | null> {
    return this.c.groups.findById(id);
  }
  list(organizationId: string, search: NameSearch): Promise<Page<Group>> {
    const filter: MongoFilter = { organizationId };
    if (search.name) filter.name = contains(search.name);
    return this.c.groups.page(filter, { updatedAt: -1, _id: 1 }, pageWindow(search));
  }
  update(group: Group): Promise<Group> {
    return this.c.groups.replaceOrThrow(group);
  }
  async delete(id: string): Promise<void> {
    await this.c.groupMembers.deleteMany({ groupId: id });
    await this.c.groupPolicies.deleteMany({ groupId: id });
    await this.c.groups.deleteById(id);
  }
  isNameUsed(organizationId: string, name: string): Promise<boolean> {
    return this.c.groups.exists({ organizationId, name });
  }
  addMember(organizationId: string, groupId: string, memberId: string): Promise<void> {
    return this.c.groupMembers.insertIfAbsent({ groupId, organizationId, memberId, createdAt: nowIso() });
  }
  async removeMember(groupId: string, memberId: string): Promise<void> {
    await this.c.groupMembers.deleteMany({ groupId, memberId });
  }
  listMemberIds(groupId: string): Promise<string[]> {
    return linked(this.c.groupMembers, { groupId }, 'memberId');
  }
  listGroupIdsOfMember(organizationId: string, memberId: string): Promise<string[]> {
    return linked(this.c.groupMembers, { organizationId, memberId }, 'groupId');
  }
  attachPolicy(groupId: string, policyId: string): Promise<void> {
    return this.c.groupPolicies.insertIfAbsent({ groupId, policyId, createdAt: nowIso() });
  }
  detachPolicy(groupId: string, policyId: string): Promise<void> {
    return this.c.groupPolicies.deleteById(linkId(groupId, policyId));
  }
  listPolicyIds(groupId: string): Promise<string[]> {
    return linked(this.c.groupPolicies, { groupId }, 'policyId');
  }
  listGroupIdsWithPolicy(policyId: string): Promise<string[]> {
    return linked(this.c.groupPolicies, { policyId }, 'groupId');
  }
}

export class MongoAccessTokenRepository extends AccessTokenRepository {
  constructor(private readonly c: MongoIamCollections) {
    super();
  }
  create(token: AccessToken): Promise<AccessToken> {
    return this.c.accessTokens.insert(token);
  }
  findById(id: string): Promise<AccessToken | null> {
    return this.c.accessTokens.findById(id);
  }
  findByHash(tokenHash: string): Promise<AccessToken | null> {
    return this.c.accessTokens.findOne({ tokenHash });
  }
  list(organizationId: string, search: AccessTokenSearch): Promise<Page<AccessToken>> {
    const filter: MongoFilter = { organizationId };
    if (search.name) filter.name = contains(search.name);
    if (search.creatorId) filter.creatorId = search.creatorId;
    if (search.type) filter.type = search.type;
    return this.c.accessTokens.page(filter, { createdAt: -1, _id: 1 }, pageWindow(search));
  }
  update(token: AccessToken): Promise<AccessToken> {
    return this.c.accessTokens.replaceOrThrow(token);
  }
  delete(id: string): Promise<void> {
    return this.c.accessTokens.deleteById(id);
  }
  isNameUsed(organizationId: string, name: string): Promise<boolean> {
    return this.c.accessTokens.exists({ organizationId, name });
  }
  async touchLastUsed(id: string, at: string): Promise<void> {
    const lastUsedAt = toDate(at, 'lastUsedAt');
    await this.c.accessTokens.run((m) => m.updateOne({ _id: id }, { $set: { lastUsedAt } }).exec());
  }
}

export class MongoRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly c: MongoIamCollections) {
    super();
  }
  create(token: RefreshToken): Promise<RefreshToken> {
    return this.c.refreshTokens.insert(token);
  }
  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.c.refreshTokens.findOne({ tokenHash });
  }
  update(token: RefreshToken): Promise<RefreshToken> {
    return this.c.refreshTokens.replaceOrThrow(token);
  }
  async revokeAllForUser(userId: string, at: string): Promise<void> {
    const revokedAt = toDate(at, 'revokedAt');
    await this.c.refreshTokens.run((m) =>
      m.updateMany({ userId, isRevoked: false }, { $set: { isRevoked: true, revokedAt } }).exec(),
    );
  }
  async revokeSession(sessionId: string, at: string, ip: string | null): Promise<void> {
    const revokedAt = toDate(at, 'revokedAt');
    await this.c.refreshTokens.run((m) =>
      m
        .updateMany(
          { sessionId, isRevoked: false },
          { $set: { isRevoked: true, revokedAt, revokedByIp: ip } },
        )
        .exec(),
    );
  }
  isSessionActive(sessionId: string, now: string): Promise<boolean> {
    return this.c.refreshTokens.exists({
      sessionId,
      isRevoked: false,
      expiresAt: { $gt: toDate(now, 'now') },
    });
  }
}
