import { randomUUID } from 'node:crypto';
import { Body, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiProperty } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { PolicyStatement } from '../../core/iam/iam';
import { validateStatements } from '../../core/iam/statement-validation';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { ValidationFailedError } from '../http/api-errors';
import { flattenValidationErrors } from '../http/api-validation.pipe';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { KeyQueryDto } from '../http/validators';
import {
  CreatePolicyDto,
  GroupDto,
  MemberRefDto,
  NameSearchQueryDto,
  UpdatePolicySettingsDto,
} from './iam.dto';
import { PolicyDto, PolicyStatementDto } from './policy.dto';
import { PolicyService } from './policy.service';

export class PolicyPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [PolicyDto] }) items!: PolicyDto[];
}

const IAM = () => Permission('CanManageIAM', Res.iam());

/** Parses a statements array body (FeatBit sends a bare array) with the same strict rules as DTOs. */
export function parseStatements(body: unknown, field = 'statements'): PolicyStatement[] {
  if (!Array.isArray(body) || body.length > 100) {
    throw ValidationFailedError.of(field, `${field}_is_invalid`, 'a JSON array of at most 100 statements');
  }
  const problems = body.flatMap((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      return [{ field: `${field}[${i}]`, code: `${field}_is_invalid`, message: 'a statement is an object' }];
    }
    const errors = validateSync(plainToInstance(PolicyStatementDto, item), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    return flattenValidationErrors(errors, `${field}[${i}]`);
  });
  if (problems.length > 0) throw new ValidationFailedError(problems);
  const statements = (body as PolicyStatementDto[]).map((s) => ({
    id: s.id ?? randomUUID(),
    resourceType: s.resourceType,
    effect: s.effect,
    actions: [...new Set(s.actions)],
    resources: [...new Set(s.resources)],
  }));
  const semantic = validateStatements(statements, field);
  if (semantic.length > 0) throw new ValidationFailedError(semantic);
  return statements;
}

@ManagementController('policies', 'Policies')
export class PolicyController {
  constructor(private readonly policies: PolicyService) {}

  @Get()
  @IAM()
  @Operation(
    'listPolicies',
    'Policies of the organization plus the built-in Owner, Administrator and Developer',
  )
  @ApiPagedEnvelope(PolicyDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: NameSearchQueryDto): Promise<PolicyPageDto> {
    const page = await this.policies.list(ctx.org.id, { ...pageOf(query), name: query.name });
    return { totalCount: page.totalCount, items: page.items.map((p) => PolicyDto.from(p)) };
  }

  @Get('is-key-used')
  @IAM()
  @Operation('isPolicyKeyUsed', 'Whether a policy key is taken')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@Ctx() ctx: ApiContext, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.policies.isKeyUsed(ctx.org.id, query.key);
  }

  @Get(':policyId')
  @IAM()
  @Operation('getPolicy', 'One policy with its statements')
  @ApiOkEnvelope(PolicyDto)
  async get(@Ctx() ctx: ApiContext, @IdParam('policyId') policyId: string): Promise<PolicyDto> {
    return PolicyDto.from(await this.policies.find(ctx.org.id, policyId));
  }

  @PostOk()
  @IAM()
  @Operation('createPolicy', 'Create a policy without statements')
  @ApiOkEnvelope(PolicyDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreatePolicyDto): Promise<PolicyDto> {
    return PolicyDto.from(await this.policies.create(ctx.actor, ctx.org.id, body));
  }

  @PostOk('clone/:key')
  @IAM()
  @ApiParam({ name: 'key', description: 'The key of the policy to copy (FeatBit’s form) or its id' })
  @Operation(
    'clonePolicy',
    'Copy a policy (built-in ones too) with its statements under a new key',
    'The source is addressed by key as FeatBit does; an id is accepted too.',
  )
  @ApiOkEnvelope(PolicyDto)
  async clone(
    @Ctx() ctx: ApiContext,
    @Param('key') source: string,
    @Body() body: CreatePolicyDto,
  ): Promise<PolicyDto> {
    return PolicyDto.from(await this.policies.clone(ctx.actor, ctx.org.id, source, body));
  }

  @Put(':policyId/settings')
  @IAM()
  @Operation('updatePolicySettings', 'Rename a policy or change its description (not built-in ones)')
  @ApiOkEnvelope(PolicyDto)
  async updateSettings(
    @Ctx() ctx: ApiContext,
    @IdParam('policyId') policyId: string,
    @Body() body: UpdatePolicySettingsDto,
  ): Promise<PolicyDto> {
    return PolicyDto.from(await this.policies.updateSettings(ctx.actor, ctx.org.id, policyId, body));
  }

  @Put(':policyId/statements')
  @IAM()
  @ApiBody({ type: [PolicyStatementDto] })
  @Operation(
    'updatePolicyStatements',
    'Replace the statements of a policy (not built-in ones)',
    'Body: a JSON array of statements. Actions must exist for the statement’s resource type; resources are FeatBit resource names with * wildcards and an optional ;tag list.',
  )
  @ApiOkEnvelope(PolicyDto)
  async updateStatements(
    @Ctx() ctx: ApiContext,
    @IdParam('policyId') policyId: string,
    @Body() body: unknown,
  ): Promise<PolicyDto> {
    return PolicyDto.from(
      await this.policies.updateStatements(ctx.actor, ctx.org.id, policyId, () => parseStatements(body)),
    );
  }

  @Delete(':policyId')
  @IAM()
  @Operation('deletePolicy', 'Delete a policy (not built-in ones); it is detached from members and groups')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('policyId') policyId: string): Promise<boolean> {
    await this.policies.delete(ctx.actor, ctx.org.id, policyId);
    return true;
  }

  @Get(':policyId/groups')
  @IAM()
  @Operation('getPolicyGroups', 'Groups the policy is attached to')
  @ApiOkEnvelope(GroupDto, { isArray: true })
  async groups(@Ctx() ctx: ApiContext, @IdParam('policyId') policyId: string): Promise<GroupDto[]> {
    return (await this.policies.groupsOf(ctx.org.id, policyId)).map((g) => GroupDto.from(g));
  }

  @Get(':policyId/members')
  @IAM()
  @Operation('getPolicyMembers', 'Members the policy is attached to directly')
  @ApiOkEnvelope(MemberRefDto, { isArray: true })
  async policyMembers(
    @Ctx() ctx: ApiContext,
    @IdParam('policyId') policyId: string,
  ): Promise<MemberRefDto[]> {
    return (await this.policies.membersOf(ctx.org.id, policyId)).map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
    }));
  }
}
