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
import { GROUP_ENTITY, GROUP_MEMBER_ENTITY, GROUP_POLICY_ENTITY } from '../../shared/entities/group.entity';
import { MEMBER_POLICY_ENTITY, POLICY_ENTITY } from '../../shared/entities/policy.entity';
import { REFRESH_TOKEN_ENTITY } from '../../shared/entities/refresh-token.entity';
import { pageWindow } from '../../shared/paging';
import { likePattern } from '../../shared/text-search';
import { nowIso, toDate } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';
import { str } from '../postgres-values';

const POLICIES = PgTable.of(POLICY_ENTITY);
const MEMBER_POLICIES = PgTable.of(MEMBER_POLICY_ENTITY);
const GROUPS = PgTable.of(GROUP_ENTITY);
const GROUP_MEMBERS = PgTable.of(GROUP_MEMBER_ENTITY);
const GROUP_POLICIES = PgTable.of(GROUP_POLICY_ENTITY);
const ACCESS_TOKENS = PgTable.of(ACCESS_TOKEN_ENTITY);
const REFRESH_TOKENS = PgTable.of(REFRESH_TOKEN_ENTITY);

async function exists(db: SqlSession, sql: string, params: unknown[]): Promise<boolean> {
  return (await db.query(`SELECT EXISTS (${sql}) AS found`, params))[0]?.found === true;
}

async function column(db: SqlSession, sql: string, params: unknown[]): Promise<string[]> {
  return (await db.query(sql, params)).map((row) => str(Object.values(row)[0]));
}

/** `AND name ILIKE $n` when a name filter is given. */
function nameFilter(name: string | undefined, params: unknown[], column = 'name'): string {
  if (!name) return '';
  params.push(likePattern(name));
  return ` AND ${column} ILIKE $${params.length} ESCAPE '\\'`;
}

export class PostgresPolicyRepository extends PolicyRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(policy: Policy): Promise<Policy> {
    return POLICIES.insert(this.db, policy);
  }
  findById(id: string): Promise<Policy | null> {
    return POLICIES.findById(this.db, id);
  }
  findByIds(ids: readonly string[]): Promise<Policy[]> {
    return POLICIES.findByIds(this.db, ids);
  }
  list(organizationId: string, search: NameSearch): Promise<Page<Policy>> {
    const params: unknown[] = [organizationId];
    const where = `(organization_id = $1 OR organization_id IS NULL)${nameFilter(search.name, params)}`;
    return POLICIES.page(this.db, where, params, 'updated_at DESC, id', pageWindow(search));
  }
  update(policy: Policy): Promise<Policy> {
    return POLICIES.updateOrThrow(this.db, policy);
  }
  async delete(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM member_policies WHERE policy_id = $1', [id]);
      await tx.query('DELETE FROM group_policies WHERE policy_id = $1', [id]);
      await POLICIES.deleteById(tx, id);
    });
  }
  isKeyUsed(organizationId: string, key: string): Promise<boolean> {
    return exists(
      this.db,
      'SELECT 1 FROM policies WHERE (organization_id = $1 OR organization_id IS NULL) AND key = $2',
      [organizationId, key],
    );
  }
  async attachToMember(organizationId: string, memberId: string, policyId: string): Promise<void> {
    await MEMBER_POLICIES.insertIfAbsent(this.db, {
      organizationId,
      memberId,
      policyId,
      createdAt: nowIso(),
    });
  }
  async detachFromMember(organizationId: string, memberId: string, policyId: string): Promise<void> {
    await this.db.query(
      'DELETE FROM member_policies WHERE organization_id = $1 AND member_id = $2 AND policy_id = $3',
      [organizationId, memberId, policyId],
    );
  }
  listEffective(organizationId: string, memberId: string): Promise<Policy[]> {
    return POLICIES.findMany(
      this.db,
      `id IN (SELECT policy_id FROM member_policies WHERE organization_id = $1 AND member_id = $2
              UNION
              SELECT gp.policy_id FROM group_policies gp
              JOIN group_members gm ON gm.group_id = gp.group_id
              WHERE gm.organization_id = $1 AND gm.member_id = $2)
       AND (organization_id IS NULL OR organization_id = $1)`,
      [organizationId, memberId],
      'id',
    );
  }
  listMemberPolicyIds(organizationId: string, memberId: string): Promise<string[]> {
    return column(
      this.db,
      'SELECT policy_id FROM member_policies WHERE organization_id = $1 AND member_id = $2 ORDER BY created_at, policy_id',
      [organizationId, memberId],
    );
  }
  listMemberIdsWithPolicy(organizationId: string, policyId: string): Promise<string[]> {
    return column(
      this.db,
      'SELECT member_id FROM member_policies WHERE organization_id = $1 AND policy_id = $2 ORDER BY created_at, member_id',
      [organizationId, policyId],
    );
  }
}

export class PostgresGroupRepository extends GroupRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(group: Group): Promise<Group> {
    return GROUPS.insert(this.db, group);
  }
  findById(id: string): Promise<Group | null> {
    return GROUPS.findById(this.db, id);
  }
  list(organizationId: string, search: NameSearch): Promise<Page<Group>> {
    const params: unknown[] = [organizationId];
    const where = `organization_id = $1${nameFilter(search.name, params)}`;
    return GROUPS.page(this.db, where, params, 'updated_at DESC, id', pageWindow(search));
  }
  update(group: Group): Promise<Group> {
    return GROUPS.updateOrThrow(this.db, group);
  }
  async delete(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM group_members WHERE group_id = $1', [id]);
      await tx.query('DELETE FROM group_policies WHERE group_id = $1', [id]);
      await GROUPS.deleteById(tx, id);
    });
  }
  isNameUsed(organizationId: string, name: string): Promise<boolean> {
    return exists(this.db, 'SELECT 1 FROM groups WHERE organization_id = $1 AND name = $2', [
      organizationId,
      name,
    ]);
  }
  async addMember(organizationId: string, groupId: string, memberId: string): Promise<void> {
    await GROUP_MEMBERS.insertIfAbsent(this.db, { groupId, organizationId, memberId, createdAt: nowIso() });
  }
  async removeMember(groupId: string, memberId: string): Promise<void> {
    await this.db.query('DELETE FROM group_members WHERE group_id = $1 AND member_id = $2', [
      groupId,
      memberId,
    ]);
  }
  listMemberIds(groupId: string): Promise<string[]> {
    return column(
      this.db,
      'SELECT member_id FROM group_members WHERE group_id = $1 ORDER BY created_at, member_id',
      [groupId],
    );
  }
  listGroupIdsOfMember(organizationId: string, memberId: string): Promise<string[]> {
    return column(
      this.db,
      'SELECT group_id FROM group_members WHERE organization_id = $1 AND member_id = $2 ORDER BY created_at, group_id',
      [organizationId, memberId],
    );
  }
  async attachPolicy(groupId: string, policyId: string): Promise<void> {
    await GROUP_POLICIES.insertIfAbsent(this.db, { groupId, policyId, createdAt: nowIso() });
  }
  async detachPolicy(groupId: string, policyId: string): Promise<void> {
    await this.db.query('DELETE FROM group_policies WHERE group_id = $1 AND policy_id = $2', [
      groupId,
      policyId,
    ]);
  }
  listPolicyIds(groupId: string): Promise<string[]> {
    return column(
      this.db,
      'SELECT policy_id FROM group_policies WHERE group_id = $1 ORDER BY created_at, policy_id',
      [groupId],
    );
  }
  listGroupIdsWithPolicy(policyId: string): Promise<string[]> {
    return column(
      this.db,
      'SELECT group_id FROM group_policies WHERE policy_id = $1 ORDER BY created_at, group_id',
      [policyId],
    );
  }
}

export class PostgresAccessTokenRepository extends AccessTokenRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(token: AccessToken): Promise<AccessToken> {
    return ACCESS_TOKENS.insert(this.db, token);
  }
  findById(id: string): Promise<AccessToken | null> {
    return ACCESS_TOKENS.findById(this.db, id);
  }
  findByHash(tokenHash: string): Promise<AccessToken | null> {
    return ACCESS_TOKENS.findOne(this.db, 'token_hash = $1', [tokenHash]);
  }
  list(organizationId: string, search: AccessTokenSearch): Promise<Page<AccessToken>> {
    const params: unknown[] = [organizationId];
    let where = `organization_id = $1${nameFilter(search.name, params)}`;
    if (search.creatorId) {
      params.push(search.creatorId);
      where += ` AND creator_id = $${params.length}`;
    }
    if (search.type) {
      params.push(search.type);
      where += ` AND type = $${params.length}`;
    }
    return ACCESS_TOKENS.page(this.db, where, params, 'created_at DESC, id', pageWindow(search));
  }
  update(token: AccessToken): Promise<AccessToken> {
    return ACCESS_TOKENS.updateOrThrow(this.db, token);
  }
  delete(id: string): Promise<void> {
    return ACCESS_TOKENS.deleteById(this.db, id);
  }
  isNameUsed(organizationId: string, name: string): Promise<boolean> {
    return exists(this.db, 'SELECT 1 FROM access_tokens WHERE organization_id = $1 AND name = $2', [
      organizationId,
      name,
    ]);
  }
  async touchLastUsed(id: string, at: string): Promise<void> {
    await this.db.query('UPDATE access_tokens SET last_used_at = $2 WHERE id = $1', [
      id,
      toDate(at, 'lastUsedAt').toISOString(),
    ]);
  }
}

export class PostgresRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(token: RefreshToken): Promise<RefreshToken> {
    return REFRESH_TOKENS.insert(this.db, token);
  }
  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return REFRESH_TOKENS.findOne(this.db, 'token_hash = $1', [tokenHash]);
  }
  update(token: RefreshToken): Promise<RefreshToken> {
    return REFRESH_TOKENS.updateOrThrow(this.db, token);
  }
  async revokeAllForUser(userId: string, at: string): Promise<void> {
    await this.db.query(
      'UPDATE refresh_tokens SET is_revoked = true, revoked_at = $2 WHERE user_id = $1 AND NOT is_revoked',
      [userId, toDate(at, 'revokedAt').toISOString()],
    );
  }
  async revokeSession(sessionId: string, at: string, ip: string | null): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET is_revoked = true, revoked_at = $2, revoked_by_ip = $3
       WHERE session_id = $1 AND NOT is_revoked`,
      [sessionId, toDate(at, 'revokedAt').toISOString(), ip],
    );
  }
  isSessionActive(sessionId: string, now: string): Promise<boolean> {
    return exists(
      this.db,
      'SELECT 1 FROM refresh_tokens WHERE session_id = $1 AND NOT is_revoked AND expires_at > $2',
      [sessionId, toDate(now, 'now').toISOString()],
    );
  }
}
