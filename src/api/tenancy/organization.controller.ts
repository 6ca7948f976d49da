import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Authenticated, Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf, PageQueryDto } from '../http/paging.dto';
import { KeyQueryDto } from '../http/validators';
import { IdParam } from '../http/id-param';
import { RN } from '../../core/iam/resource-name';
import { distinctKeys, keyFromName } from '../../core/tenancy/key-from-name';
import { OnboardingDto } from './onboarding.dto';
import { OrganizationService, type OrganizationViewer } from './organization.service';
import { OrganizationDto } from './tenancy.dto';
import { CreateOrganizationDto, OrgMemberDto, UpdateOrganizationDto } from './tenancy-input.dto';

export class MemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 128 })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  searchText?: string;
}

export class OrgMembersPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [OrgMemberDto] }) items!: OrgMemberDto[];
}

const viewer = (ctx: ApiContext): OrganizationViewer =>
  ctx.principal?.kind === 'access-token' ? { tokenOrganization: ctx.org } : { userId: ctx.user.id };

@ManagementController('organizations', 'Organizations')
export class OrganizationController {
  constructor(private readonly orgs: OrganizationService) {}

  @Get()
  @Authenticated({ scope: 'workspace' })
  @Operation('listOrganizations', 'Organizations of the caller in the current workspace')
  @ApiOkEnvelope(OrganizationDto, { isArray: true })
  async list(@Ctx() ctx: ApiContext): Promise<OrganizationDto[]> {
    return (await this.orgs.listVisible(ctx.ws.id, viewer(ctx))).map((x) => OrganizationDto.from(x));
  }

  @Get('is-key-used')
  @Permission('CreateOrg', Res.organization())
  @Operation('isOrganizationKeyUsed', 'Whether an organization key is taken in the workspace')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@Ctx() ctx: ApiContext, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.orgs.isKeyUsed(ctx.ws.id, query.key);
  }

  @Get('members')
  @Authenticated({ scope: 'organization' })
  @Operation('listOrganizationMembers', 'Members of the current organization (names and e-mails)')
  @ApiPagedEnvelope(OrgMemberDto)
  async members(@Ctx() ctx: ApiContext, @Query() query: MemberQueryDto): Promise<OrgMembersPageDto> {
    const page = await this.orgs.members(ctx.org.id, { ...pageOf(query), searchText: query.searchText });
    return {
      totalCount: page.totalCount,
      items: page.items.map((user) => ({ id: user.id, name: user.name, email: user.email })),
    };
  }

  @Get(':id')
  @Authenticated({ scope: 'workspace' })
  @Operation('getOrganization', 'One organization the caller belongs to')
  @ApiOkEnvelope(OrganizationDto)
  async get(@Ctx() ctx: ApiContext, @IdParam('id', 'organization') id: string): Promise<OrganizationDto> {
    return OrganizationDto.from(await this.orgs.findVisible(ctx.ws.id, id, viewer(ctx)));
  }

  @PostOk()
  @Permission('CreateOrg', Res.organization())
  @Operation('createOrganization', 'Create an organization; the caller becomes its Owner')
  @ApiOkEnvelope(OrganizationDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return OrganizationDto.from(
      await this.orgs.create(ctx.ws, ctx.actor, { name: body.name.trim(), key: body.key }),
    );
  }

  @PostOk('onboarding')
  @Permission(['UpdateOrgName', 'CreateProject'], Res.organization())
  @Operation(
    'onboardOrganization',
    'FeatBit’s first-run onboarding: name the organization and create its first project with environments',
    'Needs UpdateOrgName, CreateProject and CreateEnv (on the new project). Keys are derived from the names unless projectKey is given.',
  )
  @ApiOkEnvelope('boolean')
  async onboard(@Ctx() ctx: ApiContext, @Body() body: OnboardingDto): Promise<boolean> {
    const projectKey = body.projectKey ?? keyFromName(body.projectName, 'project');
    ctx.require('UpdateOrgName', RN.organization());
    ctx.require('CreateProject', RN.project(projectKey));
    ctx.require('CreateEnv', RN.project(projectKey));
    const names = body.environments.map((n) => n.trim());
    const keys = distinctKeys(names, 'env');
    await this.orgs.onboard(ctx.org, ctx.actor, {
      organizationName: body.organizationName.trim(),
      project: { name: body.projectName.trim(), key: projectKey },
      environments: names.map((name, i) => ({ name, key: keys[i] })),
    });
    return true;
  }

  @Put()
  @Permission(
    ['UpdateOrgName', 'UpdateOrgDefaultUserPermissions', 'UpdateOrgSortFlagsBy'],
    Res.organization(),
  )
  @Operation(
    'updateOrganization',
    'Update the current organization',
    'Each changed part needs its own permission: UpdateOrgName, UpdateOrgDefaultUserPermissions, UpdateOrgSortFlagsBy.',
  )
  @ApiOkEnvelope(OrganizationDto)
  async update(@Ctx() ctx: ApiContext, @Body() body: UpdateOrganizationDto): Promise<OrganizationDto> {
    const rn = RN.organization();
    if (body.name !== undefined && body.name.trim() !== ctx.org.name) ctx.require('UpdateOrgName', rn);
    if (body.defaultPermissions !== undefined) ctx.require('UpdateOrgDefaultUserPermissions', rn);
    if (body.settings !== undefined) ctx.require('UpdateOrgSortFlagsBy', rn);
    return OrganizationDto.from(await this.orgs.update(ctx.org, ctx.actor, body));
  }

  @Delete()
  @Permission('DeleteOrg', Res.organization())
  @Operation('deleteOrganization', 'Delete the current organization with all its projects')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext): Promise<boolean> {
    await this.orgs.delete(ctx.org, ctx.actor);
    return true;
  }
}
