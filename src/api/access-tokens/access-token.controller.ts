import { randomUUID } from 'node:crypto';
import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { AccessToken, PolicyStatement } from '../../core/iam/iam';
import { RN } from '../../core/iam/resource-name';
import { validateStatements } from '../../core/iam/statement-validation';
import { DataStore } from '../../core/ports/data-store.port';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { newAccessTokenValue, sha256Hex, tokenPrefixOf } from '../auth/token-hash';
import { ActorDirectory } from '../audit/actor-directory.service';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { ForbiddenError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { NameQueryDto } from '../http/validators';
import { MemberService } from '../iam/member.service';
import {
  AccessTokenDto,
  AccessTokenQueryDto,
  CreateAccessTokenDto,
  CreatedAccessTokenDto,
  UpdateAccessTokenDto,
} from './access-token.dto';

export class AccessTokenPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [AccessTokenDto] }) items!: AccessTokenDto[];
}

const SESSION = { sessionOnly: true } as const;

/**
 * API access tokens. Managed from console sessions only (a token cannot mint tokens). Service
 * tokens carry their own statements, so setting them also needs CanManageIAM: otherwise anyone
 * allowed to manage tokens could grant a token more than they have themselves.
 */
@ManagementController('access-tokens', 'Access tokens')
export class AccessTokenController {
  constructor(
    private readonly store: DataStore,
    private readonly actors: ActorDirectory,
    private readonly members: MemberService,
  ) {}

  private async toDtos(tokens: AccessToken[]): Promise<AccessTokenDto[]> {
    const actors = await this.actors.resolve(tokens.map((t) => t.creatorId));
    return tokens.map((t) => {
      const a = actors.get(t.creatorId);
      return {
        id: t.id,
        name: t.name,
        type: t.type,
        status: t.status,
        token: `${t.tokenPrefix}…`,
        permissions: t.type === 'Service' ? t.permissions : [],
        lastUsedAt: t.lastUsedAt,
        creator: { id: t.creatorId, name: a?.name ?? 'Unknown', email: a?.email ?? '' },
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      };
    });
  }

  private statements(input: CreateAccessTokenDto['permissions']): PolicyStatement[] {
    const statements = (input ?? []).map((s) => ({
      id: s.id ?? randomUUID(),
      resourceType: s.resourceType,
      effect: s.effect,
      actions: [...new Set(s.actions)],
      resources: [...new Set(s.resources)],
    }));
    const problems = validateStatements(statements, 'permissions');
    if (problems.length > 0) throw new ValidationFailedError(problems);
    return statements;
  }

  /** Who may change a token: Personal ones by their creator, Service ones by token managers with IAM rights. */
  private async manageable(
    ctx: ApiContext,
    tokenId: string,
    changesPermissions = false,
  ): Promise<AccessToken> {
    const token = await this.store.accessTokens.findById(tokenId);
    if (!token || token.organizationId !== ctx.org.id) throw new ResourceNotFoundError('access token');
    if (token.type === 'Personal') {
      ctx.require('ManagePersonalAccessTokens', RN.accessToken());
      if (token.creatorId !== ctx.user.id && !ctx.can('CanManageIAM', RN.iam())) {
        throw new ForbiddenError('only its creator manages a personal access token');
      }
    } else {
      ctx.require('ManageServiceAccessTokens', RN.accessToken());
      if (changesPermissions) ctx.require('CanManageIAM', RN.iam());
    }
    return token;
  }

  private audit(
    ctx: ApiContext,
    token: AccessToken,
    operation: 'Create' | 'Update' | 'Remove',
    previous: AccessToken | null,
    current: AccessToken | null,
  ) {
    const strip = (t: AccessToken | null) => (t ? { ...t, tokenHash: undefined } : null);
    return this.members.auditRecord(ctx, {
      refType: 'AccessToken',
      refId: token.id,
      keywords: [token.name, token.tokenPrefix],
      operation,
      previous: strip(previous),
      current: strip(current),
    });
  }

  @Get()
  @Permission('ListAccessTokens', Res.accessToken(), SESSION)
  @Operation('listAccessTokens', 'Access tokens of the organization (values are never shown again)')
  @ApiPagedEnvelope(AccessTokenDto)
  async list(@Ctx() ctx: ApiContext, @Query() query: AccessTokenQueryDto): Promise<AccessTokenPageDto> {
    const page = await this.store.accessTokens.list(ctx.org.id, {
      ...pageOf(query),
      name: query.name,
      creatorId: query.creatorId,
      type: query.type,
    });
    return { totalCount: page.totalCount, items: await this.toDtos(page.items) };
  }

  @Get('is-name-used')
  @Permission('ListAccessTokens', Res.accessToken(), SESSION)
  @Operation('isAccessTokenNameUsed', 'Whether a token name is taken')
  @ApiOkEnvelope('boolean')
  isNameUsed(@Ctx() ctx: ApiContext, @Query() query: NameQueryDto): Promise<boolean> {
    return this.store.accessTokens.isNameUsed(ctx.org.id, query.name);
  }

  @PostOk()
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation(
    'createAccessToken',
    'Create a Personal or Service token; the value `api-…` is in this response only',
    'Personal tokens act with the creator’s current permissions. Service tokens use their own statements and need CanManageIAM as well.',
  )
  @ApiOkEnvelope(CreatedAccessTokenDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreateAccessTokenDto): Promise<CreatedAccessTokenDto> {
    if (body.type === 'Personal') ctx.require('ManagePersonalAccessTokens', RN.accessToken());
    else {
      ctx.require('ManageServiceAccessTokens', RN.accessToken());
      ctx.require('CanManageIAM', RN.iam());
    }
    const permissions = body.type === 'Service' ? this.statements(body.permissions) : [];
    const value = newAccessTokenValue();
    const now = new Date().toISOString();
    const token = await this.store.accessTokens.create({
      id: randomUUID(),
      organizationId: ctx.org.id,
      name: body.name.trim(),
      type: body.type,
      status: 'Active',
      tokenHash: sha256Hex(value),
      tokenPrefix: tokenPrefixOf(value),
      creatorId: ctx.user.id,
      permissions,
      lastUsedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.audit(ctx, token, 'Create', null, token);
    const [dto] = await this.toDtos([token]);
    return { ...dto, token: value };
  }

  @Put(':tokenId')
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation('updateAccessToken', 'Rename a token; replace the statements of a Service token')
  @ApiOkEnvelope(AccessTokenDto)
  async update(
    @Ctx() ctx: ApiContext,
    @IdParam('tokenId') tokenId: string,
    @Body() body: UpdateAccessTokenDto,
  ): Promise<AccessTokenDto> {
    const before = await this.manageable(ctx, tokenId, body.permissions !== undefined);
    const after = await this.store.accessTokens.update({
      ...before,
      name: body.name?.trim() ?? before.name,
      permissions:
        before.type === 'Service' && body.permissions
          ? this.statements(body.permissions)
          : before.permissions,
      updatedAt: new Date().toISOString(),
    });
    await this.audit(ctx, after, 'Update', before, after);
    return (await this.toDtos([after]))[0];
  }

  @Put(':tokenId/toggle')
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation('toggleAccessToken', 'Activate or deactivate a token')
  @ApiOkEnvelope(AccessTokenDto)
  async toggle(@Ctx() ctx: ApiContext, @IdParam('tokenId') tokenId: string): Promise<AccessTokenDto> {
    const before = await this.manageable(ctx, tokenId);
    const after = await this.store.accessTokens.update({
      ...before,
      status: before.status === 'Active' ? 'Inactive' : 'Active',
      updatedAt: new Date().toISOString(),
    });
    await this.audit(ctx, after, 'Update', before, after);
    return (await this.toDtos([after]))[0];
  }

  @Delete(':tokenId')
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation('deleteAccessToken', 'Delete a token (it stops working at once)')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('tokenId') tokenId: string): Promise<boolean> {
    const token = await this.manageable(ctx, tokenId);
    await this.store.accessTokens.delete(tokenId);
    await this.audit(ctx, token, 'Remove', token, null);
    return true;
  }
}
