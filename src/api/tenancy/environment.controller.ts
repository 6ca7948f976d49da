import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { redactEnvironment } from '../../core/audit/audit-entry';
import { DataStore } from '../../core/ports/data-store.port';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { AuditTrail } from '../audit/audit-trail.service';
import { ApiOkEnvelope } from '../http/api-envelope';
import { IdParam } from '../http/id-param';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { KeyQueryDto } from '../http/validators';
import { ProjectService } from './project.service';
import { canSeeSecrets, EnvironmentDto } from './tenancy.dto';
import { CreateEnvironmentDto, UpdateEnvironmentDto } from './tenancy-input.dto';

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
  isKeyUsed(
    @Ctx() ctx: ApiContext,
    @IdParam('projectId') _p: string,
    @Query() query: KeyQueryDto,
  ): Promise<boolean> {
    return this.store.environments.isKeyUsed(ctx.project!.id, query.key);
  }

  @Get(':envId')
  @Permission('CanAccessEnv', Res.envInProject())
  @Operation('getEnvironment', 'One environment with its secrets and settings')
  @ApiOkEnvelope(EnvironmentDto)
  get(
    @Ctx() ctx: ApiContext,
    @IdParam('projectId') _p: string,
    @IdParam('envId') _e: string,
  ): EnvironmentDto {
    return EnvironmentDto.from(ctx.env!, canSeeSecrets(ctx, ctx.project!, ctx.env!));
  }

  @PostOk()
  @Permission('CreateEnv', Res.project())
  @Operation('createEnvironment', 'Create an environment with a server and a client secret')
  @ApiOkEnvelope(EnvironmentDto)
  async create(
    @Ctx() ctx: ApiContext,
    @IdParam('projectId') _p: string,
    @Body() body: CreateEnvironmentDto,
  ): Promise<EnvironmentDto> {
    const env = await this.projects.createEnvironment(ctx.org, ctx.project!, ctx.actor, {
      name: body.name.trim(),
      key: body.key,
      description: body.description ?? '',
      requireChangeComment: body.settings?.requireChangeComment,
    });
    return EnvironmentDto.from(env, canSeeSecrets(ctx, ctx.project!, env));
  }

  @Put(':envId')
  @Permission('UpdateEnvSettings', Res.envInProject())
  @Operation('updateEnvironment', 'Update name, description and settings (the key is immutable)')
  @ApiOkEnvelope(EnvironmentDto)
  async update(
    @Ctx() ctx: ApiContext,
    @IdParam('projectId') _p: string,
    @IdParam('envId') _e: string,
    @Body() body: UpdateEnvironmentDto,
  ): Promise<EnvironmentDto> {
    const before = ctx.env!;
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
        keywords: [updated.key, updated.name, ctx.project!.key],
        operation: 'Update',
        previous: redactEnvironment(current),
        current: redactEnvironment(updated),
      });
      return updated;
    });
    return EnvironmentDto.from(saved, canSeeSecrets(ctx, ctx.project!, saved));
  }

  @Delete(':envId')
  @Permission('DeleteEnv', Res.envInProject())
  @Operation('deleteEnvironment', 'Delete an environment with its flags, segments and users')
  @ApiOkEnvelope('boolean')
  async delete(
    @Ctx() ctx: ApiContext,
    @IdParam('projectId') _p: string,
    @IdParam('envId') _e: string,
  ): Promise<boolean> {
    await this.projects.deleteEnvironment(ctx.org, ctx.project!, ctx.env!, ctx.actor);
    return true;
  }
}
