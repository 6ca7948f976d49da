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
import { regexLiteral } from '../../shared/text-search';
import { nowIso } from '../../shared/timestamps';
import { MongoCollection } from '../mongo-collection';
import type { MongoConnection } from '../mongo-connection';

const stamps = [
  { field: 'createdAt', kind: 'time' },
  { field: 'updatedAt', kind: 'time' },
] as const;

/** Case-insensitive "contains" for user text. */
export const contains = (text: string) => ({ $regex: regexLiteral(text), $options: 'i' });

export class MongoTenancyCollections {
  readonly workspaces: MongoCollection<Workspace>;
  readonly users: MongoCollection<UserAccount>;
  readonly workspaceUsers: MongoCollection<{
    id: string;
    workspaceId: string;
    userId: string;
    createdAt: string;
  }>;
  readonly organizations: MongoCollection<Organization>;
  readonly members: MongoCollection<OrganizationMember & { id: string }>;
  readonly projects: MongoCollection<Project>;
  readonly environments: MongoCollection<Environment>;

  constructor(conn: MongoConnection) {
    this.workspaces = new MongoCollection(() => conn.model('workspaces'), 'Workspace', [
      { field: 'id' },
      { field: 'name' },
      { field: 'key' },
      { field: 'license' },
      { field: 'sso', kind: 'json' },
      ...stamps,
    ]);
    this.users = new MongoCollection(
      () => conn.model('users'),
      'User',
      [
        { field: 'id' },
        { field: 'email' },
        { field: 'name' },
        { field: 'passwordHash' },
        { field: 'origin' },
        ...stamps,
      ],
      (u) => ({ emailLower: u.email.toLowerCase() }),
    );
    this.workspaceUsers = new MongoCollection(() => conn.model('workspaceUsers'), 'WorkspaceUser', [
      { field: 'id' },
      { field: 'workspaceId' },
      { field: 'userId' },
      { field: 'createdAt', kind: 'time' },
    ]);
    this.organizations = new MongoCollection(() => conn.model('organizations'), 'Organization', [
      { field: 'id' },
      { field: 'workspaceId' },
      { field: 'name' },
      { field: 'key' },
      { field: 'initialized' },
      { field: 'defaultPermissions', kind: 'json' },
      { field: 'settings', kind: 'json' },
      ...stamps,
    ]);
    this.members = new MongoCollection(() => conn.model('organizationUsers'), 'OrganizationMember', [
      { field: 'id' },
      { field: 'organizationId' },
      { field: 'userId' },
      { field: 'invitorId' },
      { field: 'createdAt', kind: 'time' },
    ]);
    this.projects = new MongoCollection(() => conn.model('projects'), 'Project', [
      { field: 'id' },
      { field: 'organizationId' },
      { field: 'name' },
      { field: 'key' },
      ...stamps,
    ]);
    this.environments = new MongoCollection(() => conn.model('environments'), 'Environment', [
      { field: 'id' },
      { field: 'projectId' },
      { field: 'name' },
      { field: 'key' },
      { field: 'description' },
      { field: 'secrets', kind: 'json' },
      { field: 'settings', kind: 'json' },
      ...stamps,
    ]);
  }
}

/** Membership rows use a composite `_id`, so adding twice is a no-op upsert. */
export const linkId = (...parts: string[]) => parts.join(':');

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
  async addUser(workspaceId: string, userId: string): Promise<void> {
    const link = this.c.workspaceUsers.toDoc({
      id: linkId(workspaceId, userId),
      workspaceId,
      userId,
      createdAt: nowIso(),
    });
    const { _id, ...fields } = link;
    await this.c.workspaceUsers.run((m) =>
      m.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true }).exec(),
    );
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
  async addMember(member: OrganizationMember): Promise<void> {
    const { _id, ...fields } = this.c.members.toDoc({
      ...member,
      id: linkId(member.organizationId, member.userId),
    });
    await this.c.members.run((m) => m.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true }).exec());
  }
  removeMember(organizationId: string, userId: string): Promise<void> {
    return this.c.members.deleteById(linkId(organizationId, userId));
  }
  async findMember(organizationId: string, userId: string): Promise<OrganizationMember | null> {
    const found = await this.c.members.findById(linkId(organizationId, userId));
    return found && stripId(found);
  }
  async listMembers(
    organizationId: string,
    search: MemberSearch,
  ): Promise<Page<{ member: OrganizationMember; user: UserAccount }>> {
    const { offset, limit } = pageWindow(search);
    const members = new Map(
      (await this.c.members.findMany({ organizationId })).map((m) => [m.userId, stripId(m)]),
    );
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

function stripId(member: OrganizationMember & { id: string }): OrganizationMember {
  const { id: _id, ...rest } = member;
  return rest;
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
