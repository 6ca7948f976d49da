import {
  EnvironmentRepository,
  type MemberSearch,
  OrganizationRepository,
  ProjectRepository,
  UserRepository,
  WorkspaceRepository,
} from '../../../../core/ports/tenancy.repositories';
import type { Page } from '../../../../core/shared/paging';
import type {
  Environment,
  Organization,
  OrganizationMember,
  Project,
  SecretContext,
  UserAccount,
  Workspace,
} from '../../../../core/tenancy/tenancy';
import { pageWindow } from '../../shared/paging';
import { likePattern } from '../../shared/text-search';
import { nowIso } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';
import { iso, str, strOrNull } from '../postgres-values';

const WORKSPACES = new PgTable<Workspace>('workspaces', 'Workspace', [
  { field: 'id', column: 'id' },
  { field: 'name', column: 'name' },
  { field: 'key', column: 'key' },
  { field: 'license', column: 'license' },
  { field: 'sso', column: 'sso', kind: 'json' },
  { field: 'createdAt', column: 'created_at', kind: 'time' },
  { field: 'updatedAt', column: 'updated_at', kind: 'time' },
]);

export const USERS = new PgTable<UserAccount>('users', 'User', [
  { field: 'id', column: 'id' },
  { field: 'email', column: 'email' },
  { field: 'name', column: 'name' },
  { field: 'passwordHash', column: 'password_hash' },
  { field: 'origin', column: 'origin' },
  { field: 'createdAt', column: 'created_at', kind: 'time' },
  { field: 'updatedAt', column: 'updated_at', kind: 'time' },
]);

const ORGANIZATIONS = new PgTable<Organization>('organizations', 'Organization', [
  { field: 'id', column: 'id' },
  { field: 'workspaceId', column: 'workspace_id' },
  { field: 'name', column: 'name' },
  { field: 'key', column: 'key' },
  { field: 'initialized', column: 'initialized' },
  { field: 'defaultPermissions', column: 'default_permissions', kind: 'json' },
  { field: 'settings', column: 'settings', kind: 'json' },
  { field: 'createdAt', column: 'created_at', kind: 'time' },
  { field: 'updatedAt', column: 'updated_at', kind: 'time' },
]);

const PROJECTS = new PgTable<Project>('projects', 'Project', [
  { field: 'id', column: 'id' },
  { field: 'organizationId', column: 'organization_id' },
  { field: 'name', column: 'name' },
  { field: 'key', column: 'key' },
  { field: 'createdAt', column: 'created_at', kind: 'time' },
  { field: 'updatedAt', column: 'updated_at', kind: 'time' },
]);

const ENVIRONMENTS = new PgTable<Environment>('environments', 'Environment', [
  { field: 'id', column: 'id' },
  { field: 'projectId', column: 'project_id' },
  { field: 'name', column: 'name' },
  { field: 'key', column: 'key' },
  { field: 'description', column: 'description' },
  { field: 'secrets', column: 'secrets', kind: 'json' },
  { field: 'settings', column: 'settings', kind: 'json' },
  { field: 'createdAt', column: 'created_at', kind: 'time' },
  { field: 'updatedAt', column: 'updated_at', kind: 'time' },
]);

async function exists(db: SqlSession, sql: string, params: unknown[]): Promise<boolean> {
  return (await db.query(`SELECT EXISTS (${sql}) AS found`, params))[0]?.found === true;
}

export class PostgresWorkspaceRepository extends WorkspaceRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(workspace: Workspace): Promise<Workspace> {
    return WORKSPACES.insert(this.db, workspace);
  }
  findById(id: string): Promise<Workspace | null> {
    return WORKSPACES.findById(this.db, id);
  }
  findByKey(key: string): Promise<Workspace | null> {
    return WORKSPACES.findOne(this.db, 'key = $1', [key]);
  }
  update(workspace: Workspace): Promise<Workspace> {
    return WORKSPACES.updateOrThrow(this.db, workspace);
  }
  async count(): Promise<number> {
    return Number((await this.db.query('SELECT count(*) AS count FROM workspaces'))[0].count);
  }
  async addUser(workspaceId: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO workspace_users (workspace_id, user_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [workspaceId, userId, nowIso()],
    );
  }
  async removeUser(workspaceId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM workspace_users WHERE workspace_id = $1 AND user_id = $2', [
      workspaceId,
      userId,
    ]);
  }
  listForUser(userId: string): Promise<Workspace[]> {
    return WORKSPACES.findMany(
      this.db,
      'id IN (SELECT workspace_id FROM workspace_users WHERE user_id = $1)',
      [userId],
      'created_at, id',
    );
  }
}

export class PostgresUserRepository extends UserRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(user: UserAccount): Promise<UserAccount> {
    return USERS.insert(this.db, user);
  }
  findById(id: string): Promise<UserAccount | null> {
    return USERS.findById(this.db, id);
  }
  findByIds(ids: readonly string[]): Promise<UserAccount[]> {
    return USERS.findByIds(this.db, ids);
  }
  findByEmail(email: string): Promise<UserAccount | null> {
    return USERS.findOne(this.db, 'lower(email) = lower($1)', [email]);
  }
  update(user: UserAccount): Promise<UserAccount> {
    return USERS.updateOrThrow(this.db, user);
  }
  delete(id: string): Promise<void> {
    return USERS.deleteById(this.db, id);
  }
}

function memberFromRow(row: Record<string, unknown>): OrganizationMember {
  return {
    organizationId: str(row.organization_id),
    userId: str(row.user_id),
    invitorId: strOrNull(row.invitor_id),
    createdAt: iso(row.member_created_at ?? row.created_at),
  };
}

export class PostgresOrganizationRepository extends OrganizationRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(org: Organization): Promise<Organization> {
    return ORGANIZATIONS.insert(this.db, org);
  }
  findById(id: string): Promise<Organization | null> {
    return ORGANIZATIONS.findById(this.db, id);
  }
  listByWorkspace(workspaceId: string): Promise<Organization[]> {
    return ORGANIZATIONS.findMany(this.db, 'workspace_id = $1', [workspaceId], 'created_at, id');
  }
  listForUser(workspaceId: string, userId: string): Promise<Organization[]> {
    return ORGANIZATIONS.findMany(
      this.db,
      'workspace_id = $1 AND id IN (SELECT organization_id FROM organization_users WHERE user_id = $2)',
      [workspaceId, userId],
      'created_at, id',
    );
  }
  update(org: Organization): Promise<Organization> {
    return ORGANIZATIONS.updateOrThrow(this.db, org);
  }
  async delete(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM organization_users WHERE organization_id = $1', [id]);
      await ORGANIZATIONS.deleteById(tx, id);
    });
  }
  isKeyUsed(workspaceId: string, key: string): Promise<boolean> {
    return exists(this.db, 'SELECT 1 FROM organizations WHERE workspace_id = $1 AND key = $2', [
      workspaceId,
      key,
    ]);
  }
  async addMember(member: OrganizationMember): Promise<void> {
    await this.db.query(
      `INSERT INTO organization_users (organization_id, user_id, invitor_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [member.organizationId, member.userId, member.invitorId, member.createdAt],
    );
  }
  async removeMember(organizationId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM organization_users WHERE organization_id = $1 AND user_id = $2', [
      organizationId,
      userId,
    ]);
  }
  async findMember(organizationId: string, userId: string): Promise<OrganizationMember | null> {
    const rows = await this.db.query(
      'SELECT * FROM organization_users WHERE organization_id = $1 AND user_id = $2',
      [organizationId, userId],
    );
    return rows.length ? memberFromRow(rows[0]) : null;
  }
  async listMembers(
    organizationId: string,
    search: MemberSearch,
  ): Promise<Page<{ member: OrganizationMember; user: UserAccount }>> {
    const { offset, limit } = pageWindow(search);
    const params: unknown[] = [organizationId];
    let where = 'm.organization_id = $1';
    if (search.searchText) {
      params.push(likePattern(search.searchText));
      where += ` AND (u.name ILIKE $2 ESCAPE '\\' OR u.email ILIKE $2 ESCAPE '\\')`;
    }
    const from = 'organization_users m JOIN users u ON u.id = m.user_id';
    const [countRows, rows] = await Promise.all([
      this.db.query(`SELECT count(*) AS count FROM ${from} WHERE ${where}`, params),
      this.db.query(
        `SELECT m.organization_id, m.user_id, m.invitor_id, m.created_at AS member_created_at,
                ${USERS.select
                  .split(', ')
                  .map((c) => `u.${c}`)
                  .join(', ')}
         FROM ${from} WHERE ${where} ORDER BY lower(u.email) COLLATE "C", u.id
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, offset, limit],
      ),
    ]);
    return {
      totalCount: Number(countRows[0].count),
      items: rows.map((row) => ({ member: memberFromRow(row), user: USERS.fromRow(row) })),
    };
  }
}

export class PostgresProjectRepository extends ProjectRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(project: Project): Promise<Project> {
    return PROJECTS.insert(this.db, project);
  }
  findById(id: string): Promise<Project | null> {
    return PROJECTS.findById(this.db, id);
  }
  listByOrganization(organizationId: string): Promise<Project[]> {
    return PROJECTS.findMany(this.db, 'organization_id = $1', [organizationId], 'created_at, id');
  }
  update(project: Project): Promise<Project> {
    return PROJECTS.updateOrThrow(this.db, project);
  }
  delete(id: string): Promise<void> {
    return PROJECTS.deleteById(this.db, id);
  }
  isKeyUsed(organizationId: string, key: string): Promise<boolean> {
    return exists(this.db, 'SELECT 1 FROM projects WHERE organization_id = $1 AND key = $2', [
      organizationId,
      key,
    ]);
  }
}

export class PostgresEnvironmentRepository extends EnvironmentRepository {
  constructor(private readonly db: SqlSession) {
    super();
  }
  create(env: Environment): Promise<Environment> {
    return ENVIRONMENTS.insert(this.db, env);
  }
  findById(id: string): Promise<Environment | null> {
    return ENVIRONMENTS.findById(this.db, id);
  }
  findByIds(ids: readonly string[]): Promise<Environment[]> {
    return ENVIRONMENTS.findByIds(this.db, ids);
  }
  listByProject(projectId: string): Promise<Environment[]> {
    return ENVIRONMENTS.findMany(this.db, 'project_id = $1', [projectId], 'created_at, id');
  }
  listAll(): Promise<Environment[]> {
    return ENVIRONMENTS.findMany(this.db, 'true', [], 'created_at, id');
  }
  update(env: Environment): Promise<Environment> {
    return ENVIRONMENTS.updateOrThrow(this.db, env);
  }
  delete(id: string): Promise<void> {
    return ENVIRONMENTS.deleteById(this.db, id);
  }
  isKeyUsed(projectId: string, key: string): Promise<boolean> {
    return exists(this.db, 'SELECT 1 FROM environments WHERE project_id = $1 AND key = $2', [projectId, key]);
  }
  async findSecretContext(secretValue: string): Promise<SecretContext | null> {
    if (!secretValue) return null;
    // JSONB containment uses the GIN index on secrets; the secret is never decoded.
    const rows = await this.db.query(
      `SELECT e.id AS env_id, e.key AS env_key, e.secrets, p.id AS project_id, p.key AS project_key,
              o.id AS organization_id, o.key AS organization_key, o.workspace_id
       FROM environments e
       JOIN projects p ON p.id = e.project_id
       JOIN organizations o ON o.id = p.organization_id
       WHERE e.secrets @> $1::jsonb
       LIMIT 1`,
      [JSON.stringify([{ value: secretValue }])],
    );
    if (!rows.length) return null;
    const row = rows[0];
    const secret = (row.secrets as { value: string; type: SecretContext['type'] }[]).find(
      (s) => s.value === secretValue,
    );
    if (!secret) return null;
    return {
      type: secret.type,
      envId: str(row.env_id),
      envKey: str(row.env_key),
      projectId: str(row.project_id),
      projectKey: str(row.project_key),
      organizationId: str(row.organization_id),
      organizationKey: str(row.organization_key),
      workspaceId: str(row.workspace_id),
    };
  }
}
