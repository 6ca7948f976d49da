import type { AccessToken, Group, Policy, RefreshToken } from '../iam/iam';
import type { Page, PageRequest } from '../shared/paging';

export interface NameSearch extends PageRequest {
  name?: string;
}

export abstract class PolicyRepository {
  /** Unique: (organizationId, key); built-in policies have organizationId null. */
  abstract create(policy: Policy): Promise<Policy>;
  abstract findById(id: string): Promise<Policy | null>;
  abstract findByIds(ids: readonly string[]): Promise<Policy[]>;
  /** The organization's own policies plus the built-in ones. */
  abstract list(organizationId: string, search: NameSearch): Promise<Page<Policy>>;
  abstract update(policy: Policy): Promise<Policy>;
  abstract delete(id: string): Promise<void>;
  abstract isKeyUsed(organizationId: string, key: string): Promise<boolean>;
  abstract attachToMember(organizationId: string, memberId: string, policyId: string): Promise<void>;
  abstract detachFromMember(organizationId: string, memberId: string, policyId: string): Promise<void>;
  abstract listMemberPolicyIds(organizationId: string, memberId: string): Promise<string[]>;
  /**
   * A member's policies in an organization, attached directly or through its groups, built-in ones
   * included, by id: what the access guard checks on every request, read at once.
   */
  abstract listEffective(organizationId: string, memberId: string): Promise<Policy[]>;
  abstract listMemberIdsWithPolicy(organizationId: string, policyId: string): Promise<string[]>;
}

export abstract class GroupRepository {
  /** Unique: (organizationId, name). */
  abstract create(group: Group): Promise<Group>;
  abstract findById(id: string): Promise<Group | null>;
  abstract list(organizationId: string, search: NameSearch): Promise<Page<Group>>;
  abstract update(group: Group): Promise<Group>;
  abstract delete(id: string): Promise<void>;
  abstract isNameUsed(organizationId: string, name: string): Promise<boolean>;
  abstract addMember(organizationId: string, groupId: string, memberId: string): Promise<void>;
  abstract removeMember(groupId: string, memberId: string): Promise<void>;
  abstract listMemberIds(groupId: string): Promise<string[]>;
  abstract listGroupIdsOfMember(organizationId: string, memberId: string): Promise<string[]>;
  abstract attachPolicy(groupId: string, policyId: string): Promise<void>;
  abstract detachPolicy(groupId: string, policyId: string): Promise<void>;
  abstract listPolicyIds(groupId: string): Promise<string[]>;
  abstract listGroupIdsWithPolicy(policyId: string): Promise<string[]>;
}

export interface AccessTokenSearch extends PageRequest {
  name?: string;
  creatorId?: string;
  type?: string;
}

export abstract class AccessTokenRepository {
  /** Unique: (organizationId, name) and tokenHash. */
  abstract create(token: AccessToken): Promise<AccessToken>;
  abstract findById(id: string): Promise<AccessToken | null>;
  abstract findByHash(tokenHash: string): Promise<AccessToken | null>;
  abstract list(organizationId: string, search: AccessTokenSearch): Promise<Page<AccessToken>>;
  abstract update(token: AccessToken): Promise<AccessToken>;
  abstract delete(id: string): Promise<void>;
  abstract isNameUsed(organizationId: string, name: string): Promise<boolean>;
  abstract touchLastUsed(id: string, at: string): Promise<void>;
}

export abstract class RefreshTokenRepository {
  abstract create(token: RefreshToken): Promise<RefreshToken>;
  abstract findByHash(tokenHash: string): Promise<RefreshToken | null>;
  abstract update(token: RefreshToken): Promise<RefreshToken>;
  abstract revokeAllForUser(userId: string, at: string): Promise<void>;
  /** Revokes every token of one session (sign-out). */
  abstract revokeSession(sessionId: string, at: string, ip: string | null): Promise<void>;
  /** Whether the session still has an unrevoked, unexpired token (checked on every request). */
  abstract isSessionActive(sessionId: string, now: string): Promise<boolean>;
}
