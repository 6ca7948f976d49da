/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
// In-memory fakes of the narrow IAM and tenancy repository ports, with a DataStore whose
// `transaction` rolls every change back when the work throws (as PostgreSQL and PGlite do).
import type { AuditLog } from '../../../../src/core/audit/audit-log';
import type { AccessToken, Group, Policy } from '../../../../src/core/iam/iam';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type {
  AccessTokenRepository,
  AccessTokenSearch,
  GroupRepository,
  NameSearch,
  PolicyRepository,
  RefreshTokenRepository,
} from '../../../../src/core/ports/iam.repositories';
import type {
  MemberSearch,
  OrganizationRepository,
  UserRepository,
  WorkspaceRepository,
} from '../../../../src/core/ports/tenancy.repositories';
import type { AuditLogRepository } from '../../../../src/core/ports/users-and-events.repositories';
import type { Page } from '../../../../src/core/shared/paging';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import type {
  Organization,
  OrganizationMember,
  UserAccount,
  Workspace,
} from '../../../../src/core/tenancy/tenancy';

interface State {
  users: UserAccount[];
  workspaces: Workspace[];
  workspaceUsers: { workspaceId: string; userId: string }[];
  organizations: Organization[];
  members: OrganizationMember[];
  policies: Policy[];
  memberPolicies: { organizationId: string; memberId: string; policyId: string }[];
  groups: Group[];
  groupMembers: { groupId: string; memberId: string }[];
  groupPolicies: { groupId: string; policyId: string }[];
  accessTokens: AccessToken[];
  auditLogs: AuditLog[];
  revokedUsers: string[];
}

const STAMPS = { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };

const unused = (): never => {
  throw new Error('not used by the services under test');
};

function page<T>(items: T[], request: { pageIndex: number; pageSize: number }): Page<T> {
  const start = request.pageIndex * request.pageSize;
  return { totalCount: items.length, items: items.slice(start, start + request.pageSize) };
}

export class InMemoryIam {
  state: State = {
    users: [],
    workspaces: [],
    workspaceUsers: [],
    organizations: [],
    members: [],
    policies: [],
    memberPolicies: [],
    groups: [],
    groupMembers: [],
    groupPolicies: [],
    accessTokens: [],
    auditLogs: [],
    revokedUsers: [],
  };
  /** Set to make the next audit append fail (to prove the change rolls back with it). */
  failAuditAppend = false;
  transactions = 0;

  readonly users: UserRepository = {
    create: async (user) => {
      if (this.state.users.some((u) => u.email === user.email)) throw new DuplicateKeyError('users', 'email');
      this.state.users.push(user);
      return user;
    },
    findById: async (id) => this.state.users.find((u) => u.id === id) ?? null,
    findByIds: async (ids) => this.state.users.filter((u) => ids.includes(u.id)),
    findByEmail: async (email) => this.state.users.find((u) => u.email === email.toLowerCase()) ?? null,
    update: async (user) => {
      const others = this.state.users.filter((u) => u.id !== user.id);
      if (others.some((u) => u.email === user.email)) throw new DuplicateKeyError('users', 'email');
      this.state.users = [...others, user];
      return user;
    },
    delete: async (id) => {
      this.state.users = this.state.users.filter((u) => u.id !== id);
    },
  };

  readonly workspaces: WorkspaceRepository = {
    create: unused,
    findById: unused,
    findByKey: async (key) => this.state.workspaces.find((w) => w.key === key) ?? null,
    update: async (workspace) => {
      const i = this.state.workspaces.findIndex((w) => w.id === workspace.id);
      if (i < 0) throw new Error(`no workspace ${workspace.id}`);
      this.state.workspaces[i] = workspace;
      return workspace;
    },
    count: unused,
    addUser: async (workspaceId, userId) => {
      this.state.workspaceUsers.push({ workspaceId, userId });
    },
    removeUser: async (workspaceId, userId) => {
      this.state.workspaceUsers = this.state.workspaceUsers.filter(
        (w) => !(w.workspaceId === workspaceId && w.userId === userId),
      );
    },
    listForUser: async (userId) =>
      this.state.workspaces.filter((w) =>
        this.state.workspaceUsers.some((m) => m.workspaceId === w.id && m.userId === userId),
      ),
  };

  readonly organizations: OrganizationRepository = {
    create: unused,
    findById: async (id) => this.state.organizations.find((o) => o.id === id) ?? null,
    listByWorkspace: unused,
    listForUser: async (workspaceId, userId) =>
      this.state.organizations.filter(
        (o) =>
          o.workspaceId === workspaceId &&
          this.state.members.some((m) => m.organizationId === o.id && m.userId === userId),
      ),
    update: unused,
    delete: unused,
    isKeyUsed: unused,
    addMember: async (member) => {
      this.state.members.push(member);
    },
    removeMember: async (organizationId, userId) => {
      this.state.members = this.state.members.filter(
        (m) => !(m.organizationId === organizationId && m.userId === userId),
      );
    },
    findMember: async (organizationId, userId) =>
      this.state.members.find((m) => m.organizationId === organizationId && m.userId === userId) ?? null,
    listMembers: async (organizationId, search: MemberSearch) => {
      const items = this.state.members
        .filter((m) => m.organizationId === organizationId)
        .map((member) => ({ member, user: this.state.users.find((u) => u.id === member.userId)! }))
        .filter(({ user }) => !search.searchText || user.email.includes(search.searchText));
      return page(items, search);
    },
  };

  readonly policies: PolicyRepository = {
    create: async (policy) => {
      if (
        this.state.policies.some((p) => p.organizationId === policy.organizationId && p.key === policy.key)
      ) {
        throw new DuplicateKeyError('policies', 'key');
      }
      this.state.policies.push(policy);
      return policy;
    },
    findById: async (id) => this.state.policies.find((p) => p.id === id) ?? null,
    findByIds: async (ids) => this.state.policies.filter((p) => ids.includes(p.id)),
    list: async (organizationId, search: NameSearch) =>
      page(
        this.state.policies.filter((p) => p.organizationId === null || p.organizationId === organizationId),
        search,
      ),
    update: async (policy) => {
      this.state.policies = this.state.policies.map((p) => (p.id === policy.id ? policy : p));
      return policy;
    },
    delete: async (id) => {
      this.state.policies = this.state.policies.filter((p) => p.id !== id);
    },
    isKeyUsed: async (organizationId, key) =>
      this.state.policies.some((p) => p.organizationId === organizationId && p.key === key),
    attachToMember: async (organizationId, memberId, policyId) => {
      this.state.memberPolicies.push({ organizationId, memberId, policyId });
    },
    detachFromMember: async (organizationId, memberId, policyId) => {
      this.state.memberPolicies = this.state.memberPolicies.filter(
        (m) => !(m.organizationId === organizationId && m.memberId === memberId && m.policyId === policyId),
      );
    },
    listMemberPolicyIds: async (organizationId, memberId) =>
      this.state.memberPolicies
        .filter((m) => m.organizationId === organizationId && m.memberId === memberId)
        .map((m) => m.policyId),
    listMemberIdsWithPolicy: async (organizationId, policyId) =>
      this.state.memberPolicies
        .filter((m) => m.organizationId === organizationId && m.policyId === policyId)
        .map((m) => m.memberId),
    listEffective: async (organizationId, memberId) => {
      const groupIds = this.state.groupMembers
        .filter((m) => m.memberId === memberId)
        .map((m) => m.groupId)
        .filter((id) => this.state.groups.some((g) => g.id === id && g.organizationId === organizationId));
      const ids = new Set([
        ...this.state.memberPolicies
          .filter((m) => m.organizationId === organizationId && m.memberId === memberId)
          .map((m) => m.policyId),
        ...this.state.groupPolicies.filter((g) => groupIds.includes(g.groupId)).map((g) => g.policyId),
      ]);
      return this.state.policies
        .filter((p) => ids.has(p.id) && (p.organizationId === null || p.organizationId === organizationId))
        .sort((a, b) => a.id.localeCompare(b.id));
    },
  };

  readonly groups: GroupRepository = {
    create: async (group) => {
      if (this.state.groups.some((g) => g.organizationId === group.organizationId && g.name === group.name)) {
        throw new DuplicateKeyError('groups', 'name');
      }
      this.state.groups.push(group);
      return group;
    },
    findById: async (id) => this.state.groups.find((g) => g.id === id) ?? null,
    list: async (organizationId, search: NameSearch) =>
      page(
        this.state.groups.filter((g) => g.organizationId === organizationId),
        search,
      ),
    update: async (group) => {
      this.state.groups = this.state.groups.map((g) => (g.id === group.id ? group : g));
      return group;
    },
    delete: async (id) => {
      this.state.groups = this.state.groups.filter((g) => g.id !== id);
      this.state.groupMembers = this.state.groupMembers.filter((m) => m.groupId !== id);
      this.state.groupPolicies = this.state.groupPolicies.filter((p) => p.groupId !== id);
    },
    isNameUsed: async (organizationId, name) =>
      this.state.groups.some((g) => g.organizationId === organizationId && g.name === name),
    addMember: async (_organizationId, groupId, memberId) => {
      this.state.groupMembers.push({ groupId, memberId });
    },
    removeMember: async (groupId, memberId) => {
      this.state.groupMembers = this.state.groupMembers.filter(
        (m) => !(m.groupId === groupId && m.memberId === memberId),
      );
    },
    listMemberIds: async (groupId) =>
      this.state.groupMembers.filter((m) => m.groupId === groupId).map((m) => m.memberId),
    listGroupIdsOfMember: async (organizationId, memberId) =>
      this.state.groupMembers
        .filter((m) => m.memberId === memberId)
        .map((m) => m.groupId)
        .filter((id) => this.state.groups.some((g) => g.id === id && g.organizationId === organizationId)),
    attachPolicy: async (groupId, policyId) => {
      this.state.groupPolicies.push({ groupId, policyId });
    },
    detachPolicy: async (groupId, policyId) => {
      this.state.groupPolicies = this.state.groupPolicies.filter(
        (p) => !(p.groupId === groupId && p.policyId === policyId),
      );
    },
    listPolicyIds: async (groupId) =>
      this.state.groupPolicies.filter((p) => p.groupId === groupId).map((p) => p.policyId),
    listGroupIdsWithPolicy: async (policyId) =>
      this.state.groupPolicies.filter((p) => p.policyId === policyId).map((p) => p.groupId),
  };

  readonly accessTokens: AccessTokenRepository = {
    create: async (token) => {
      if (
        this.state.accessTokens.some(
          (t) => t.organizationId === token.organizationId && t.name === token.name,
        )
      ) {
        throw new DuplicateKeyError('access_tokens', 'name');
      }
      this.state.accessTokens.push(token);
      return token;
    },
    findById: async (id) => this.state.accessTokens.find((t) => t.id === id) ?? null,
    findByHash: unused,
    list: async (organizationId, search: AccessTokenSearch) =>
      page(
        this.state.accessTokens.filter((t) => t.organizationId === organizationId),
        search,
      ),
    update: async (token) => {
      this.state.accessTokens = this.state.accessTokens.map((t) => (t.id === token.id ? token : t));
      return token;
    },
    delete: async (id) => {
      this.state.accessTokens = this.state.accessTokens.filter((t) => t.id !== id);
    },
    isNameUsed: async (organizationId, name) =>
      this.state.accessTokens.some((t) => t.organizationId === organizationId && t.name === name),
    touchLastUsed: unused,
  };

  readonly refreshTokens: RefreshTokenRepository = {
    create: unused,
    findByHash: unused,
    update: unused,
    revokeAllForUser: async (userId) => {
      this.state.revokedUsers.push(userId);
    },
    revokeSession: unused,
    isSessionActive: unused,
  };

  readonly auditLogs: AuditLogRepository = {
    append: async (entry) => {
      if (this.failAuditAppend) throw new Error('audit log unavailable');
      this.state.auditLogs.push(entry);
    },
    list: unused,
  };

  /** The unit of work: the repositories above, with a transaction that restores the state on a throw. */
  readonly store: DataStore = {
    users: this.users,
    workspaces: this.workspaces,
    organizations: this.organizations,
    policies: this.policies,
    groups: this.groups,
    accessTokens: this.accessTokens,
    refreshTokens: this.refreshTokens,
    auditLogs: this.auditLogs,
    transaction: async <T>(work: (tx: DataStore) => Promise<T>): Promise<T> => {
      const before = structuredClone(this.state);
      this.transactions += 1;
      try {
        return await work(this.store);
      } catch (error) {
        this.state = before;
        throw error;
      }
    },
  } as Partial<DataStore> as DataStore;

  // Seeding helpers.
  addUser(email: string, id = `user-${email}`): UserAccount {
    const user: UserAccount = {
      id,
      email,
      name: email.split('@')[0],
      passwordHash: '',
      origin: 'Local',
      ...STAMPS,
    };
    this.state.users.push(user);
    return user;
  }

  addOrganization(id: string, workspaceId = 'ws-1'): Organization {
    if (!this.state.workspaces.some((w) => w.id === workspaceId)) {
      this.state.workspaces.push({
        id: workspaceId,
        name: workspaceId,
        key: workspaceId,
        license: null,
        sso: null,
        ...STAMPS,
      });
    }
    const org: Organization = {
      id,
      workspaceId,
      name: id,
      key: id,
      initialized: true,
      defaultPermissions: { policyIds: [], groupIds: [] },
      settings: {},
      ...STAMPS,
    };
    this.state.organizations.push(org);
    return org;
  }

  addMember(organizationId: string, user: UserAccount, policyIds: string[] = []): void {
    const org = this.state.organizations.find((o) => o.id === organizationId)!;
    const member = { organizationId, userId: user.id, invitorId: null, createdAt: STAMPS.createdAt };
    this.state.members.push(member);
    if (!this.state.workspaceUsers.some((w) => w.workspaceId === org.workspaceId && w.userId === user.id)) {
      this.state.workspaceUsers.push({ workspaceId: org.workspaceId, userId: user.id });
    }
    for (const policyId of policyIds)
      this.state.memberPolicies.push({ organizationId, memberId: user.id, policyId });
  }

  addPolicy(policy: Partial<Policy> & { id: string }): Policy {
    const full: Policy = {
      organizationId: null,
      name: policy.id,
      key: policy.id,
      description: '',
      type: 'SysManaged',
      statements: [],
      ...STAMPS,
      ...policy,
    };
    this.state.policies.push(full);
    return full;
  }

  addGroup(organizationId: string, name: string, memberIds: string[] = [], policyIds: string[] = []): Group {
    const group: Group = {
      id: `group-${name}`,
      organizationId,
      name,
      description: '',
      ...STAMPS,
    };
    this.state.groups.push(group);
    for (const memberId of memberIds) this.state.groupMembers.push({ groupId: group.id, memberId });
    for (const policyId of policyIds) this.state.groupPolicies.push({ groupId: group.id, policyId });
    return group;
  }
}
