import { randomUUID } from 'node:crypto';
import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import type { Group } from '../../core/iam/iam';
import { DataStore } from '../../core/ports/data-store.port';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { ResourceNotFoundError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageArray, pageOf } from '../http/paging.dto';
import { NameQueryDto } from '../http/validators';
import {
  CreateGroupDto,
  GroupDto,
  GroupMemberDto,
  GroupMembersQueryDto,
  GroupPolicyDto,
  NameSearchQueryDto,
} from './iam.dto';
import { MemberService } from './member.service';

export class GroupPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [GroupDto] }) items!: GroupDto[];
}

const IAM = () => Permission('CanManageIAM', Res.iam());

@ManagementController('groups', 'Groups')
export class GroupController {
  constructor(
    private readonly store: DataStore,
    private readonly members: MemberService,
  ) {}

  private async group(ctx: ApiContext, groupId: string): Promise<Group> {
    const group = await this.store.groups.findById(groupId);
    if (!group || group.organizationId !== ctx.org.id) throw new ResourceNotFoundError('group');
    return group;
  }

  private audit(
    ctx: ApiContext,
    group: Group,
    operation: 'Create' | 'Update' | 'Remove',
    previous: unknown,
    current: unknown,
  ) {
    return this.members.auditRecord(ctx, {
      refType: 'Group',
      refId: group.id,
      keywords: [group.name],
      operation,
      previous,
      current,
    });
  }

  @Get()
  @IAM()
  @Operation('listGroups', 'Groups of the current organization')
  @ApiPagedEnvelope(GroupDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: NameSearchQueryDto): Promise<GroupPageDto> {
    const page = await this.store.groups.list(ctx.org.id, { ...pageOf(query), name: query.name });
    return { totalCount: page.totalCount, items: page.items.map((g) => GroupDto.from(g)) };
  }

  @Get('is-name-used')
  @IAM()
  @Operation('isGroupNameUsed', 'Whether a group name is taken')
  @ApiOkEnvelope('boolean')
  isNameUsed(@Ctx() ctx: ApiContext, @Query() query: NameQueryDto): Promise<boolean> {
    return this.store.groups.isNameUsed(ctx.org.id, query.name);
  }

  @Get(':groupId')
  @IAM()
  @Operation('getGroup', 'One group')
  @ApiOkEnvelope(GroupDto)
  async get(@Ctx() ctx: ApiContext, @IdParam('groupId') groupId: string): Promise<GroupDto> {
    return GroupDto.from(await this.group(ctx, groupId));
  }

  @PostOk()
  @IAM()
  @Operation('createGroup', 'Create a group (422 NameHasBeenUsed)')
  @ApiOkEnvelope(GroupDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreateGroupDto): Promise<GroupDto> {
    const now = new Date().toISOString();
    const group = await this.store.groups.create({
      id: randomUUID(),
      organizationId: ctx.org.id,
      name: body.name.trim(),
      description: body.description ?? '',
      createdAt: now,
      updatedAt: now,
    });
    await this.audit(ctx, group, 'Create', null, group);
    return GroupDto.from(group);
  }

  @Put(':groupId')
  @IAM()
  @Operation('updateGroup', 'Rename a group or change its description')
  @ApiOkEnvelope(GroupDto)
  async update(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @Body() body: CreateGroupDto,
  ): Promise<GroupDto> {
    const before = await this.group(ctx, groupId);
    const after = await this.store.groups.update({
      ...before,
      name: body.name.trim(),
      description: body.description ?? before.description,
      updatedAt: new Date().toISOString(),
    });
    await this.audit(ctx, after, 'Update', before, after);
    return GroupDto.from(after);
  }

  @Delete(':groupId')
  @IAM()
  @Operation('deleteGroup', 'Delete a group (its members keep their direct policies)')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('groupId') groupId: string): Promise<boolean> {
    const group = await this.group(ctx, groupId);
    if ((await this.store.groups.listPolicyIds(groupId)).includes(OWNER_POLICY_ID)) {
      await this.members.keepAnOwner(ctx.org, await this.lostOwners(ctx, groupId));
    }
    await this.store.groups.delete(groupId);
    await this.audit(ctx, group, 'Remove', group, null);
    return true;
  }

  /** Members who own the organization only through this group. */
  private async lostOwners(ctx: ApiContext, groupId: string): Promise<string[]> {
    const direct = new Set(await this.store.policies.listMemberIdsWithPolicy(ctx.org.id, OWNER_POLICY_ID));
    const lost: string[] = [];
    for (const memberId of await this.store.groups.listMemberIds(groupId)) {
      if (direct.has(memberId)) continue;
      let other = false;
      for (const g of await this.store.groups.listGroupIdsOfMember(ctx.org.id, memberId)) {
        if (g !== groupId && (await this.store.groups.listPolicyIds(g)).includes(OWNER_POLICY_ID))
          other = true;
      }
      if (!other) lost.push(memberId);
    }
    return lost;
  }

  @Get(':groupId/members')
  @IAM()
  @Operation(
    'getGroupMembers',
    'Members of the organization with a flag telling whether they are in the group',
  )
  @ApiPagedEnvelope(GroupMemberDto)
  async groupMembers(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @Query() query: GroupMembersQueryDto,
  ): Promise<{ totalCount: number; items: GroupMemberDto[] }> {
    await this.group(ctx, groupId);
    const inGroup = new Set(await this.store.groups.listMemberIds(groupId));
    const all = await this.store.organizations.listMembers(ctx.org.id, {
      pageIndex: 0,
      pageSize: 100_000,
      searchText: query.searchText,
    });
    const items = all.items
      .map(({ user }) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        isGroupMember: inGroup.has(user.id),
      }))
      .filter((m) => query.getAllMembers || m.isGroupMember);
    return pageArray(items, query);
  }

  @Put(':groupId/add-member/:memberId')
  @IAM()
  @Operation('addGroupMember', 'Add a member to the group')
  @ApiOkEnvelope('boolean')
  async addMember(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @IdParam('memberId') memberId: string,
  ): Promise<boolean> {
    const group = await this.group(ctx, groupId);
    const user = await this.members.member(ctx.org, memberId);
    if (!(await this.store.groups.listMemberIds(groupId)).includes(memberId)) {
      await this.store.groups.addMember(ctx.org.id, groupId, memberId);
    }
    await this.audit(ctx, group, 'Update', null, { addedMember: { id: user.id, email: user.email } });
    return true;
  }

  @Put(':groupId/remove-member/:memberId')
  @IAM()
  @Operation('removeGroupMember', 'Remove a member from the group')
  @ApiOkEnvelope('boolean')
  async removeMember(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @IdParam('memberId') memberId: string,
  ): Promise<boolean> {
    const group = await this.group(ctx, groupId);
    const user = await this.members.member(ctx.org, memberId);
    if ((await this.store.groups.listPolicyIds(groupId)).includes(OWNER_POLICY_ID)) {
      const lost = await this.lostOwners(ctx, groupId);
      if (lost.includes(memberId)) await this.members.keepAnOwner(ctx.org, [memberId]);
    }
    await this.store.groups.removeMember(groupId, memberId);
    await this.audit(ctx, group, 'Update', { removedMember: { id: user.id, email: user.email } }, null);
    return true;
  }

  @Get(':groupId/policies')
  @IAM()
  @Operation('getGroupPolicies', 'Policies with a flag telling whether they are attached to the group')
  @ApiPagedEnvelope(GroupPolicyDto)
  async policies(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @Query() query: NameSearchQueryDto,
  ): Promise<{ totalCount: number; items: GroupPolicyDto[] }> {
    await this.group(ctx, groupId);
    const attached = new Set(await this.store.groups.listPolicyIds(groupId));
    const all = await this.store.policies.list(ctx.org.id, {
      pageIndex: 0,
      pageSize: 10_000,
      name: query.name,
    });
    const items = all.items.map((p) => ({
      id: p.id,
      name: p.name,
      key: p.key,
      description: p.description,
      type: p.type,
      isGroupPolicy: attached.has(p.id),
    }));
    return pageArray(items, query);
  }

  @Put(':groupId/add-policy/:policyId')
  @IAM()
  @Operation('addGroupPolicy', 'Attach a policy to the group')
  @ApiOkEnvelope('boolean')
  async addPolicy(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @IdParam('policyId') policyId: string,
  ): Promise<boolean> {
    const group = await this.group(ctx, groupId);
    const policy = await this.members.policy(ctx.org, policyId);
    if (!(await this.store.groups.listPolicyIds(groupId)).includes(policyId))
      await this.store.groups.attachPolicy(groupId, policyId);
    await this.audit(ctx, group, 'Update', null, { attachedPolicy: { id: policy.id, key: policy.key } });
    return true;
  }

  @Put(':groupId/remove-policy/:policyId')
  @IAM()
  @Operation('removeGroupPolicy', 'Detach a policy from the group')
  @ApiOkEnvelope('boolean')
  async removePolicy(
    @Ctx() ctx: ApiContext,
    @IdParam('groupId') groupId: string,
    @IdParam('policyId') policyId: string,
  ): Promise<boolean> {
    const group = await this.group(ctx, groupId);
    const policy = await this.members.policy(ctx.org, policyId);
    if (policyId === OWNER_POLICY_ID)
      await this.members.keepAnOwner(ctx.org, await this.lostOwners(ctx, groupId));
    await this.store.groups.detachPolicy(groupId, policyId);
    await this.audit(ctx, group, 'Update', { attachedPolicy: { id: policy.id, key: policy.key } }, null);
    return true;
  }
}
