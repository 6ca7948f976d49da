import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { OWNER_POLICY_ID } from '../../core/iam/built-in-policies';
import { isAllowed } from '../../core/iam/policy-decision';
import { RN } from '../../core/iam/resource-name';
import { DataStore } from '../../core/ports/data-store.port';
import type { UserAccount } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { EffectivePolicies } from '../auth/effective-policies.service';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { ForbiddenError } from '../http/api-errors';
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
  constructor(
    private readonly store: DataStore,
    private readonly members: MemberService,
    private readonly effective: EffectivePolicies,
  ) {}

  private async toDto(
    ctx: ApiContext,
    user: UserAccount,
    invitorId: string | null,
    createdAt: string,
  ): Promise<MemberDto> {
    const groupIds = await this.store.groups.listGroupIdsOfMember(ctx.org.id, user.id);
    const groups = (await Promise.all(groupIds.map((id) => this.store.groups.findById(id)))).filter(
      (g) => g !== null,
    );
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      invitorId,
      groups: groups.map((g) => ({ id: g.id, name: g.name })),
      createdAt,
    };
  }

  @Get()
  @IAM()
  @Operation('listMembers', 'Members of the current organization with their groups')
  @ApiPagedEnvelope(MemberDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: SearchQueryDto): Promise<MemberPageDto> {
    const page = await this.store.organizations.listMembers(ctx.org.id, {
      ...pageOf(query),
      searchText: query.searchText,
    });
    return {
      totalCount: page.totalCount,
      items: await Promise.all(
        page.items.map(({ member, user }) => this.toDto(ctx, user, member.invitorId, member.createdAt)),
      ),
    };
  }

  @Get(':memberId')
  @IAM()
  @Operation('getMember', 'One member')
  @ApiOkEnvelope(MemberDto)
  async get(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<MemberDto> {
    const user = await this.members.member(ctx.org, memberId);
    const member = (await this.store.organizations.findMember(ctx.org.id, memberId))!;
    return this.toDto(ctx, user, member.invitorId, member.createdAt);
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
    const { user, created, initialPassword } = await this.members.add(ctx, body);
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
    await this.members.removeFromOrg(ctx, await this.members.member(ctx.org, memberId));
    return true;
  }

  @Delete('remove-from-workspace/:memberId')
  @IAM()
  @Operation('removeMemberFromWorkspace', 'Remove a member from every organization of the workspace')
  @ApiOkEnvelope('boolean')
  async removeFromWorkspace(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<boolean> {
    const user = await this.members.member(ctx.org, memberId);
    for (const org of await this.store.organizations.listForUser(ctx.ws.id, user.id)) {
      // Every organization of the workspace is affected: the caller must manage IAM in each.
      const statements =
        org.id === ctx.org.id ? ctx.statements : await this.effective.statementsOf(org.id, ctx.actor.userId);
      if (!isAllowed(statements, 'CanManageIAM', RN.iam())) {
        throw new ForbiddenError(`you cannot manage members of organization ${org.key}`);
      }
    }
    for (const org of await this.store.organizations.listForUser(ctx.ws.id, user.id)) {
      await this.members.removeFromOrg(ctx, user, org);
    }
    await this.store.workspaces.removeUser(ctx.ws.id, user.id);
    if ((await this.store.workspaces.listForUser(user.id)).length === 0) {
      await this.store.refreshTokens.revokeAllForUser(user.id, new Date().toISOString());
      await this.store.users.delete(user.id);
    }
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
    await this.members.member(ctx.org, memberId);
    const mine = new Set(await this.store.groups.listGroupIdsOfMember(ctx.org.id, memberId));
    const all = await this.store.groups.list(ctx.org.id, {
      pageIndex: 0,
      pageSize: 10_000,
      name: query.name,
    });
    const items = all.items
      .map((g) => ({ ...GroupDto.from(g), isGroupMember: mine.has(g.id) }))
      .filter((g) => query.getAllGroups || g.isGroupMember);
    return pageArray(items, query);
  }

  @Get(':memberId/policies')
  @IAM()
  @Operation('getMemberPolicies', 'Every effective policy of the member (direct and through groups)')
  @ApiOkEnvelope(PolicyDto, { isArray: true })
  async policies(@Ctx() ctx: ApiContext, @IdParam('memberId') memberId: string): Promise<PolicyDto[]> {
    await this.members.member(ctx.org, memberId);
    return (await this.effective.policiesOf(ctx.org.id, memberId)).map((p) => PolicyDto.from(p));
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
    await this.members.member(ctx.org, memberId);
    const ids = await this.store.policies.listMemberPolicyIds(ctx.org.id, memberId);
    const policies = (await this.store.policies.findByIds(ids))
      .filter((p) => !query.name || p.name.toLowerCase().includes(query.name.toLowerCase()))
      .map((p) => PolicyDto.from(p));
    return pageArray(policies, query);
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
    await this.members.member(ctx.org, memberId);
    const byPolicy = new Map<string, { id: string; name: string }[]>();
    for (const groupId of await this.store.groups.listGroupIdsOfMember(ctx.org.id, memberId)) {
      const group = await this.store.groups.findById(groupId);
      if (!group) continue;
      for (const policyId of await this.store.groups.listPolicyIds(groupId)) {
        byPolicy.set(policyId, [...(byPolicy.get(policyId) ?? []), { id: group.id, name: group.name }]);
      }
    }
    const policies = (await this.store.policies.findByIds([...byPolicy.keys()]))
      .filter((p) => !query.name || p.name.toLowerCase().includes(query.name.toLowerCase()))
      .map((p) => ({ id: p.id, name: p.name, key: p.key, type: p.type, groups: byPolicy.get(p.id) ?? [] }));
    return pageArray(policies, query);
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
    const user = await this.members.member(ctx.org, memberId);
    const policy = await this.members.policy(ctx.org, policyId);
    await this.store.policies.attachToMember(ctx.org.id, memberId, policyId);
    await this.members.auditRecord(ctx, {
      refType: 'Member',
      refId: memberId,
      keywords: [user.email, policy.name],
      operation: 'Update',
      previous: null,
      current: { attachedPolicy: { id: policy.id, key: policy.key } },
    });
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
    const user = await this.members.member(ctx.org, memberId);
    const policy = await this.members.policy(ctx.org, policyId);
    if (policyId === OWNER_POLICY_ID) await this.members.keepAnOwnerWithout(ctx.org, memberId);
    await this.store.policies.detachFromMember(ctx.org.id, memberId, policyId);
    await this.members.auditRecord(ctx, {
      refType: 'Member',
      refId: memberId,
      keywords: [user.email, policy.name],
      operation: 'Update',
      previous: { attachedPolicy: { id: policy.id, key: policy.key } },
      current: null,
    });
    return true;
  }
}
