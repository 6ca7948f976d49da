import { Body, Delete, Put } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { SecretService } from './secret.service';
import { SecretDto } from './tenancy.dto';
import { CreateSecretDto, UpdateSecretDto } from './tenancy-input.dto';

// Every route's envId is resolved by the guard (Res.env); handlers take @CurrentEnv(). It is
// documented per route: a class-level @ApiParam would list it after the tenant headers.
const ApiEnvId = () => ApiParam({ name: 'envId', type: String });

@ManagementController('envs/:envId/secrets', 'Environment secrets')
export class SecretController {
  constructor(private readonly secrets: SecretService) {}

  @PostOk()
  @Permission('CreateEnvSecret', Res.env())
  @ApiEnvId()
  @Operation('addEnvironmentSecret', 'Add a server or client secret; the response carries its value')
  @ApiOkEnvelope(SecretDto)
  async add(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() routeEnv: Environment,
    @Body() body: CreateSecretDto,
  ): Promise<SecretDto> {
    return SecretDto.from(await this.secrets.add(ctx.actor, ctx.org, project, routeEnv, body));
  }

  @Put(':secretId')
  @Permission('UpdateEnvSecret', Res.env())
  @ApiEnvId()
  @Operation('renameEnvironmentSecret', 'Rename a secret')
  @ApiOkEnvelope(SecretDto)
  async rename(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() routeEnv: Environment,
    @IdParam('secretId') secretId: string,
    @Body() body: UpdateSecretDto,
  ): Promise<SecretDto> {
    return SecretDto.from(await this.secrets.rename(ctx.actor, ctx.org, routeEnv, secretId, body.name));
  }

  @Put(':secretId/rotate')
  @Permission('UpdateEnvSecret', Res.env())
  @ApiEnvId()
  @Operation(
    'rotateEnvironmentSecret',
    'Replace the value of a secret',
    'The old value stops working at once (SDK connections using it are refused on their next handshake). For a rotation without downtime add a second secret, move the SDKs, then remove the old one.',
  )
  @ApiOkEnvelope(SecretDto)
  async rotate(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() routeEnv: Environment,
    @IdParam('secretId') secretId: string,
  ): Promise<SecretDto> {
    return SecretDto.from(await this.secrets.rotate(ctx.actor, ctx.org, project, routeEnv, secretId));
  }

  @Delete(':secretId')
  @Permission('DeleteEnvSecret', Res.env())
  @ApiEnvId()
  @Operation('removeEnvironmentSecret', 'Remove a secret (SDKs using it stop authenticating)')
  @ApiOkEnvelope('boolean')
  async remove(
    @Ctx() ctx: ApiContext,
    @CurrentEnv() routeEnv: Environment,
    @IdParam('secretId') secretId: string,
  ): Promise<boolean> {
    await this.secrets.remove(ctx.actor, ctx.org, routeEnv, secretId);
    return true;
  }
}
