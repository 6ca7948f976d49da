// Repository ports for tenancy and identity. Adapters live in src/infrastructure/database/<provider>/.
// Every `create` raises DuplicateKeyError on a unique-key clash; every `update` of a missing row NotFoundError.
import type { Page, PageRequest } from '../shared/paging';
import type {
  Environment,
  Organization,
  OrganizationMember,
  Project,
  SecretContext,
  UserAccount,
  Workspace,
} from '../tenancy/tenancy';

export abstract class WorkspaceRepository {
  abstract create(workspace: Workspace): Promise<Workspace>;
  abstract findById(id: string): Promise<Workspace | null>;
  abstract findByKey(key: string): Promise<Workspace | null>;
  abstract update(workspace: Workspace): Promise<Workspace>;
  abstract count(): Promise<number>;
  /** Workspace membership (users are global; membership is per workspace). */
  abstract addUser(workspaceId: string, userId: string): Promise<void>;
  abstract removeUser(workspaceId: string, userId: string): Promise<void>;
  abstract listForUser(userId: string): Promise<Workspace[]>;
}

export abstract class UserRepository {
  /** Unique: email (case-insensitive). */
  abstract create(user: UserAccount): Promise<UserAccount>;
  abstract findById(id: string): Promise<UserAccount | null>;
  abstract findByIds(ids: readonly string[]): Promise<UserAccount[]>;
  abstract findByEmail(email: string): Promise<UserAccount | null>;
  abstract update(user: UserAccount): Promise<UserAccount>;
  abstract delete(id: string): Promise<void>;
}

export interface MemberSearch extends PageRequest {
  searchText?: string;
}

export abstract class OrganizationRepository {
  /** Unique: (workspaceId, key). */
  abstract create(org: Organization): Promise<Organization>;
  abstract findById(id: string): Promise<Organization | null>;
  abstract listByWorkspace(workspaceId: string): Promise<Organization[]>;
  abstract listForUser(workspaceId: string, userId: string): Promise<Organization[]>;
  abstract update(org: Organization): Promise<Organization>;
  abstract delete(id: string): Promise<void>;
  abstract isKeyUsed(workspaceId: string, key: string): Promise<boolean>;
  abstract addMember(member: OrganizationMember): Promise<void>;
  abstract removeMember(organizationId: string, userId: string): Promise<void>;
  abstract findMember(organizationId: string, userId: string): Promise<OrganizationMember | null>;
  /** Members with their accounts; searchText matches name or email. */
  abstract listMembers(
    organizationId: string,
    search: MemberSearch,
  ): Promise<Page<{ member: OrganizationMember; user: UserAccount }>>;
}

export abstract class ProjectRepository {
  /** Unique: (organizationId, key). */
  abstract create(project: Project): Promise<Project>;
  abstract findById(id: string): Promise<Project | null>;
  abstract listByOrganization(organizationId: string): Promise<Project[]>;
  abstract update(project: Project): Promise<Project>;
  abstract delete(id: string): Promise<void>;
  abstract isKeyUsed(organizationId: string, key: string): Promise<boolean>;
}

export abstract class EnvironmentRepository {
  /** Unique: (projectId, key). */
  abstract create(env: Environment): Promise<Environment>;
  abstract findById(id: string): Promise<Environment | null>;
  /** The environment with its project, in one read (every management route under /envs/{envId}). */
  abstract findWithProject(id: string): Promise<{ env: Environment; project: Project } | null>;
  abstract findByIds(ids: readonly string[]): Promise<Environment[]>;
  abstract listByProject(projectId: string): Promise<Environment[]>;
  abstract listAll(): Promise<Environment[]>;
  abstract update(env: Environment): Promise<Environment>;
  abstract delete(id: string): Promise<void>;
  abstract isKeyUsed(projectId: string, key: string): Promise<boolean>;
  /** Resolve an SDK secret value to its environment chain, or null when no such secret exists. */
  abstract findSecretContext(secretValue: string): Promise<SecretContext | null>;
}
