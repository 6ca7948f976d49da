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
import { linkId } from '../../shared/entities/entity-definition';
import { ENVIRONMENT_ENTITY } from '../../shared/entities/environment.entity';
import { ORGANIZATION_ENTITY, ORGANIZATION_MEMBER_ENTITY } from '../../shared/entities/organization.entity';
import { PROJECT_ENTITY } from '../../shared/entities/project.entity';
import { USER_ENTITY } from '../../shared/entities/user.entity';
import {
  WORKSPACE_ENTITY,
  WORKSPACE_USER_ENTITY,
  type WorkspaceUser,
} from '../../shared/entities/workspace.entity';
import { pageWindow } from '../../shared/paging';
import { regexLiteral } from '../../shared/text-search';
import { nowIso } from '../../shared/timestamps';
import { MongoCollection } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';

/** Case-insensitive "contains" for user text. */
export const contains = (text: string) => ({ $regex: regexLiteral(text), $options: 'i' });

export class MongoTenancyCollections {
  readonly workspaces: MongoCollection<Workspace>;
  readonly users: MongoCollection<UserAccount>;
  readonly workspaceUsers: MongoCollection<WorkspaceUser>;
  readonly organizations: MongoCollection<Organization>;
  readonly members: MongoCollection<OrganizationMember>;
  readonly projects: MongoCollection<Project>;
  readonly environments: MongoCollection<Environment>;

  constructor(conn: MongoConnection) {
    this.workspaces = MongoCollection.of(() => conn.model('workspaces'), WORKSPACE_ENTITY);
    this.users = MongoCollection.of(() => conn.model('users'), USER_ENTITY);
    this.workspaceUsers = MongoCollection.of(() => conn.model('workspaceUsers'), WORKSPACE_USER_ENTITY);
    this.organizations = MongoCollection.of(() => conn.model('organizations'), ORGANIZATION_ENTITY);
    this.members = MongoCollection.of(() => conn.model('organizationUsers'), ORGANIZATION_MEMBER_ENTITY);
    this.projects = MongoCollection.of(() => conn.model('projects'), PROJECT_ENTITY);
    this.environments = MongoCollection.of(() => conn.model('environments'), ENVIRONMENT_ENTITY);
  }
}

export class MongoWorkspaceRepository extends WorkspaceRepository {
  constructor(private readonly c: MongoTenancyCollections) {
    super();
  }
  create(workspace: Workspace): Promise<Workspace> {
    return this.c.workspaces.insert(workspace);
  }
  findById(id: string): Promise<Workspace | null> {
    return this.c.workspaces.findById(id);
  }
  findByKey(key: string): Promise<Workspace | null> {
    return this.c.workspaces.findOne({ key });
  }
  update(workspace: Workspace): Promise<Workspace> {
    return this.c.workspaces.replaceOrThrow(workspace);
  }
  count(): Promise<number> {
    return this.c.workspaces.count({});
  }
  addUser(workspaceId: string, userId: string): Promise<void> {
    return this.c.workspaceUsers.insertIfAbsent({ workspaceId, userId, createdAt: nowIso() });
  }
  removeUser(workspaceId: string, userId: string): Promise<void> {
    return this.c.workspaceUsers.deleteById(linkId(workspaceId, userId));
  }
  async listForUser(userId: string): Promise<Workspace[]> {
    const links = await this.c.workspaceUsers.findMany({ userId });
    return this.c.workspaces.findMany(
      { _id: { $in: links.map((l) => l.workspaceId) } },
      { createdAt: 1, _id: 1 },
    );
  }
}

export class MongoUserRepository extends UserRepository {
  constructor(private readonly c: MongoTenancyCollections) {
    super();
  }
  create(user: UserAccount): Promise<UserAccount> {
    return this.c.users.insert(user);
  }
  findById(id: string): Promise<UserAccount | null> {
    return this.c.users.findById(id);
  }
  findByIds(ids: readonly string[]): Promise<UserAccount[]> {
    return this.c.users.findByIds(ids);
  }
  findByEmail(email: string): Promise<UserAccount | null> {
    return this.c.users.findOne({ emailLower: email.toLowerCase() });
  }
  update(user: UserAccount): Promise<UserAccount> {
    return this.c.users.replaceOrThrow(user);
  }
  delete(id: string): Promise<void> {
    return this.c.users.deleteById(id);
  }
}

export class MongoOrganizationRepository extends OrganizationRepository {
  constructor(private readonly c: MongoTenancyCollections) {
    super();
  }
  create(org: Organization): Promise<Organization> {
    return this.c.organizations.insert(org);
  }
  findById(id: string): Promise<Organization | null> {
    return this.c.organizations.findById(id);
  }
  listByWorkspace(workspaceId: string): Promise<Organization[]> {
    return this.c.organizations.findMany({ workspaceId }, { createdAt: 1, _id: 1 });
  }
  async listForUser(workspaceId: string, userId: string): Promise<Organization[]> {
    const links = await this.c.members.findMany({ userId });
    return this.c.organizations.findMany(
      { workspaceId, _id: { $in: links.map((l) => l.organizationId) } },
      { createdAt: 1, _id: 1 },
    );
  }
  update(org: Organization): Promise<Organization> {
    return this.c.organizations.replaceOrThrow(org);
  }
  async delete(id: string): Promise<void> {
    // No transactions: the organization goes last, so a failure leaves it (and a retry) intact.
    await this.c.members.deleteMany({ organizationId: id });
    await this.c.organizations.deleteById(id);
  }
  isKeyUsed(workspaceId: string, key: string): Promise<boolean> {
    return this.c.organizations.exists({ workspaceId, key });
  }
  addMember(member: OrganizationMember): Promise<void> {
    return this.c.members.insertIfAbsent(member);
  }
  removeMember(organizationId: string, userId: string): Promise<void> {
    return this.c.members.deleteById(linkId(organizationId, userId));
  }
  findMember(organizationId: string, userId: string): Promise<OrganizationMember | null> {
    return this.c.members.findById(linkId(organizationId, userId));
  }
  async listMembers(
    organizationId: string,
    search: MemberSearch,
  ): Promise<Page<{ member: OrganizationMember; user: UserAccount }>> {
    const { offset, limit } = pageWindow(search);
    const members = new Map((await this.c.members.findMany({ organizationId })).map((m) => [m.userId, m]));
    const filter: Record<string, unknown> = { _id: { $in: [...members.keys()] } };
    if (search.searchText)
      filter.$or = [{ name: contains(search.searchText) }, { email: contains(search.searchText) }];
    const page = await this.c.users.page(filter, { emailLower: 1, _id: 1 }, { offset, limit });
    return {
      totalCount: page.totalCount,
      items: page.items.map((user) => ({ member: members.get(user.id)!, user })),
    };
  }
}

export class MongoProjectRepository extends ProjectRepository {
  constructor(private readonly c: MongoTenancyCollections) {
    super();
  }
  create(project: Project): Promise<Project> {
    return this.c.projects.insert(project);
  }
  findById(id: string): Promise<Project | null> {
    return this.c.projects.findById(id);
  }
  listByOrganization(organizationId: string): Promise<Project[]> {
    return this.c.projects.findMany({ organizationId }, { createdAt: 1, _id: 1 });
  }
  update(project: Project): Promise<Project> {
    return this.c.projects.replaceOrThrow(project);
  }
  delete(id: string): Promise<void> {
    return this.c.projects.deleteById(id);
  }
  isKeyUsed(organizationId: string, key: string): Promise<boolean> {
    return this.c.projects.exists({ organizationId, key });
  }
}

export class MongoEnvironmentRepository extends EnvironmentRepository {
  constructor(private readonly c: MongoTenancyCollections) {
    super();
  }
  create(env: Environment): Promise<Environment> {
    return this.c.environments.insert(env);
  }
  findById(id: string): Promise<Environment | null> {
    return this.c.environments.findById(id);
  }
  async findWithProject(id: string): Promise<{ env: Environment; project: Project } | null> {
    const env = await this.c.environments.findById(id);
    const project = env ? await this.c.projects.findById(env.projectId) : null;
    return env && project ? { env, project } : null;
  }
  findByIds(ids: readonly string[]): Promise<Environment[]> {
    return this.c.environments.findByIds(ids);
  }
  listByProject(projectId: string): Promise<Environment[]> {
    return this.c.environments.findMany({ projectId }, { createdAt: 1, _id: 1 });
  }
  listAll(): Promise<Environment[]> {
    return this.c.environments.findMany({}, { createdAt: 1, _id: 1 });
  }
  update(env: Environment): Promise<Environment> {
    return this.c.environments.replaceOrThrow(env);
  }
  delete(id: string): Promise<void> {
    return this.c.environments.deleteById(id);
  }
  isKeyUsed(projectId: string, key: string): Promise<boolean> {
    return this.c.environments.exists({ projectId, key });
  }
  async findSecretContext(secretValue: string): Promise<SecretContext | null> {
    if (!secretValue) return null;
    const env = await this.c.environments.findOne({ 'secrets.value': secretValue });
    const secret = env?.secrets.find((s) => s.value === secretValue);
    if (!env || !secret) return null;
    const project = await this.c.projects.findById(env.projectId);
    const org = project && (await this.c.organizations.findById(project.organizationId));
    if (!project || !org) return null;
    return {
      type: secret.type,
      envId: env.id,
      envKey: env.key,
      projectId: project.id,
      projectKey: project.key,
      organizationId: org.id,
      organizationKey: org.key,
      workspaceId: org.workspaceId,
    };
  }
}
