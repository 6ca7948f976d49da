import { Body, Put, Req, Res } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { Public } from '../../shared/http/route-access';
import { Authenticated } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ManagementController, Operation, PostOk } from '../http/management-controller.decorator';
import { LoginByEmailDto, LoginResultDto, ResetPasswordDto, ResetPasswordResultDto } from './identity.dto';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie';
import { SessionService } from './session.service';

@ManagementController('identity', 'Identity')
export class IdentityController {
  constructor(
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
  ) {}

  @PostOk('login-by-email')
  @Public()
  @Operation(
    'loginByEmail',
    'Sign in with e-mail and password',
    'Returns a short-lived JWT and sets the HttpOnly refresh-token cookie. Rate limited per account and per address (429).',
  )
  @ApiOkEnvelope(LoginResultDto)
  async login(
    @Body() body: LoginByEmailDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    const session = await this.sessions.login(body.email, body.password, req.ip);
    setRefreshCookie(this.config, req, reply, session.refreshToken);
    return { isSsoFirstLogin: false, token: session.token, expiresIn: session.expiresIn };
  }

  @PostOk('refresh-token')
  @Public()
  @ApiCookieAuth('refresh-token')
  @Operation('refreshToken', 'Rotate the refresh-token cookie and get a new JWT')
  @ApiOkEnvelope(LoginResultDto)
  async refresh(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResultDto> {
    try {
      const session = await this.sessions.refresh(refreshCookieOf(req), req.ip);
      setRefreshCookie(this.config, req, reply, session.refreshToken);
      return { isSsoFirstLogin: false, token: session.token, expiresIn: session.expiresIn };
    } catch (err) {
      clearRefreshCookie(this.config, req, reply);
      throw err;
    }
  }

  @PostOk('logout')
  @Authenticated({ sessionOnly: true })
  @Operation('logout', 'Revoke the refresh token of this session and delete the cookie')
  @ApiOkEnvelope('boolean')
  async logout(
    @Ctx() ctx: ApiContext,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<boolean> {
    const sessionId = ctx.principal?.kind === 'user' ? ctx.principal.sessionId : null;
    await this.sessions.logout(sessionId, refreshCookieOf(req), req.ip);
    clearRefreshCookie(this.config, req, reply);
    return true;
  }

  @Put('reset-password')
  @Authenticated({ sessionOnly: true })
  @Operation('resetPassword', 'Change the own password (other sessions end)')
  @ApiOkEnvelope(ResetPasswordResultDto)
  async resetPassword(
    @Ctx() ctx: ApiContext,
    @Body() body: ResetPasswordDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResetPasswordResultDto> {
    const session = await this.sessions.changePassword(
      ctx.user,
      body.currentPassword,
      body.newPassword,
      req.ip,
    );
    setRefreshCookie(this.config, req, reply, session.refreshToken);
    return { success: true, reason: '' };
  }
}
