import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import {
  OrganizationRepository,
  UserRepository,
  WorkspaceRepository,
} from '../../core/ports/tenancy.repositories';
import { mapOidcClaims } from '../../core/tenancy/oidc-settings';
import type { OidcConfig, UserAccount, Workspace } from '../../core/tenancy/tenancy';
import { BusinessRuleError, UnauthorizedError, ValidationFailedError } from '../http/api-errors';
import { MemberService } from '../iam/member.service';
import { type Session, SessionService } from '../identity/session.service';
import type { SsoAttempt } from './sso-state-cookie';

/** The first-boot workspace key, the one the login page offers when none is named (as FeatBit's default workspace). */
export const DEFAULT_WORKSPACE_KEY = 'default';
/** Discovery documents are fetched again after this long (a provider may rotate endpoints). */
const DISCOVERY_TTL_MS = 10 * 60_000;
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface SsoLogin {
  session: Session;
  /** The account was created by this sign-in (FeatBit's `isSsoFirstLogin`). */
  firstLogin: boolean;
}

/**
 * OpenID Connect sign-in for a workspace: authorization-code flow with PKCE (S256), state and nonce,
 * through openid-client (discovery, token exchange, ID-token validation). A first sign-in creates the
 * account (origin Sso) and joins the workspace's first organization with its default permissions
 * (MemberService.join, the logic of FeatBit's join-organization).
 */
@Injectable()
export class SsoService {
  private readonly configs = new Map<
    string,
    { fingerprint: string; at: number; config: oidc.Configuration }
  >();
  private readonly log: Logger;

  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly store: DataStore,
    private readonly members: MemberService,
    private readonly sessions: SessionService,
    logger: Logger,
  ) {
    this.log = logger.child({ component: 'sso' });
  }

  /** The workspace and its OIDC settings, or a 400 naming what is missing (FeatBit's ValidateOidcAsync). */
  async configured(workspaceKey: string): Promise<{ workspace: Workspace; config: OidcConfig }> {
    const workspace = await this.workspaces.findByKey(workspaceKey);
    if (!workspace)
      throw ValidationFailedError.of('workspaceKey', 'workspace_not_found', 'workspace not found');
    const config = workspace.sso?.oidc;
    if (!config) {
      throw ValidationFailedError.of('workspaceKey', 'sso_not_configured', 'SSO (OIDC) is not configured');
    }
    return { workspace, config };
  }

  /** Starts an attempt: the provider's authorization URL and what the state cookie keeps. */
  async authorizationUrl(
    workspaceKey: string,
    redirectUri: string,
  ): Promise<{ url: URL; attempt: SsoAttempt }> {
    if (!URL.canParse(redirectUri) || !/^https?:$/.test(new URL(redirectUri).protocol)) {
      throw ValidationFailedError.of(
        'redirect_uri',
        'redirect_uri_is_invalid',
        'redirect_uri must be an http(s) URL',
      );
    }
    const { workspace, config } = await this.configured(workspaceKey);
    const client = await this.client(workspace, config);
    const attempt: SsoAttempt = {
      workspaceKey,
      redirectUri,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: redirectUri,
      scope: config.scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url, attempt };
  }

  /**
   * Finishes an attempt: the callback's code is exchanged with the verifier, the ID token validated
   * (issuer, audience, expiry, nonce) and its claims mapped; then the member signs in.
   */
  async login(
    input: { code: string; redirectUri: string; workspaceKey: string; state?: string; iss?: string },
    attempt: SsoAttempt | null,
    ip: string,
  ): Promise<SsoLogin> {
    const { workspace, config } = await this.configured(input.workspaceKey);
    if (
      !attempt ||
      attempt.workspaceKey !== input.workspaceKey ||
      attempt.redirectUri !== input.redirectUri
    ) {
      throw new UnauthorizedError('this sign-in was not started here or has expired; start it again');
    }
    const client = await this.client(workspace, config);
    const callback = new URL(input.redirectUri);
    callback.search = '';
    callback.searchParams.set('code', input.code);
    if (input.state !== undefined) callback.searchParams.set('state', input.state);
    if (input.iss !== undefined) callback.searchParams.set('iss', input.iss);
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(client, callback, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.log.warn('OIDC sign-in refused', { workspaceId: workspace.id, reason });
      throw new BusinessRuleError('SsoLoginFailed', `single sign-on failed: ${reason}`);
    }
    const identity = mapOidcClaims(claims, config);
    if (!identity.ok) throw new BusinessRuleError('SsoLoginFailed', identity.reason);
    const { user, created } = await this.account(workspace, identity.email, identity.name);
    return { session: await this.sessions.startExternal(user, ip), firstLogin: created };
  }

  /**
   * The account the identity provider vouched for. A new e-mail gets an account in this workspace; an
   * existing one must belong to this workspace only, so one workspace's provider cannot sign in to an
   * account that also reaches another workspace.
   */
  private async account(
    workspace: Workspace,
    email: string,
    name: string,
  ): Promise<{ user: UserAccount; created: boolean }> {
    let user = await this.users.findByEmail(email);
    let created = false;
    if (user) {
      const theirs = await this.workspaces.listForUser(user.id);
      if (theirs.length !== 1 || theirs[0].id !== workspace.id) {
        throw new BusinessRuleError(
          'SsoAccountConflict',
          'an account with this e-mail belongs to another workspace; ask an administrator',
        );
      }
    } else {
      const now = new Date().toISOString();
      const account: UserAccount = {
        id: randomUUID(),
        email,
        name,
        passwordHash: '',
        origin: 'Sso',
        createdAt: now,
        updatedAt: now,
      };
      await this.store.transaction(async (tx) => {
        await tx.users.create(account);
        await tx.workspaces.addUser(workspace.id, account.id);
      });
      user = account;
      created = true;
    }
    // A member of no organization yet (first sign-in, or one whose join failed) joins the default one.
    if ((await this.organizations.listForUser(workspace.id, user.id)).length === 0) {
      const [defaultOrg] = await this.organizations.listByWorkspace(workspace.id);
      if (defaultOrg) await this.members.join(defaultOrg, user);
    }
    return { user, created };
  }

  /** The openid-client configuration of the workspace (discovery, explicit endpoints win), cached. */
  private async client(workspace: Workspace, config: OidcConfig): Promise<oidc.Configuration> {
    const fingerprint = createHash('sha256').update(JSON.stringify(config)).digest('hex');
    const cached = this.configs.get(workspace.id);
    if (cached && cached.fingerprint === fingerprint && Date.now() - cached.at < DISCOVERY_TTL_MS) {
      return cached.config;
    }
    const auth =
      config.clientAuthenticationMethod === 'client_secret_post'
        ? oidc.ClientSecretPost(config.clientSecret)
        : config.clientAuthenticationMethod === 'client_secret_basic'
          ? oidc.ClientSecretBasic(config.clientSecret)
          : oidc.None();
    // Plain HTTP only when the administrator configured an http issuer (a provider on a private network).
    const insecure = new URL(config.issuer).protocol === 'http:';
    let discovered: oidc.Configuration;
    try {
      discovered = await oidc.discovery(new URL(config.issuer), config.clientId, undefined, auth, {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_SECONDS,
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new BusinessRuleError(
        'SsoProviderUnavailable',
        `the identity provider could not be reached: ${reason}`,
      );
    }
    let client = discovered;
    if (config.authorizationEndpoint || config.tokenEndpoint) {
      // The helper methods of the discovered metadata are not metadata.
      const server = Object.fromEntries(
        Object.entries(discovered.serverMetadata()).filter(([, v]) => typeof v !== 'function'),
      ) as oidc.ServerMetadata;
      client = new oidc.Configuration(
        {
          ...server,
          authorization_endpoint: config.authorizationEndpoint || server.authorization_endpoint,
          token_endpoint: config.tokenEndpoint || server.token_endpoint,
        },
        config.clientId,
        undefined,
        auth,
      );
    }
    if (insecure) oidc.allowInsecureRequests(client);
    client.timeout = PROVIDER_TIMEOUT_SECONDS;
    this.configs.set(workspace.id, { fingerprint, at: Date.now(), config: client });
    return client;
  }
}
