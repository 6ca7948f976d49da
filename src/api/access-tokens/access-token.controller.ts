import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope, ApiPagedEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { pageOf } from '../http/paging.dto';
import { NameQueryDto } from '../http/validators';
import {
  AccessTokenDto,
  AccessTokenQueryDto,
  CreateAccessTokenDto,
  CreatedAccessTokenDto,
  UpdateAccessTokenDto,
} from './access-token.dto';
import { AccessTokenService, type TokenManager } from './access-token.service';

export class AccessTokenPageDto {
  @ApiProperty() totalCount!: number;
  @ApiProperty({ type: [AccessTokenDto] }) items!: AccessTokenDto[];
}

const SESSION = { sessionOnly: true } as const;

const manager = (ctx: ApiContext): TokenManager => ({ actor: ctx.actor, statements: ctx.statements });

/**
 * API access tokens. Managed from console sessions only (a token cannot mint tokens); the finer
 * rules (Personal vs Service, CanManageIAM for statements) live in AccessTokenService.
 */
@ManagementController('access-tokens', 'Access tokens')
export class AccessTokenController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Get()
  @Permission('ListAccessTokens', Res.accessToken(), SESSION)
  @Operation('listAccessTokens', 'Access tokens of the organization (values are never shown again)')
  @ApiPagedEnvelope(AccessTokenDto)
  list(@Ctx() ctx: ApiContext, @Query() query: AccessTokenQueryDto): Promise<AccessTokenPageDto> {
    return this.tokens.list(ctx.org.id, {
      ...pageOf(query),
      name: query.name,
      creatorId: query.creatorId,
      type: query.type,
    });
  }

  @Get('is-name-used')
  @Permission('ListAccessTokens', Res.accessToken(), SESSION)
  @Operation('isAccessTokenNameUsed', 'Whether a token name is taken')
  @ApiOkEnvelope('boolean')
  isNameUsed(@Ctx() ctx: ApiContext, @Query() query: NameQueryDto): Promise<boolean> {
    return this.tokens.isNameUsed(ctx.org.id, query.name);
  }

  @PostOk()
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation(
    'createAccessToken',
    'Create a Personal or Service token; the value `api-…` is in this response only',
    'Personal tokens act with the creator’s current permissions. Service tokens use their own statements and need CanManageIAM as well.',
  )
  @ApiOkEnvelope(CreatedAccessTokenDto)
  create(@Ctx() ctx: ApiContext, @Body() body: CreateAccessTokenDto): Promise<CreatedAccessTokenDto> {
    return this.tokens.create(manager(ctx), ctx.org.id, body);
  }

  @Put(':tokenId')
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation('updateAccessToken', 'Rename a token; replace the statements of a Service token')
  @ApiOkEnvelope(AccessTokenDto)
  update(
    @Ctx() ctx: ApiContext,
    @IdParam('tokenId') tokenId: string,
    @Body() body: UpdateAccessTokenDto,
  ): Promise<AccessTokenDto> {
    return this.tokens.update(manager(ctx), ctx.org.id, tokenId, body);
  }

  @Put(':tokenId/toggle')
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation('toggleAccessToken', 'Activate or deactivate a token')
  @ApiOkEnvelope(AccessTokenDto)
  toggle(@Ctx() ctx: ApiContext, @IdParam('tokenId') tokenId: string): Promise<AccessTokenDto> {
    return this.tokens.toggle(manager(ctx), ctx.org.id, tokenId);
  }

  @Delete(':tokenId')
  @Permission(['ManagePersonalAccessTokens', 'ManageServiceAccessTokens'], Res.accessToken(), SESSION)
  @Operation('deleteAccessToken', 'Delete a token (it stops working at once)')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @IdParam('tokenId') tokenId: string): Promise<boolean> {
    await this.tokens.delete(manager(ctx), ctx.org.id, tokenId);
    return true;
  }
}
