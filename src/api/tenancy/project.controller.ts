import { Body, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { RN } from '../../core/iam/resource-name';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import { Authenticated, Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { CurrentProject } from '../auth/request-state.decorators';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { KeyQueryDto } from '../http/validators';
import { ProjectService } from './project.service';
import { canSeeSecrets, ProjectDto } from './tenancy.dto';
import { CreateProjectDto, UpdateProjectDto } from './tenancy-input.dto';

/** The `:projectId` the guard resolves (Res.project); handlers take @CurrentProject(). */
const ApiProjectId = () => ApiParam({ name: 'projectId', type: String });

@ManagementController('projects', 'Projects')
export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  /** Only the environments the caller may access (CanAccessEnv). */
  private visibleEnvs(ctx: ApiContext, project: Project, envs: Environment[]): Environment[] {
    return envs.filter((e) => ctx.can('CanAccessEnv', RN.env(project.key, e.key)));
  }

  private dto(ctx: ApiContext, project: Project, envs: Environment[]): ProjectDto {
    return ProjectDto.from(project, envs, (e) => canSeeSecrets(ctx, project, e));
  }

  @Get()
  @Authenticated({ scope: 'organization' })
  @Operation('listProjects', 'Projects with environments, filtered to what the caller may access')
  @ApiOkEnvelope(ProjectDto, { isArray: true })
  async list(@Ctx() ctx: ApiContext): Promise<ProjectDto[]> {
    return (await this.projects.listWithEnvironments(ctx.org.id))
      .filter(({ project }) => ctx.can('CanAccessProject', RN.project(project.key)))
      .map(({ project, environments }) =>
        this.dto(ctx, project, this.visibleEnvs(ctx, project, environments)),
      );
  }

  @Get('is-key-used')
  @Permission('CreateProject', Res.anyProject())
  @Operation('isProjectKeyUsed', 'Whether a project key is taken in the organization')
  @ApiOkEnvelope('boolean')
  isKeyUsed(@Ctx() ctx: ApiContext, @Query() query: KeyQueryDto): Promise<boolean> {
    return this.projects.isKeyUsed(ctx.org.id, query.key);
  }

  @Get(':projectId')
  @Permission('CanAccessProject', Res.project())
  @ApiProjectId()
  @Operation('getProject', 'One project with the environments the caller may access')
  @ApiOkEnvelope(ProjectDto)
  async get(@Ctx() ctx: ApiContext, @CurrentProject() project: Project): Promise<ProjectDto> {
    const envs = await this.projects.environmentsOf(project.id);
    return this.dto(ctx, project, this.visibleEnvs(ctx, project, envs));
  }

  @PostOk()
  @Permission('CreateProject', Res.newProject())
  @Operation('createProject', 'Create a project; environments Dev and Prod are created with it')
  @ApiOkEnvelope(ProjectDto)
  async create(@Ctx() ctx: ApiContext, @Body() body: CreateProjectDto): Promise<ProjectDto> {
    const { project, environments } = await this.projects.createProject(ctx.org, ctx.actor, {
      name: body.name.trim(),
      key: body.key,
    });
    return this.dto(ctx, project, environments);
  }

  @Put(':projectId')
  @Permission('UpdateProjectSettings', Res.project())
  @ApiProjectId()
  @Operation('updateProject', 'Rename a project (the key is immutable)')
  @ApiOkEnvelope(ProjectDto)
  async update(
    @Ctx() ctx: ApiContext,
    @CurrentProject() before: Project,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectDto> {
    const { project, environments } = await this.projects.updateProject(
      ctx.org,
      before,
      ctx.actor,
      body.name,
    );
    return this.dto(ctx, project, this.visibleEnvs(ctx, project, environments));
  }

  @Delete(':projectId')
  @Permission('DeleteProject', Res.project())
  @ApiProjectId()
  @Operation('deleteProject', 'Delete a project with all its environments')
  @ApiOkEnvelope('boolean')
  async delete(@Ctx() ctx: ApiContext, @CurrentProject() project: Project): Promise<boolean> {
    await this.projects.deleteProject(ctx.org, project, ctx.actor);
    return true;
  }
}
