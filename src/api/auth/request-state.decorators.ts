import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { Segment } from '../../core/segments/segment';
import type { Environment, Project } from '../../core/tenancy/tenancy';
import type { Actor } from '../../core/iam/actor';
import { type ApiContext, contextOf } from './api-context';

// Typed access to what the access guard resolved for a request. A handler names what it needs
// (`@CurrentFlag() flag: FeatureFlag`) instead of asserting a context field non-null: when the route's access rule
// resolves nothing for it (say `Res.env()` on a route whose handler wants the flag), the request
// fails loudly as a programming error instead of crashing somewhere inside the handler.

/**
 * A handler asked for request state the guard did not resolve: a mismatch between the route's
 * `@Permission`/`@Authenticated` declaration and the handler, never the client's fault (500).
 */
export class RequestStateMissingError extends Error {
  constructor(
    readonly missing: string,
    readonly route: string,
  ) {
    super(`${route}: the handler needs the ${missing}, which the route's access rule did not resolve`);
    this.name = 'RequestStateMissingError';
  }
}

function routeOf(req: FastifyRequest): string {
  return `${req.method} ${req.routeOptions.url ?? req.url}`;
}

/** A parameter decorator returning `read(ctx)`, or failing with RequestStateMissingError on null. */
function requestState<T>(missing: string, read: (ctx: ApiContext) => T | null) {
  return createParamDecorator((_: unknown, context: ExecutionContext): T => {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const value = read(contextOf(req));
    if (value === null) throw new RequestStateMissingError(missing, routeOf(req));
    return value;
  });
}

/** The environment the route's `envId` resolved to (Res.env, Res.envInProject, Res.flag, Res.segment…). */
export const CurrentEnv = requestState<Environment>('environment', (ctx) => ctx.env);
/** The project of the route (Res.project) or of its environment. */
export const CurrentProject = requestState<Project>('project', (ctx) => ctx.project);
/** The flag the route's `envId` and `key` resolved to (Res.flag). */
export const CurrentFlag = requestState<FeatureFlag>('feature flag', (ctx) => ctx.flag);
/** The segment the route's `envId` and `segmentId` resolved to (Res.segment). */
export const CurrentSegment = requestState<Segment>('segment', (ctx) => ctx.segment);
/** Who is acting, as recorded in audit logs (any authenticated route). */
export const CurrentActor = requestState<Actor>('principal', (ctx) => (ctx.principal ? ctx.actor : null));
