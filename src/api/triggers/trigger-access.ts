import { createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { RN } from '../../core/iam/resource-name';
import type { Trigger } from '../../core/integrations/integrations';
import { TriggerRepository } from '../../core/ports/integrations.repositories';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import type { ResourceResolver } from '../auth/access.decorators';
import { type ApiContext, contextOf } from '../auth/api-context';
import { RequestStateMissingError } from '../auth/request-state.decorators';
import { isUuid, TenantLookup } from '../auth/tenant-lookup.service';
import { ResourceNotFoundError } from '../http/api-errors';

export interface TriggerTarget {
  flag: FeatureFlag;
  env: Environment;
  project: Project;
}

/** What a trigger route's resolver found: the flag (and trigger), or the kind of record the id missed. */
type Resolution = { target: TriggerTarget; trigger: Trigger | null } | { missing: string };

/** Per request, what TriggerRes resolved (read by the handler through @TriggerState()). */
const resolutions = new WeakMap<ApiContext, Resolution>();

/** Resolvers receive only TenantLookup; each app's TriggerTargets is found through it. */
const targetsOf = new WeakMap<TenantLookup, TriggerTargets>();

/**
 * FeatBit's trigger routes name a flag by id (`targetId`) or a trigger by id, not by environment:
 * this finds the flag, its environment and project within the caller's organization (404 outside it).
 */
@Injectable()
export class TriggerTargets {
  constructor(
    private readonly tenant: TenantLookup,
    private readonly triggers: TriggerRepository,
    private readonly flags: FlagRepository,
  ) {
    targetsOf.set(tenant, this);
  }

  async flag(ctx: ApiContext, flagId: unknown): Promise<TriggerTarget> {
    const target = await this.findFlag(ctx, flagId).catch(missed(ctx, 'feature flag'));
    resolutions.set(ctx, { target, trigger: null });
    return target;
  }

  async trigger(ctx: ApiContext, id: unknown): Promise<{ trigger: Trigger; target: TriggerTarget }> {
    const found = await this.findTrigger(ctx, id).catch(missed(ctx, 'trigger'));
    resolutions.set(ctx, found);
    return found;
  }

  private async findFlag(ctx: ApiContext, flagId: unknown): Promise<TriggerTarget> {
    if (ctx.flag && ctx.env && ctx.project && ctx.flag.id === flagId) {
      return { flag: ctx.flag, env: ctx.env, project: ctx.project };
    }
    const flag = isUuid(flagId) ? await this.flags.findById(flagId.toLowerCase()) : null;
    if (!flag) throw new ResourceNotFoundError('feature flag');
    const { env, project } = await this.tenant.env(ctx, flag.envId);
    ctx.flag = flag;
    return { flag, env, project };
  }

  private async findTrigger(
    ctx: ApiContext,
    id: unknown,
  ): Promise<{ trigger: Trigger; target: TriggerTarget }> {
    const trigger = isUuid(id) ? await this.triggers.findById(id.toLowerCase()) : null;
    if (!trigger) throw new ResourceNotFoundError('trigger');
    try {
      return { trigger, target: await this.findFlag(ctx, trigger.targetId) };
    } catch (err) {
      if (err instanceof ResourceNotFoundError) throw new ResourceNotFoundError('trigger');
      throw err;
    }
  }
}

/** Remembers that the route's id named nothing of the caller's, then rethrows. */
function missed(ctx: ApiContext, what: string): (err: unknown) => never {
  return (err) => {
    if (err instanceof ResourceNotFoundError) resolutions.set(ctx, { missing: what });
    throw err;
  };
}

/**
 * What the route's TriggerRes resolver found, for the handler, which names the id it expects. Unlike
 * @CurrentFlag() it cannot fail while Nest resolves the handler's arguments (all at once): an unknown
 * id passes the access check as a wildcard, and the body and query must still be validated (400)
 * before the handler answers 404. An id other than the resolved one is a programming error (500).
 */
export class TriggerRouteState {
  constructor(
    private readonly resolution: Resolution | undefined,
    private readonly route: string,
  ) {}

  /** The flag `targetId` names, with its environment and project (404 when none of the caller's). */
  target(targetId: string): TriggerTarget {
    const { target } = this.found();
    if (!sameId(target.flag.id, targetId)) throw new RequestStateMissingError(`flag ${targetId}`, this.route);
    return target;
  }

  /** The trigger `id` names, with its flag (404 when none of the caller's). */
  trigger(id: string): { trigger: Trigger; target: TriggerTarget } {
    const { trigger, target } = this.found();
    if (!trigger || !sameId(trigger.id, id)) throw new RequestStateMissingError(`trigger ${id}`, this.route);
    return { trigger, target };
  }

  private found(): { target: TriggerTarget; trigger: Trigger | null } {
    const resolution = this.resolution;
    if (!resolution) throw new RequestStateMissingError('trigger target', this.route);
    if ('missing' in resolution) throw new ResourceNotFoundError(resolution.missing);
    return resolution;
  }
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Injects the request's TriggerRouteState (any route whose access rule is a TriggerRes resolver). */
export const TriggerState = createParamDecorator(
  (_: unknown, context: ExecutionContext): TriggerRouteState => {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    return new TriggerRouteState(
      resolutions.get(contextOf(req)),
      `${req.method} ${req.routeOptions.url ?? req.url}`,
    );
  },
);

function lookup(tenant: TenantLookup): TriggerTargets {
  const targets = targetsOf.get(tenant);
  if (!targets) throw new Error('TriggersModule is not loaded');
  return targets;
}

function from(req: FastifyRequest, where: 'query' | 'body' | 'params', name: string): unknown {
  const source = req[where];
  return source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
}

/**
 * An id that names nothing of the caller's organization resolves to a wildcard resource: only a
 * caller allowed on every flag (or environment) passes, and then the handler answers 404. So a
 * refusal says nothing about whether the id exists elsewhere.
 */
async function orWildcard(resolve: () => Promise<string>, wildcard: string): Promise<string> {
  try {
    return await resolve();
  } catch (err) {
    if (err instanceof ResourceNotFoundError) return wildcard;
    throw err;
  }
}

const ANY_FLAG = RN.flag('*', '*', '*');
const ANY_ENV = RN.env('*', '*');

export const TriggerRes = {
  /** The environment of the flag `targetId` (query or body). */
  envOfTarget:
    (where: 'query' | 'body'): ResourceResolver =>
    ({ req, ctx, tenant }) =>
      orWildcard(async () => {
        const { env, project } = await lookup(tenant).flag(ctx, from(req, where, 'targetId'));
        return RN.env(project.key, env.key);
      }, ANY_ENV),
  /** The flag `targetId` (query or body). */
  flagOfTarget:
    (where: 'query' | 'body'): ResourceResolver =>
    ({ req, ctx, tenant }) =>
      orWildcard(async () => {
        const { flag, env, project } = await lookup(tenant).flag(ctx, from(req, where, 'targetId'));
        return RN.flag(project.key, env.key, flag.key, flag.tags);
      }, ANY_FLAG),
  /** The flag of the trigger `:id`. */
  flagOfTrigger:
    (): ResourceResolver =>
    ({ req, ctx, tenant }) =>
      orWildcard(async () => {
        const { flag, env, project } = (await lookup(tenant).trigger(ctx, from(req, 'params', 'id'))).target;
        return RN.flag(project.key, env.key, flag.key, flag.tags);
      }, ANY_FLAG),
};
