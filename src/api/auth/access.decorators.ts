import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { PermissionAction } from '../../core/iam/permissions';
import { ACCESS_RULE } from '../../shared/http/route-access';
import type { ApiContext } from './api-context';
import type { TenantLookup } from './tenant-lookup.service';

// Every route declares how it is accessed; the global access guard refuses any route that declares
// nothing (deny by default). `Public` lives in the shared layer so non-api controllers can use it.

export interface ResourceInput {
  req: FastifyRequest;
  ctx: ApiContext;
  tenant: TenantLookup;
}

/**
 * Computes the resource name a permission is checked against (may 404 on foreign ids). `early`, when
 * present, starts the route's record reads with the access check's own (see TenantLookup.readEarly).
 */
export type ResourceResolver = ((input: ResourceInput) => Promise<string> | string) & {
  early?: (input: ResourceInput) => void;
};

export type TenantScope = 'none' | 'workspace' | 'organization';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated'; scope: TenantScope; sessionOnly: boolean }
  | {
      kind: 'permission';
      scope: 'organization';
      sessionOnly: boolean;
      /** One action, or several of which any one suffices (the handler checks the rest per field). */
      action: PermissionAction | PermissionAction[];
      resource: ResourceResolver;
    };

const tenantHeaders = (scope: TenantScope) =>
  scope === 'none'
    ? []
    : [
        ApiHeader({ name: 'Workspace', required: false, description: 'Workspace id (console sessions)' }),
        ...(scope === 'organization'
          ? [
              ApiHeader({
                name: 'Organization',
                required: false,
                description: 'Organization id (console sessions)',
              }),
            ]
          : []),
      ];

/**
 * Any authenticated caller, without an IAM action: self-service routes (profile, own policies)
 * and lists that filter by permission themselves. `sessionOnly` refuses access tokens.
 */
export const Authenticated = (options: { scope?: TenantScope; sessionOnly?: boolean } = {}) => {
  const scope = options.scope ?? 'none';
  const sessionOnly = options.sessionOnly ?? false;
  return applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'authenticated', scope, sessionOnly } satisfies AccessRule),
    ...(sessionOnly ? [ApiSecurity('jwt')] : [ApiSecurity('jwt'), ApiSecurity('access-token')]),
    ...tenantHeaders(scope),
  );
};

/** The caller's effective policy statements must allow `action` on the resolved resource. */
export const Permission = (
  action: PermissionAction | PermissionAction[],
  resource: ResourceResolver,
  options: { sessionOnly?: boolean } = {},
) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, {
      kind: 'permission',
      scope: 'organization',
      sessionOnly: options.sessionOnly ?? false,
      action,
      resource,
    } satisfies AccessRule),
    ...(options.sessionOnly ? [ApiSecurity('jwt')] : [ApiSecurity('jwt'), ApiSecurity('access-token')]),
    ...tenantHeaders('organization'),
  );
