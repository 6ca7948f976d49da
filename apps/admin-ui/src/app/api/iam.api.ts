import { inject, Injectable } from '@angular/core';
import { map } from 'rxjs';
import { shownPolicies, shownPolicy } from '../shared/built-in-policies';
import { ApiClient } from './api-client';
import {
  addGroupMember,
  addGroupPolicy,
  addMember,
  addMemberPolicy,
  clonePolicy,
  createGroup,
  createPolicy,
  deleteGroup,
  deletePolicy,
  getGroup,
  getGroupMembers,
  getGroupPolicies,
  getMember,
  getMemberDirectPolicies,
  getMemberGroups,
  getMemberInheritedPolicies,
  getPolicy,
  getUserPolicies,
  listGroups,
  listMembers,
  listPolicies,
  listResources,
  removeGroupMember,
  removeGroupPolicy,
  removeMemberFromOrganization,
  removeMemberPolicy,
  updateGroup,
  updatePolicySettings,
  updatePolicyStatements,
  type ListResources$Params,
} from './generated/functions';
import type { CreateGroupDto, CreatePolicyDto, PolicyDto, PolicyStatementDto } from './generated/models';

export type {
  AddedMemberDto as AddedMember,
  GroupDto as Group,
  GroupMemberDto as GroupMember,
  GroupPolicyDto as GroupPolicy,
  InheritedPolicyDto as InheritedPolicy,
  MemberDto as Member,
  MemberGroupDto as MemberGroup,
  PolicyDto as Policy,
  ResourceDto as Resource,
} from './generated/models';

/** Paging and search of the IAM lists, as FeatBit's team / groups / policies screens send them. */
export interface IamPage {
  pageIndex: number;
  pageSize: number;
  search?: string;
}

export const isBuiltIn = (policy: Pick<PolicyDto, 'type'>): boolean => policy.type === 'SysManaged';

/** Members, groups and policies of the current organization (FeatBit's IAM routes). */
@Injectable({ providedIn: 'root' })
export class IamApi {
  private readonly api = inject(ApiClient);

  // Members
  members(page: IamPage) {
    return this.api.call(listMembers, { ...paging(page), searchText: page.search || undefined });
  }
  member(memberId: string) {
    return this.api.call(getMember, { memberId });
  }
  /** A new account answers its initial password here only. */
  addMember(email: string) {
    return this.api.call(addMember, { body: { email } });
  }
  removeMember(memberId: string) {
    return this.api.call(removeMemberFromOrganization, { memberId });
  }
  memberGroups(memberId: string) {
    return this.api.call(getMemberGroups, { memberId, pageIndex: 0, pageSize: 500 });
  }
  memberDirectPolicies(memberId: string) {
    return this.api
      .call(getMemberDirectPolicies, { memberId, pageIndex: 0, pageSize: 500 })
      .pipe(map(shownPolicies));
  }
  memberInheritedPolicies(memberId: string) {
    return this.api
      .call(getMemberInheritedPolicies, { memberId, pageIndex: 0, pageSize: 500 })
      .pipe(map(shownPolicies));
  }
  attachMemberPolicy(memberId: string, policyId: string) {
    return this.api.call(addMemberPolicy, { memberId, policyId });
  }
  detachMemberPolicy(memberId: string, policyId: string) {
    return this.api.call(removeMemberPolicy, { memberId, policyId });
  }

  // Groups
  groups(page: IamPage) {
    return this.api.call(listGroups, { ...paging(page), name: page.search || undefined });
  }
  group(groupId: string) {
    return this.api.call(getGroup, { groupId });
  }
  createGroup(body: CreateGroupDto) {
    return this.api.call(createGroup, { body });
  }
  updateGroup(groupId: string, body: CreateGroupDto) {
    return this.api.call(updateGroup, { groupId, body });
  }
  deleteGroup(groupId: string) {
    return this.api.call(deleteGroup, { groupId });
  }
  /** Every member of the organization, flagged with whether they are in the group. */
  groupMembers(groupId: string, search = '') {
    return this.api.call(getGroupMembers, {
      groupId,
      pageIndex: 0,
      pageSize: 500,
      searchText: search || undefined,
      getAllMembers: true,
    });
  }
  groupPolicies(groupId: string) {
    return this.api.call(getGroupPolicies, { groupId, pageIndex: 0, pageSize: 500 }).pipe(map(shownPolicies));
  }
  addGroupMember(groupId: string, memberId: string) {
    return this.api.call(addGroupMember, { groupId, memberId });
  }
  removeGroupMember(groupId: string, memberId: string) {
    return this.api.call(removeGroupMember, { groupId, memberId });
  }
  attachGroupPolicy(groupId: string, policyId: string) {
    return this.api.call(addGroupPolicy, { groupId, policyId });
  }
  detachGroupPolicy(groupId: string, policyId: string) {
    return this.api.call(removeGroupPolicy, { groupId, policyId });
  }

  // Policies
  policies(page: IamPage) {
    return this.api
      .call(listPolicies, { ...paging(page), name: page.search || undefined })
      .pipe(map(shownPolicies));
  }
  policy(policyId: string) {
    return this.api.call(getPolicy, { policyId }).pipe(map(shownPolicy));
  }
  createPolicy(body: CreatePolicyDto) {
    return this.api.call(createPolicy, { body });
  }
  /** Addressed by key as FeatBit does (the id is accepted too). */
  clonePolicy(key: string, body: CreatePolicyDto) {
    return this.api.call(clonePolicy, { key, body });
  }
  updatePolicySettings(policyId: string, name: string, description: string) {
    return this.api.call(updatePolicySettings, { policyId, body: { name, description } });
  }
  updateStatements(policyId: string, statements: PolicyStatementDto[]) {
    return this.api.call(updatePolicyStatements, { policyId, body: statements });
  }
  deletePolicy(policyId: string) {
    return this.api.call(deletePolicy, { policyId });
  }

  /** The signed-in user's effective policies in the current organization. */
  myPolicies() {
    return this.api.call(getUserPolicies, {});
  }
  /** FeatBit's resource picker: resources of one type the caller may access. */
  resources(type: ListResources$Params['type'], name = '') {
    return this.api.call(listResources, { type, name: name || undefined });
  }
}

function paging(page: IamPage) {
  return { pageIndex: page.pageIndex, pageSize: page.pageSize };
}
