import { Body, Get, Put } from '@nestjs/common';
import {
  buildOidcSettings,
  DEFAULT_EMAIL_CLAIM,
  DEFAULT_NAME_CLAIM,
  DEFAULT_OIDC_SCOPE,
  publicOidcSettings,
} from '../../core/tenancy/oidc-settings';
import { Permission } from '../auth/access.decorators';
import { type ApiContext, Ctx } from '../auth/api-context';
import { Res } from '../auth/resources';
import { ApiOkEnvelope } from '../http/api-envelope';
import { ValidationFailedError } from '../http/api-errors';
import { ManagementController, Operation } from '../http/management-controller.decorator';
import { WorkspaceService } from '../tenancy/workspace.service';
import { SsoOidcSettingsDto, UpdateSsoOidcDto } from './sso.dto';

const NOT_CONFIGURED: SsoOidcSettingsDto = {
  issuer: '',
  clientId: '',
  clientSecretSet: false,
  clientAuthenticationMethod: 'client_secret_basic',
  authorizationEndpoint: '',
  tokenEndpoint: '',
  scope: DEFAULT_OIDC_SCOPE,
  userEmailClaim: DEFAULT_EMAIL_CLAIM,
  userNameClaim: DEFAULT_NAME_CLAIM,
  passwordLoginDisabled: false,
};

// FeatBit's UpdateWorkspaceSSOSettings: a workspace action that the built-in Owner and Administrator
// policies hold (workspace/*), nobody else by default.
@ManagementController('workspaces', 'Workspaces')
export class WorkspaceSsoController {
  constructor(private readonly workspaces: WorkspaceService) {}

  @Get('sso-oidc')
  @Permission('UpdateWorkspaceSSOSettings', Res.workspace())
  @Operation(
    'getWorkspaceSsoOidc',
    'The workspace’s OpenID Connect settings (never the client secret)',
    'Not configured: an empty issuer and client id with the defaults of the other fields.',
  )
  @ApiOkEnvelope(SsoOidcSettingsDto)
  current(@Ctx() ctx: ApiContext): SsoOidcSettingsDto {
    return publicOidcSettings(ctx.ws.sso) ?? NOT_CONFIGURED;
  }

  @Put('sso-oidc')
  @Permission('UpdateWorkspaceSSOSettings', Res.workspace())
  @Operation(
    'updateWorkspaceSsoOidc',
    'Configure OpenID Connect sign-in for the workspace',
    'The client secret is write-only: absent or empty keeps the stored one. passwordLoginDisabled refuses password sign-in for the workspace’s members (the first-boot admin excepted).',
  )
  @ApiOkEnvelope(SsoOidcSettingsDto)
  async update(@Ctx() ctx: ApiContext, @Body() body: UpdateSsoOidcDto): Promise<SsoOidcSettingsDto> {
    const result = buildOidcSettings(body, ctx.ws.sso);
    if (!result.ok) {
      throw new ValidationFailedError(
        result.problems.map((p) => ({ field: p.field, code: `${p.field}_is_invalid`, message: p.message })),
      );
    }
    const saved = await this.workspaces.updateSso(ctx.actor, ctx.ws, ctx.org.id, result.sso);
    return publicOidcSettings(saved.sso)!;
  }
}
