import { Injectable } from '@nestjs/common';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import {
  FlagRepository,
  type SegmentScope,
  SegmentRepository,
} from '../../core/ports/targeting.repositories';
import { EnvironmentRepository, ProjectRepository } from '../../core/ports/tenancy.repositories';
import { type Segment, segmentScopeCovers } from '../../core/segments/segment';
import {
  type Environment,
  environmentResourceName,
  type Organization,
  type Project,
} from '../../core/tenancy/tenancy';
import { ResourceNotFoundError } from '../http/api-errors';
import { KEY_MAX, KEY_PATTERN } from '../http/validators';
import type { ApiContext } from './api-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Whether a route's `key` has the shape every flag key has (anything else is a 404). */
function isFlagKey(value: unknown): value is string {
  return typeof value === 'string' && value.length <= KEY_MAX && KEY_PATTERN.test(value);
}

/**
 * Resolves ids from routes to records of the caller's organization. Anything outside it is reported
 * as not found (404), never as forbidden, so ids of other tenants leak nothing.
 */
@Injectable()
export class TenantLookup {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly environments: EnvironmentRepository,
    private readonly flags: FlagRepository,
    private readonly segments: SegmentRepository,
  ) {}

  async project(ctx: ApiContext, projectId: unknown): Promise<Project> {
    if (ctx.project && ctx.project.id === projectId) return ctx.project;
    const project = isUuid(projectId) ? await this.projects.findById(projectId) : null;
    if (!project || project.organizationId !== ctx.org.id) throw new ResourceNotFoundError('project');
    ctx.project = project;
    return project;
  }

  async env(ctx: ApiContext, envId: unknown): Promise<{ env: Environment; project: Project }> {
    if (ctx.env && ctx.project && ctx.env.id === envId) return { env: ctx.env, project: ctx.project };
    const found = await this.otherEnv(ctx, envId);
    ctx.env = found.env;
    ctx.project = found.project;
    return found;
  }

  /**
   * Starts reading the route's environment (and flag) before the caller's tenant is known, so that
   * they leave in the access check's round trip instead of one of their own. Only `otherEnv` and
   * `flagInEnv` use the answers, after the same checks as their own reads; unused, they are dropped.
   */
  readEarly(ctx: ApiContext, envId: unknown, ids: { key?: unknown; segmentId?: unknown } = {}): void {
    if (!isUuid(envId)) return;
    const env = this.environments.findWithProject(envId);
    const flag = isFlagKey(ids.key) ? { key: ids.key, read: this.flags.findByKey(envId, ids.key) } : null;
    const segmentId = ids.segmentId;
    const segment = isUuid(segmentId) ? { id: segmentId, read: this.segments.findById(segmentId) } : null;
    // Any may go unused when the access check refuses: never leave a rejection unhandled.
    env.catch(() => undefined);
    flag?.read.catch(() => undefined);
    segment?.read.catch(() => undefined);
    ctx.early = { envId, env, flag, segment };
  }

  /** An environment of the caller's organization other than the route's own (copy targets). */
  async otherEnv(ctx: ApiContext, envId: unknown): Promise<{ env: Environment; project: Project }> {
    const early = ctx.early && ctx.early.envId === envId ? ctx.early.env : null;
    const found = isUuid(envId) ? await (early ?? this.environments.findWithProject(envId)) : null;
    if (!found || found.project.organizationId !== ctx.org.id) throw new ResourceNotFoundError('environment');
    return found;
  }

  /** The environment of `envId` within the project `projectId`. */
  async envInProject(
    ctx: ApiContext,
    projectId: unknown,
    envId: unknown,
  ): Promise<{ env: Environment; project: Project }> {
    const found = await this.env(ctx, envId);
    if (found.project.id !== projectId) throw new ResourceNotFoundError('environment');
    return found;
  }

  async flag(ctx: ApiContext, envId: unknown, key: unknown): Promise<FeatureFlag> {
    return (await this.flagInEnv(ctx, envId, key)).flag;
  }

  /** The flag `key` of the environment `envId`, with that environment and its project. */
  async flagInEnv(
    ctx: ApiContext,
    envId: unknown,
    key: unknown,
  ): Promise<{ flag: FeatureFlag; env: Environment; project: Project }> {
    if (ctx.flag && ctx.flag.envId === envId && ctx.flag.key === key) {
      return { flag: ctx.flag, ...(await this.env(ctx, envId)) };
    }
    // The flag is read while the environment is checked (one round trip less on every flag route);
    // it is used only once the environment is known to be the caller's. A key no flag can have
    // (creation validates the shape) is not looked up at all.
    const planned = ctx.early && ctx.early.envId === envId ? ctx.early.flag : null;
    const early = planned && planned.key === key ? planned.read : null;
    const [found, flag] = await Promise.all([
      this.env(ctx, envId),
      isUuid(envId) && isFlagKey(key) ? (early ?? this.flags.findByKey(envId, key)) : null,
    ]);
    if (!flag || flag.envId !== found.env.id) throw new ResourceNotFoundError('feature flag');
    ctx.flag = flag;
    return { flag, ...found };
  }

  /** The scope a segment listing/visibility check uses for this environment. */
  segmentScope(org: Organization, env: Environment, project: Project): SegmentScope {
    return {
      envId: env.id,
      workspaceId: org.workspaceId,
      envResourceName: environmentResourceName(org.key, project.key, env.key),
    };
  }

  /** A segment visible in the environment: its own, or a shared one whose scopes cover it. */
  async segment(ctx: ApiContext, envId: unknown, segmentId: unknown): Promise<Segment> {
    return (await this.segmentInEnv(ctx, envId, segmentId)).segment;
  }

  /** A visible segment (see `segment`), with the environment and project it was looked up from. */
  async segmentInEnv(
    ctx: ApiContext,
    envId: unknown,
    segmentId: unknown,
  ): Promise<{ segment: Segment; env: Environment; project: Project }> {
    if (ctx.segment && ctx.segment.id === segmentId)
      return { segment: ctx.segment, ...(await this.env(ctx, envId)) };
    // As for flags: the segment is read while the environment is checked, and used only after.
    const planned = ctx.early && ctx.early.envId === envId ? ctx.early.segment : null;
    const early = planned && planned.id === segmentId ? planned.read : null;
    const [{ env, project }, segment] = await Promise.all([
      this.env(ctx, envId),
      isUuid(segmentId) ? (early ?? this.segments.findById(segmentId)) : null,
    ]);
    if (!segment || !this.isVisible(ctx.org, segment, env, project))
      throw new ResourceNotFoundError('segment');
    ctx.segment = segment;
    return { segment, env, project };
  }

  isVisible(org: Organization, segment: Segment, env: Environment, project: Project): boolean {
    if (segment.type === 'shared') {
      return (
        segment.workspaceId === org.workspaceId &&
        segmentScopeCovers(segment.scopes, environmentResourceName(org.key, project.key, env.key))
      );
    }
    return segment.envId === env.id;
  }
}
