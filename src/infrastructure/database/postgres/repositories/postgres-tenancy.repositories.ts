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
import { ENVIRONMENT_ENTITY } from '../../shared/entities/environment.entity';
import { ORGANIZATION_ENTITY, ORGANIZATION_MEMBER_ENTITY } from '../../shared/entities/organization.entity';
import { PROJECT_ENTITY } from '../../shared/entities/project.entity';
import { USER_ENTITY } from '../../shared/entities/user.entity';
import { WORKSPACE_ENTITY, WORKSPACE_USER_ENTITY } from '../../shared/entities/workspace.entity';
import { pageWindow } from '../../shared/paging';
import { likePattern } from '../../shared/text-search';
import { nowIso } from '../../shared/timestamps';
import type { SqlSession } from '../postgres-session';
import { PgTable } from '../postgres-table';
import { str } from '../postgres-values';

const WORKSPACES = PgTable.of(WORKSPACE_ENTITY);
const WORKSPACE_USERS = PgTable.of(WORKSPACE_USER_ENTITY);
const USERS = PgTable.of(USER_ENTITY);
const ORGANIZATIONS = PgTable.of(ORGANIZATION_ENTITY);
const MEMBERS = PgTable.of(ORGANIZATION_MEMBER_ENTITY);
const PROJECTS = PgTable.of(PROJECT_ENTITY);
const ENVIRONMENTS = PgTable.of(ENVIRONMENT_ENTITY);

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
    await WORKSPACE_USERS.insertIfAbsent(this.db, { workspaceId, userId, createdAt: nowIso() });
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
    await MEMBERS.insertIfAbsent(this.db, member);
  }
  async removeMember(organizationId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM organization_users WHERE organization_id = $1 AND user_id = $2', [
      organizationId,
      userId,
    ]);
  }
  findMember(organizationId: string, userId: string): Promise<OrganizationMember | null> {
    return MEMBERS.findOne(this.db, 'organization_id = $1 AND user_id = $2', [organizationId, userId]);
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
        `SELECT ${MEMBERS.selectFrom('m', 'm_')}, ${USERS.selectFrom('u')}
         FROM ${from} WHERE ${where} ORDER BY lower(u.email) COLLATE "C", u.id
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, offset, limit],
      ),
    ]);
    return {
      totalCount: Number(countRows[0].count),
      items: rows.map((row) => ({ member: MEMBERS.fromRow(row, 'm_'), user: USERS.fromRow(row) })),
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
  async findWithProject(id: string): Promise<{ env: Environment; project: Project } | null> {
    const rows = await this.db.query(
      `SELECT ${ENVIRONMENTS.selectFrom('e', 'e_')}, ${PROJECTS.selectFrom('p', 'p_')}
       FROM environments e JOIN projects p ON p.id = e.project_id WHERE e.id = $1`,
      [id],
    );
    return rows.length
      ? { env: ENVIRONMENTS.fromRow(rows[0], 'e_'), project: PROJECTS.fromRow(rows[0], 'p_') }
      : null;
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
