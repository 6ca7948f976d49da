import { applyDecorators, Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { redactEnvironment } from '../../core/audit/audit-entry';
import { DataStore } from '../../core/ports/data-store.port';
import { Permission } from '../auth/access.decorators';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentEnv, CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { AuditTrail } from '../audit/audit-trail.service';
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
  constructor(
    private readonly store: DataStore,
    private readonly projects: ProjectService,
    private readonly audit: AuditTrail,
  ) {}

  @Get('is-key-used')
  @Permission('CreateEnv', Res.project())
  @Operation('isEnvironmentKeyUsed', 'Whether an environment key is taken in the project')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@IdParam('projectId') projectId: string, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.store.environments.isKeyUsed(projectId, query.key);
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
    const saved = await this.store.transaction(async (tx) => {
      // Re-read inside the transaction so concurrent secret changes are not overwritten.
      const current = (await tx.environments.findById(before.id)) ?? before;
      const updated = await tx.environments.update({
        ...current,
        name: body.name?.trim() ?? current.name,
        description: body.description ?? current.description,
        settings: { ...current.settings, ...(body.settings ?? {}) },
        updatedAt: new Date().toISOString(),
      });
      await this.audit.record(tx, ctx.actor, {
        organizationId: ctx.org.id,
        envId: before.id,
        refType: 'Environment',
        refId: before.id,
        keywords: [updated.key, updated.name, project.key],
        operation: 'Update',
        previous: redactEnvironment(current),
        current: redactEnvironment(updated),
      });
      return updated;
    });
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
