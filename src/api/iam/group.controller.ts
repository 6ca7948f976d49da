import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
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
import { GroupService } from './group.service';

export class GroupPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [GroupDto] }) items!: GroupDto[];
}

const IAM = () => Permission('CanManageIAM', Res.iam());

@ManagementController('groups', 'Groups')
export class GroupController {
  constructor(private readonly groups: GroupService) {}

  @Get()
  @IAM()
  @Operation('listGroups', 'Groups of the current organization')
  @ApiPagedEnvelope(GroupDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: NameSearchQueryDto): Promise<GroupPageDto> {
    const page = await this.groups.list(ctx.org.id, { ...pageOf(query), name: query.name });
    return { totalCount: page.totalCount, items: page.items.map((g) => GroupDto.from(g)) };
  }

  @Get('is-name-used')
  @IAM()
  @Operation('isGroupNameUsed', 'Whether a group name is taken')
  @ApiOkEnvelope('boolean')
  isNameUsed(@Ctx() ctx: ApiContext, @Query() query: NameQueryDto): Promise<boolean> {
    return this.groups.isNameUsed(ctx.org.id, query.name);
  }

  @Get(':groupId')
  @IAM()
  @Operation('getGroup', 'One group')
  @ApiOkEnvelope(GroupDto)
  async get(@Ctx() ctx: ApiContext, @IdParam('groupId') groupId: string): Promise<GroupDto> {
    return GroupDto.from(await this.groups.find(ctx.org.id, groupId));
  }

  @PostOk()
  @IAM()
  @Operation('createGroup', 'Create a group (422 NameHasBeenUsed)')
  @ApiOkEnvelope(GroupDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreateGroupDto): Promise<GroupDto> {
    return GroupDto.from(await this.groups.create(ctx.actor, ctx.org.id, body));
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
    return GroupDto.from(await this.groups.update(ctx.actor, ctx.org.id, groupId, body));
  }

  @Delete(':groupId')
  @IAM()
  @Operation('deleteGroup', 'Delete a group (its members keep their direct policies)')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('groupId') groupId: string): Promise<boolean> {
    await this.groups.delete(ctx.actor, ctx.org.id, groupId);
    return true;
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
    return pageArray(await this.groups.membersOf(ctx.org.id, groupId, query), query);
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
    await this.groups.addMember(ctx.actor, ctx.org.id, groupId, memberId);
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
    await this.groups.removeMember(ctx.actor, ctx.org.id, groupId, memberId);
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
    return pageArray(await this.groups.policiesOf(ctx.org.id, groupId, query.name), query);
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
    await this.groups.addPolicy(ctx.actor, ctx.org.id, groupId, policyId);
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
    await this.groups.removePolicy(ctx.actor, ctx.org.id, groupId, policyId);
    return true;
  }
}
