import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/iam/actor';
import type { AccessToken, AccessTokenType, PolicyStatement } from '../../core/iam/iam';
import type { PermissionAction } from '../../core/iam/permissions';
import { isAllowed } from '../../core/iam/policy-decision';
import { RN } from '../../core/iam/resource-name';
import { validateStatements } from '../../core/iam/statement-validation';
import { DataStore } from '../../core/ports/data-store.port';
import { type AccessTokenSearch, AccessTokenRepository } from '../../core/ports/iam.repositories';
import type { Page } from '../../core/shared/paging';
import { ActorDirectory } from '../audit/actor-directory.service';
import { AuditTrail } from '../audit/audit-trail.service';
import { newAccessTokenValue, sha256Hex, tokenPrefixOf } from '../auth/token-hash';
import { ForbiddenError, ResourceNotFoundError, ValidationFailedError } from '../http/api-errors';
import type { AccessTokenDto } from './access-token.dto';

/** The signed-in user managing tokens, with the statements they hold in the organization. */
export interface TokenManager {
  actor: Actor;
  statements: PolicyStatement[];
}

type StatementInput = Omit<PolicyStatement, 'id'> & { id?: string };

/**
 * API access tokens of an organization. Personal tokens are managed by their creator (or an IAM
 * manager); Service tokens carry their own statements, so setting them also needs CanManageIAM:
 * otherwise anyone allowed to manage tokens could grant a token more than they have themselves.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly store: DataStore,
    private readonly tokens: AccessTokenRepository,
    private readonly actors: ActorDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async list(organizationId: string, search: AccessTokenSearch): Promise<Page<AccessTokenDto>> {
    const page = await this.tokens.list(organizationId, search);
    return { totalCount: page.totalCount, items: await this.describe(page.items) };
  }

  isNameUsed(organizationId: string, name: string): Promise<boolean> {
    return this.tokens.isNameUsed(organizationId, name);
  }

  /** Creates a token; its value is returned here only (the store keeps its hash). */
  async create(
    manager: TokenManager,
    organizationId: string,
    input: { name: string; type: AccessTokenType; permissions?: StatementInput[] },
  ): Promise<AccessTokenDto & { token: string }> {
    if (input.type === 'Personal') demand(manager, 'ManagePersonalAccessTokens', RN.accessToken());
    else {
      demand(manager, 'ManageServiceAccessTokens', RN.accessToken());
      demand(manager, 'CanManageIAM', RN.iam());
    }
    const permissions = input.type === 'Service' ? statementsOf(input.permissions) : [];
    const value = newAccessTokenValue();
    const now = new Date().toISOString();
    const token = await this.store.transaction(async (tx) => {
      const created = await tx.accessTokens.create({
        id: randomUUID(),
        organizationId,
        name: input.name.trim(),
        type: input.type,
        status: 'Active',
        tokenHash: sha256Hex(value),
        tokenPrefix: tokenPrefixOf(value),
        creatorId: manager.actor.userId,
        permissions,
        lastUsedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, manager.actor, created, 'Create', null, created);
      return created;
    });
    const [dto] = await this.describe([token]);
    return { ...dto, token: value };
  }

  /** Renames a token; replaces the statements of a Service token. */
  async update(
    manager: TokenManager,
    organizationId: string,
    tokenId: string,
    input: { name?: string; permissions?: StatementInput[] },
  ): Promise<AccessTokenDto> {
    const before = await this.manageable(manager, organizationId, tokenId, input.permissions !== undefined);
    return this.save(manager.actor, before, {
      ...before,
      name: input.name?.trim() ?? before.name,
      permissions:
        before.type === 'Service' && input.permissions ? statementsOf(input.permissions) : before.permissions,
    });
  }

  async toggle(manager: TokenManager, organizationId: string, tokenId: string): Promise<AccessTokenDto> {
    const before = await this.manageable(manager, organizationId, tokenId);
    return this.save(manager.actor, before, {
      ...before,
      status: before.status === 'Active' ? 'Inactive' : 'Active',
    });
  }

  async delete(manager: TokenManager, organizationId: string, tokenId: string): Promise<void> {
    const token = await this.manageable(manager, organizationId, tokenId);
    await this.store.transaction(async (tx) => {
      await tx.accessTokens.delete(tokenId);
      await this.record(tx, manager.actor, token, 'Remove', token, null);
    });
  }

  private async save(actor: Actor, before: AccessToken, changed: AccessToken): Promise<AccessTokenDto> {
    const after = await this.store.transaction(async (tx) => {
      const saved = await tx.accessTokens.update({ ...changed, updatedAt: new Date().toISOString() });
      await this.record(tx, actor, saved, 'Update', before, saved);
      return saved;
    });
    return (await this.describe([after]))[0];
  }

  /** Who may change a token: Personal ones by their creator, Service ones by token managers with IAM rights. */
  private async manageable(
    manager: TokenManager,
    organizationId: string,
    tokenId: string,
    changesPermissions = false,
  ): Promise<AccessToken> {
    const token = await this.tokens.findById(tokenId);
    if (!token || token.organizationId !== organizationId) throw new ResourceNotFoundError('access token');
    if (token.type === 'Personal') {
      demand(manager, 'ManagePersonalAccessTokens', RN.accessToken());
      if (
        token.creatorId !== manager.actor.userId &&
        !isAllowed(manager.statements, 'CanManageIAM', RN.iam())
      ) {
        throw new ForbiddenError('only its creator manages a personal access token');
      }
    } else {
      demand(manager, 'ManageServiceAccessTokens', RN.accessToken());
      if (changesPermissions) demand(manager, 'CanManageIAM', RN.iam());
    }
    return token;
  }

  private async describe(tokens: AccessToken[]): Promise<AccessTokenDto[]> {
    const actors = await this.actors.resolve(tokens.map((t) => t.creatorId));
    return tokens.map((t) => {
      const a = actors.get(t.creatorId);
      return {
        id: t.id,
        name: t.name,
        type: t.type,
        status: t.status,
        token: `${t.tokenPrefix}…`,
        permissions: t.type === 'Service' ? t.permissions : [],
        lastUsedAt: t.lastUsedAt,
        creator: { id: t.creatorId, name: a?.name ?? 'Unknown', email: a?.email ?? '' },
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
      };
    });
  }

  private record(
    tx: DataStore,
    actor: Actor,
    token: AccessToken,
    operation: 'Create' | 'Update' | 'Remove',
    previous: AccessToken | null,
    current: AccessToken | null,
  ): Promise<void> {
    // The hash never reaches the audit log.
    const strip = (t: AccessToken | null) => (t ? { ...t, tokenHash: undefined } : null);
    return this.audit.recordInOrganization(tx, actor, token.organizationId, {
      refType: 'AccessToken',
      refId: token.id,
      keywords: [token.name, token.tokenPrefix],
      operation,
      previous: strip(previous),
      current: strip(current),
    });
  }
}

function demand(manager: TokenManager, action: PermissionAction, resource: string): void {
  if (!isAllowed(manager.statements, action, resource)) {
    throw new ForbiddenError(`not allowed: ${action} on ${resource}`);
  }
}

function statementsOf(input: StatementInput[] | undefined): PolicyStatement[] {
  const statements = (input ?? []).map((s) => ({
    id: s.id ?? randomUUID(),
    resourceType: s.resourceType,
    effect: s.effect,
    actions: [...new Set(s.actions)],
    resources: [...new Set(s.resources)],
  }));
  const problems = validateStatements(statements, 'permissions');
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return statements;
}
