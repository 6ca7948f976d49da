import { applyDecorators, Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { Permission } from '../auth/access.decorators';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { KeyQueryDto } from '../http/validators';
import { ProjectService } from './project.service';
import { canSeeSecrets, EnvironmentDto } from './tenancy.dto';
import { CreateEnvironmentDto, UpdateEnvironmentDto } from './tenancy-input.dto';

// The guard resolves projectId and envId (Res.project, Res.envInProject); handlers take
// @CurrentProject() / @CurrentEnv(), and the ids are documented per route (a class-level @ApiParam
// would move them after the tenant headers in the document).
const ApiProjectId = () => ApiParam({ name: 'projectId', type: String });
const ApiProjectAndEnvIds = () => applyDecorators(ApiProjectId(), ApiParam({ name: 'envId', type: String }));

@ManagementController('projects/:projectId/envs', 'Environments')
export class EnvironmentController {
  constructor(private readonly projects: ProjectService) {}

  @Get('is-key-used')
  @Permission('CreateEnv', Res.project())
  @Operation('isEnvironmentKeyUsed', 'Whether an environment key is taken in the project')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@IdParam('projectId') projectId: string, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.projects.isEnvironmentKeyUsed(projectId, query.key);
  }

  @Get(':envId')
  @Permission('CanAccessEnv', Res.envInProject())
  @ApiProjectAndEnvIds()
  @Operation('getEnvironment', 'One environment with its secrets and settings')
  @ApiOkEnvelope(EnvironmentDto)
  get(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
  ): EnvironmentDto {
    return EnvironmentDto.from(env, canSeeSecrets(ctx, project, env));
  }

  @PostOk()
  @Permission('CreateEnv', Res.project())
  @ApiProjectId()
  @Operation('createEnvironment', 'Create an environment with a server and a client secret')
  @ApiOkEnvelope(EnvironmentDto)
  async create(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @Body() body: CreateEnvironmentDto,
  ): Promise<EnvironmentDto> {
    const env = await this.projects.createEnvironment(ctx.org, project, ctx.actor, {
      name: body.name.trim(),
      key: body.key,
      description: body.description ?? '',
      requireChangeComment: body.settings?.requireChangeComment,
    });
    return EnvironmentDto.from(env, canSeeSecrets(ctx, project, env));
  }

  @Put(':envId')
  @Permission('UpdateEnvSettings', Res.envInProject())
  @ApiProjectAndEnvIds()
  @Operation('updateEnvironment', 'Update name, description and settings (the key is immutable)')
  @ApiOkEnvelope(EnvironmentDto)
  async update(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() before: Environment,
    @Body() body: UpdateEnvironmentDto,
  ): Promise<EnvironmentDto> {
    const saved = await this.projects.updateEnvironment(ctx.org, project, before, ctx.actor, body);
    return EnvironmentDto.from(saved, canSeeSecrets(ctx, project, saved));
  }

  @Delete(':envId')
  @Permission('DeleteEnv', Res.envInProject())
  @ApiProjectAndEnvIds()
  @Operation('deleteEnvironment', 'Delete an environment with its flags, segments and users')
  @ApiOkEnvelope('boolean')
  async delete(
    @Ctx() ctx: ApiContext,
    @CurrentProject() project: Project,
    @CurrentEnv() env: Environment,
  ): Promise<boolean> {
    await this.projects.deleteEnvironment(ctx.org, project, env, ctx.actor);
    return true;
  }
}
