import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { OrganizationRepository, WorkspaceRepository } from '../../core/ports/tenancy.repositories';
import { Logger } from '../../core/ports/logger.port';
import type { PolicyStatement } from '../../core/iam/iam';
import type { Organization, OrganizationMember, Workspace } from '../../core/tenancy/tenancy';
import { ForbiddenError, ValidationFailedError } from '../http/api-errors';
import { ACCESS_RULE } from '../../shared/http/route-access';
import type { AccessRule, TenantScope } from './access.decorators';
import { type ApiContext, contextOf, type Principal } from './api-context';
import { Authenticator } from './authenticator.service';
import { EffectivePolicies } from './effective-policies.service';
import { isUuid, TenantLookup } from './tenant-lookup.service';

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A signed-in user's tenant reads, started together (see `startTenantReads`). */
interface TenantReads {
  userId: string;
  /** The Organization header when it is a uuid. */
  orgId: string | null;
  workspaces: Promise<Workspace[]>;
  namedOrg: Promise<Organization | null>;
  membership: { member: Promise<OrganizationMember | null>; statements: Promise<PolicyStatement[]> } | null;
}

/**
 * The global access guard of every Nest route: authenticate, resolve the tenant (workspace, organization,
 * membership), load the effective policy statements and check the route's declared permission.
 * What a route requires comes only from the matched route's metadata, never from the URL (an
 * encoded spelling of a path reaches the same handler); a route without a declaration is refused.
 */
@Injectable()
export class ApiAccessGuard implements CanActivate {
  private readonly log: Logger;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly policies: EffectivePolicies,
    private readonly tenant: TenantLookup,
    private readonly organizations: OrganizationRepository,
    private readonly workspaces: WorkspaceRepository,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'access-guard' });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const ctx = contextOf(req);
    ctx.ip = req.ip;
    if (rule?.kind === 'public') return true;

    // The tenant reads go out with the session's own (one round trip), once the token's signature
    // names the user; they are used only after the session checks out.
    const early: { reads?: TenantReads } = {};
    ctx.principal = await this.authenticator.authenticate(req.headers.authorization, (userId) => {
      if (rule && rule.scope !== 'none') early.reads = this.startTenantReads(req, userId, rule.scope);
      if (rule?.kind === 'permission') rule.resource.early?.({ req, ctx, tenant: this.tenant });
    });
    if (!rule) {
      this.log.error('route without an access declaration refused', {
        path: req.routeOptions.url,
      });
      throw new ForbiddenError('this route has no access declaration');
    }
    if (rule.sessionOnly && ctx.principal.kind !== 'user') {
      throw new ForbiddenError('access tokens cannot use this route; sign in instead');
    }
    await this.resolveTenant(req, ctx, ctx.principal, rule.scope, early.reads);
    if (rule.kind === 'permission') {
      const resource = await rule.resource({ req, ctx, tenant: this.tenant });
      const actions = Array.isArray(rule.action) ? rule.action : [rule.action];
      if (!actions.some((action) => ctx.can(action, resource))) {
        throw new ForbiddenError(`not allowed: ${actions.join(' or ')} on ${resource}`);
      }
    }
    return true;
  }

  private async resolveTenant(
    req: FastifyRequest,
    ctx: ApiContext,
    principal: Principal,
    scope: TenantScope,
    early: TenantReads | undefined,
  ): Promise<void> {
    if (scope === 'none') return;
    if (principal.kind === 'access-token') {
      // The token fixes the tenant; headers are ignored (as FeatBit fills them in from the token).
      const org = await this.organizations.findById(principal.token.organizationId);
      const workspace = org ? await this.workspaces.findById(org.workspaceId) : null;
      if (!org || !workspace) throw new ForbiddenError('the access token belongs to no organization');
      ctx.organization = org;
      ctx.workspace = workspace;
      if (principal.token.type === 'Service') ctx.statements = principal.token.permissions;
      else {
        const member = principal.creator
          ? await this.organizations.findMember(org.id, principal.creator.id)
          : null;
        ctx.statements = member ? await this.policies.statementsOf(org.id, member.userId) : [];
      }
      return;
    }

    const user = principal.user;
    const orgHeader = header(req, 'organization');
    const wsHeader = header(req, 'workspace');
    const reads = early?.userId === user.id ? early : this.startTenantReads(req, user.id, scope);
    const [workspaces, namedOrg] = await Promise.all([reads.workspaces, reads.namedOrg]);
    let workspaceId: string;
    let org = null;
    if (orgHeader !== undefined) {
      org = namedOrg;
      if (!org) throw new ForbiddenError('unknown organization');
      if (wsHeader !== undefined && wsHeader !== org.workspaceId) {
        throw new ForbiddenError('the organization does not belong to the workspace');
      }
      workspaceId = org.workspaceId;
    } else if (wsHeader !== undefined) {
      workspaceId = wsHeader;
    } else if (workspaces.length === 1) {
      workspaceId = workspaces[0].id;
    } else {
      throw ValidationFailedError.of('Workspace', 'workspace_is_required', 'send the Workspace header');
    }
    const workspace = workspaces.find((w) => w.id === workspaceId);
    if (!workspace) throw new ForbiddenError('you are not a member of this workspace');
    ctx.workspace = workspace;
    if (scope === 'workspace') return;

    if (!org) {
      const orgs = await this.organizations.listForUser(workspace.id, user.id);
      if (orgs.length !== 1) {
        throw ValidationFailedError.of(
          'Organization',
          'organization_is_required',
          'send the Organization header',
        );
      }
      org = orgs[0];
    }
    const prefetched = reads.membership !== null && reads.orgId === org.id ? reads.membership : null;
    const member = await (prefetched?.member ?? this.organizations.findMember(org.id, user.id));
    if (!member) throw new ForbiddenError('you are not a member of this organization');
    ctx.organization = org;
    ctx.statements = await (prefetched?.statements ?? this.policies.statementsOf(org.id, user.id));
  }

  /**
   * With an Organization header every tenant read depends only on it and the user: they start
   * together (one round trip instead of five). The checks still run in order, and membership and
   * statements are used only after they pass.
   */
  private startTenantReads(req: FastifyRequest, userId: string, scope: TenantScope): TenantReads {
    const orgHeader = header(req, 'organization');
    const orgId = orgHeader !== undefined && isUuid(orgHeader) ? orgHeader : null;
    const workspaces = this.workspaces.listForUser(userId);
    const namedOrg = orgId !== null ? this.organizations.findById(orgId) : Promise.resolve(null);
    // Either may go unused when an earlier check refuses: never leave a rejection unhandled.
    workspaces.catch(() => undefined);
    namedOrg.catch(() => undefined);
    const membership =
      orgId !== null && scope !== 'workspace' ? this.prefetchMembership(orgId, userId) : null;
    return { userId, orgId, workspaces, namedOrg, membership };
  }

  /** Membership and policy statements of a user in an organization, read concurrently. */
  private prefetchMembership(orgId: string, userId: string) {
    const member = this.organizations.findMember(orgId, userId);
    const statements = this.policies.statementsOf(orgId, userId);
    // Either may go unused when an earlier check refuses: never leave a rejection unhandled.
    member.catch(() => undefined);
    statements.catch(() => undefined);
    return { member, statements };
  }
}
