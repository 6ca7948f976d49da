import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageArray, pageOf } from '../http/paging.dto';
import {
  AddedMemberDto,
  AddMemberDto,
  GroupDto,
  InheritedPolicyDto,
  MemberDto,
  MemberGroupDto,
  MemberGroupsQueryDto,
  NameSearchQueryDto,
  SearchQueryDto,
} from './iam.dto';
import { MemberService } from './member.service';
import { PolicyDto } from './policy.dto';

export class MemberPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [MemberDto] }) items!: MemberDto[];
}

const IAM = () => Permission('CanManageIAM', Res.iam());

@ManagementController('members', 'Members')
export class MemberController {
  constructor(private readonly members: MemberService) {}

  @Get()
  @IAM()
  @Operation('listMembers', 'Members of the current organization with their groups')
  @ApiPagedEnvelope(MemberDto)
  list(@Ctx() ctx: ApiContext, @Query() query: SearchQueryDto): Promise<MemberPageDto> {
    return this.members.list(ctx.org.id, { ...pageOf(query), searchText: query.searchText });
  }

  @Get(':memberId')
  @IAM()
  @Operation('getMember', 'One member')
  @ApiOkEnvelope(MemberDto)
  get(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<MemberDto> {
    return this.members.get(ctx.org.id, memberId);
  }

  @PostOk('add')
  @IAM()
  @Operation(
    'addMember',
    'Add a member by e-mail',
    'An unknown e-mail gets a local account; its generated initial password is in the response, once. Without policies and groups the organization default permissions apply.',
  )
  @ApiOkEnvelope(AddedMemberDto)
  async add(@Ctx() ctx: ApiContext, @Body() body: AddMemberDto): Promise<AddedMemberDto> {
    const { user, created, initialPassword } = await this.members.add(ctx.actor, ctx.org, body);
    return { id: user.id, email: user.email, created, initialPassword };
  }

  @Delete('remove-from-org/:memberId')
  @IAM()
  @Operation(
    'removeMemberFromOrganization',
    'Remove a member from the current organization (the last Owner stays)',
  )
  @ApiOkEnvelope('boolean')
  async removeFromOrg(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<boolean> {
    await this.members.removeFromOrganization(ctx.actor, ctx.org.id, memberId);
    return true;
  }

  @Delete('remove-from-workspace/:memberId')
  @IAM()
  @Operation('removeMemberFromWorkspace', 'Remove a member from every organization of the workspace')
  @ApiOkEnvelope('boolean')
  async removeFromWorkspace(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<boolean> {
    const caller = { organizationId: ctx.org.id, statements: ctx.statements };
    await this.members.removeFromWorkspace(ctx.actor, ctx.ws.id, caller, memberId);
    return true;
  }

  @Get(':memberId/groups')
  @IAM()
  @Operation(
    'getMemberGroups',
    'Groups of the organization with a flag telling whether the member belongs to them',
  )
  @ApiPagedEnvelope(MemberGroupDto)
  async groups(
    @Ctx() ctx: ApiContext,
    @IdParam('memberId') memberId: string,
    @Query() query: MemberGroupsQueryDto,
  ): Promise<{ totalCount: number; items: MemberGroupDto[] }> {
    const groups = await this.members.groupsOf(ctx.org.id, memberId, query);
    return pageArray(
      groups.map(({ group, isGroupMember }) => ({ ...GroupDto.from(group), isGroupMember })),
      query,
    );
  }

  @Get(':memberId/policies')
  @IAM()
  @Operation('getMemberPolicies', 'Every effective policy of the member (direct and through groups)')
  @ApiOkEnvelope(PolicyDto, { isArray: true })
  async policies(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<PolicyDto[]> {
    return (await this.members.policiesOf(ctx.org.id, memberId)).map((p) => PolicyDto.from(p));
  }

  @Get(':memberId/direct-policies')
  @IAM()
  @Operation('getMemberDirectPolicies', 'Policies attached to the member directly')
  @ApiPagedEnvelope(PolicyDto)
  async directPolicies(
    @Ctx() ctx: ApiContext,
    @IdParam('memberId') memberId: string,
    @Query() query: NameSearchQueryDto,
  ): Promise<{ totalCount: number; items: PolicyDto[] }> {
    const policies = await this.members.directPolicies(ctx.org.id, memberId, query.name);
    return pageArray(
      policies.map((p) => PolicyDto.from(p)),
      query,
    );
  }

  @Get(':memberId/inherited-policies')
  @IAM()
  @Operation('getMemberInheritedPolicies', 'Policies the member gets through groups, with the group names')
  @ApiPagedEnvelope(InheritedPolicyDto)
  async inheritedPolicies(
    @Ctx() ctx: ApiContext,
    @IdParam('memberId') memberId: string,
    @Query() query: NameSearchQueryDto,
  ): Promise<{ totalCount: number; items: InheritedPolicyDto[] }> {
    return pageArray(await this.members.inheritedPolicies(ctx.org.id, memberId, query.name), query);
  }

  @Put(':memberId/add-policy/:policyId')
  @IAM()
  @Operation('addMemberPolicy', 'Attach a policy to a member')
  @ApiOkEnvelope('boolean')
  async addPolicy(
    @Ctx() ctx: ApiContext,
    @IdParam('memberId') memberId: string,
    @IdParam('policyId') policyId: string,
  ): Promise<boolean> {
    await this.members.attachPolicy(ctx.actor, ctx.org.id, memberId, policyId);
    return true;
  }

  @Put(':memberId/remove-policy/:policyId')
  @IAM()
  @Operation('removeMemberPolicy', 'Detach a policy from a member (the last Owner stays)')
  @ApiOkEnvelope('boolean')
  async removePolicy(
    @Ctx() ctx: ApiContext,
    @IdParam('memberId') memberId: string,
    @IdParam('policyId') policyId: string,
  ): Promise<boolean> {
    await this.members.detachPolicy(ctx.actor, ctx.org.id, memberId, policyId);
    return true;
  }
}
