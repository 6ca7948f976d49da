import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { FeatureFlag } from '../../core/flags/feature-flag';
import type { Actor } from '../../core/iam/actor';
import type { AccessToken, PolicyStatement } from '../../core/iam/iam';
import type { PermissionAction } from '../../core/iam/permissions';
import { isAllowed } from '../../core/iam/policy-decision';
import type { Segment } from '../../core/segments/segment';
import type { Environment, Organization, Project, UserAccount, Workspace } from '../../core/tenancy/tenancy';
import { ForbiddenError, UnauthorizedError } from '../http/api-errors';

export interface EarlyReads {
  envId: string;
  env: Promise<{ env: Environment; project: Project } | null>;
  flag: { key: string; read: Promise<FeatureFlag | null> } | null;
  segment: { id: string; read: Promise<Segment | null> } | null;
}

/** Who is calling: a signed-in user (JWT) or an API access token. */
export type Principal =
  | { kind: 'user'; user: UserAccount; sessionId: string }
  | { kind: 'access-token'; token: AccessToken; creator: UserAccount | null };

/**
 * Everything the access guard established for one request: the principal, its tenant, its
 * effective policy statements and the resources the route's ids resolved to (already checked to
 * belong to the caller's organization).
 */
export class ApiContext {
  principal: Principal | null = null;
  workspace: Workspace | null = null;
  organization: Organization | null = null;
  statements: PolicyStatement[] = [];
  project: Project | null = null;
  env: Environment | null = null;
  flag: FeatureFlag | null = null;
  segment: Segment | null = null;
  /**
   * Reads of the route's records started with the access check's (TenantLookup.readEarly); only
   * TenantLookup uses them, after the same checks as reads it starts itself.
   */
  early: EarlyReads | null = null;
  /** The client address (for refresh-token bookkeeping and rate limits). */
  ip = '';

  get user(): UserAccount {
    const p = this.requirePrincipal();
    if (p.kind === 'user') return p.user;
    if (p.creator) return p.creator;
    throw new UnauthorizedError('the access token has no creator');
  }

  get actor(): Actor {
    const p = this.requirePrincipal();
    if (p.kind === 'user') return { creatorId: p.user.id, kind: 'user', userId: p.user.id };
    return { creatorId: p.token.id, kind: 'access-token', userId: p.token.creatorId };
  }

  get org(): Organization {
    if (!this.organization) throw new ForbiddenError('no organization selected');
    return this.organization;
  }

  get ws(): Workspace {
    if (!this.workspace) throw new ForbiddenError('no workspace selected');
    return this.workspace;
  }

  can(action: PermissionAction, resource: string): boolean {
    return isAllowed(this.statements, action, resource);
  }

  /** Throws 403 unless the caller's statements allow `action` on `resource`. */
  require(action: PermissionAction, resource: string): void {
    if (!this.can(action, resource)) throw new ForbiddenError(`not allowed: ${action} on ${resource}`);
  }

  private requirePrincipal(): Principal {
    if (!this.principal) throw new UnauthorizedError();
    return this.principal;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    apiContext?: ApiContext;
  }
}

export function contextOf(req: FastifyRequest): ApiContext {
  req.apiContext ??= new ApiContext();
  return req.apiContext;
}

/** Injects the request's ApiContext into a handler parameter. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): ApiContext => {
  return contextOf(context.switchToHttp().getRequest<FastifyRequest>());
});
