import { Body, Get, Query, Req, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { WorkspaceRepository } from '../../core/ports/tenancy.repositories';
import { passwordLoginAllowed } from '../../core/tenancy/oidc-settings';
import { Public } from '../../shared/http/route-access';
import { JwtService } from '../auth/jwt.service';
import { ApiOkEnvelope, ErrorEnvelopeDto } from '../http/api-envelope';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { LoginResultDto } from '../identity/identity.dto';
import { setRefreshCookie } from '../identity/refresh-cookie';
import { OidcAuthorizeQueryDto, OidcLoginDto, SsoPreCheckDto, SsoPreCheckQueryDto } from './sso.dto';
import { DEFAULT_WORKSPACE_KEY, SsoService } from './sso.service';
import { clearAttemptCookie, readAttemptCookie, setAttemptCookie } from './sso-state-cookie';

const STATE_KEY_PURPOSE = 'sso-state-cookie';

/** FeatBit's SsoController (`api/v1/sso`), free of licence and SSOEnabled: a workspace with OIDC settings offers it. */
@ManagementController('sso', 'Single sign-on')
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly workspaces: WorkspaceRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  @Get('pre-check')
  @Public()
  @Operation(
    'ssoPreCheck',
    'Whether the login page offers single sign-on',
    'For the workspace named by workspace_key, or the first-boot workspace (key `default`).',
  )
  @ApiOkEnvelope(SsoPreCheckDto)
  async preCheck(@Query() query: SsoPreCheckQueryDto): Promise<SsoPreCheckDto> {
    const workspaceKey = query.workspace_key ?? DEFAULT_WORKSPACE_KEY;
    const workspace = await this.workspaces.findByKey(workspaceKey);
    const sso = workspace?.sso ?? null;
    return {
      isEnabled: Boolean(sso?.oidc),
      workspaceKey: workspace ? workspaceKey : '',
      passwordLoginDisabled: !passwordLoginAllowed(sso),
    };
  }

  @Get('oidc-authorize-url')
  @Public()
  @Operation(
    'ssoOidcAuthorizeUrl',
    'Start an OpenID Connect sign-in (redirects to the identity provider)',
    'Sets the short-lived, encrypted, HttpOnly `sso-oidc` cookie holding the PKCE verifier, state and nonce, then answers 302 to the provider’s authorization endpoint.',
  )
  @ApiResponse({ status: 302, description: 'Redirect to the identity provider' })
  @ApiResponse({
    status: 400,
    description: 'Unknown workspace, SSO not configured or a bad redirect_uri',
    type: ErrorEnvelopeDto,
  })
  @ApiResponse({
    status: 422,
    description: 'The identity provider could not be reached',
    type: ErrorEnvelopeDto,
  })
  async authorize(
    @Query() query: OidcAuthorizeQueryDto,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { url, attempt } = await this.sso.authorizationUrl(query.workspace_key, query.redirect_uri);
    await setAttemptCookie(this.config, await this.jwt.derivedKey(STATE_KEY_PURPOSE), req, reply, attempt);
    void reply.header('cache-control', 'no-store').redirect(url.href, 302);
  }

  @PostOk('oidc/login')
  @Public()
  @Operation(
    'ssoOidcLogin',
    'Finish an OpenID Connect sign-in with the callback’s code',
    'Checks state and nonce against the `sso-oidc` cookie, exchanges the code (PKCE) and validates the ID token; a first sign-in creates the member in the workspace’s first organization with its default permissions. Answers like login-by-email and sets the refresh-token cookie.',
  )
  @ApiOkEnvelope(LoginResultDto)
  async login(
    @Body() body: OidcLoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    const attempt = await readAttemptCookie(await this.jwt.derivedKey(STATE_KEY_PURPOSE), req);
    // One attempt, one try: the cookie goes whatever the outcome, so it cannot be replayed.
    clearAttemptCookie(this.config, req, reply);
    const { session, firstLogin } = await this.sso.login(body, attempt, req.ip);
    setRefreshCookie(this.config, req, reply, session.refreshToken);
    return { isSsoFirstLogin: firstLogin, token: session.token, expiresIn: session.expiresIn };
  }
}
