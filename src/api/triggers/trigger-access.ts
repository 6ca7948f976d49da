import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import { RN } from '../../core/iam/resource-name';
import type { Trigger } from '../../core/integrations/integrations';
import { TriggerRepository } from '../../core/ports/integrations.repositories';
import { FlagRepository } from '../../core/ports/targeting.repositories';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import type { ResourceResolver } from '../auth/access.decorators';
import type { ApiContext } from '../auth/api-context';
import { isUuid, TenantLookup } from '../auth/tenant-lookup.service';
import { ResourceNotFoundError } from '../http/api-errors';

export interface TriggerTarget {
  flag: FeatureFlag;
  env: Environment;
  project: Project;
}

/** Resolvers receive only TenantLookup; each app's TriggerTargets is found through it. */
const targetsOf = new WeakMap<TenantLookup, TriggerTargets>();

/**
 * FeatBit's trigger routes name a flag by id (`targetId`) or a trigger by id, not by environment:
 * this finds the flag, its environment and project within the caller's organization (404 outside it).
 */
@Injectable()
export class TriggerTargets {
  /** Triggers found while checking access, so the handler does not read them again. */
  private readonly seen = new WeakMap<ApiContext, Trigger>();

  constructor(
    private readonly tenant: TenantLookup,
    private readonly triggers: TriggerRepository,
    private readonly flags: FlagRepository,
  ) {
    targetsOf.set(tenant, this);
  }

  async flag(ctx: ApiContext, flagId: unknown): Promise<TriggerTarget> {
    if (ctx.flag && ctx.env && ctx.project && ctx.flag.id === flagId) {
      return { flag: ctx.flag, env: ctx.env, project: ctx.project };
    }
    const flag = isUuid(flagId) ? await this.flags.findById(flagId.toLowerCase()) : null;
    if (!flag) throw new ResourceNotFoundError('feature flag');
    const { env, project } = await this.tenant.env(ctx, flag.envId);
    ctx.flag = flag;
    return { flag, env, project };
  }

  async trigger(ctx: ApiContext, id: unknown): Promise<{ trigger: Trigger; target: TriggerTarget }> {
    const known = this.seen.get(ctx);
    const trigger =
      known && known.id === id ? known : isUuid(id) ? await this.triggers.findById(id.toLowerCase()) : null;
    if (!trigger) throw new ResourceNotFoundError('trigger');
    let target: TriggerTarget;
    try {
      target = await this.flag(ctx, trigger.targetId);
    } catch (err) {
      if (err instanceof ResourceNotFoundError) throw new ResourceNotFoundError('trigger');
      throw err;
    }
    this.seen.set(ctx, trigger);
    return { trigger, target };
  }
}

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
