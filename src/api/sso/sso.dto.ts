import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { OIDC_CLIENT_AUTH_METHODS } from '../../core/tenancy/tenancy';
import { KEY_MAX } from '../http/validators';

const URL_MAX = 2048;

export class SsoPreCheckDto {
  @ApiProperty({ description: 'Whether the workspace has OpenID Connect sign-in configured' })
  isEnabled!: boolean;
  @ApiProperty({ description: 'The workspace the login page offers SSO for' }) workspaceKey!: string;
  @ApiProperty({ description: 'Whether password sign-in is refused for the workspace' })
  passwordLoginDisabled!: boolean;
}

export class SsoPreCheckQueryDto {
  @ApiPropertyOptional({
    maxLength: KEY_MAX,
    description: 'Workspace key; the first-boot `default` when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(KEY_MAX)
  workspace_key?: string;
}

export class OidcAuthorizeQueryDto {
  @ApiProperty({ maxLength: URL_MAX, description: 'The console callback the provider returns to' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(URL_MAX)
  redirect_uri!: string;

  @ApiProperty({ maxLength: KEY_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(KEY_MAX)
  workspace_key!: string;
}

/** FeatBit's LoginByOidcCode plus the callback's `state` (and `iss`, RFC 9207), which are checked. */
export class OidcLoginDto {
  @ApiProperty({ maxLength: 4096 }) @IsString() @IsNotEmpty() @MaxLength(4096) code!: string;
  @ApiProperty({ maxLength: URL_MAX }) @IsString() @IsNotEmpty() @MaxLength(URL_MAX) redirectUri!: string;
  @ApiProperty({ maxLength: KEY_MAX }) @IsString() @IsNotEmpty() @MaxLength(KEY_MAX) workspaceKey!: string;

  @ApiPropertyOptional({
    maxLength: 512,
    description: 'The `state` of the callback URL (required to sign in)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  state?: string;

  @ApiPropertyOptional({
    maxLength: URL_MAX,
    description: 'The `iss` of the callback URL, when the provider sends it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(URL_MAX)
  iss?: string;
}

/** FeatBit's OidcConfig body, plus `issuer`, `userNameClaim` and the password-login switch. */
export class UpdateSsoOidcDto {
  @ApiProperty({
    maxLength: URL_MAX,
    example: 'https://id.example.com',
    description: 'Issuer (discovery) URL',
  })
  @IsString()
  @MaxLength(URL_MAX)
  issuer!: string;

  @ApiProperty({ maxLength: 256 }) @IsString() @MaxLength(256) clientId!: string;

  @ApiPropertyOptional({ maxLength: 1024, description: 'Write-only; absent or empty keeps the stored one' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  clientSecret?: string;

  @ApiProperty({ enum: OIDC_CLIENT_AUTH_METHODS })
  @IsIn(OIDC_CLIENT_AUTH_METHODS)
  clientAuthenticationMethod!: string;

  @ApiPropertyOptional({ maxLength: URL_MAX, description: 'Empty: from the discovery document' })
  @IsOptional()
  @IsString()
  @MaxLength(URL_MAX)
  authorizationEndpoint?: string;

  @ApiPropertyOptional({ maxLength: URL_MAX, description: 'Empty: from the discovery document' })
  @IsOptional()
  @IsString()
  @MaxLength(URL_MAX)
  tokenEndpoint?: string;

  @ApiPropertyOptional({ maxLength: 512, example: 'openid profile email' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  scope?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'email' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  userEmailClaim?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  userNameClaim?: string;

  @ApiPropertyOptional({ description: 'Refuse password sign-in for the workspace’s members' })
  @IsOptional()
  @IsBoolean()
  passwordLoginDisabled?: boolean;
}

/** The stored settings without the client secret. */
export class SsoOidcSettingsDto {
  @ApiProperty() issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'Whether a client secret is stored (it is never returned)' })
  clientSecretSet!: boolean;
  @ApiProperty({ enum: OIDC_CLIENT_AUTH_METHODS }) clientAuthenticationMethod!: string;
  @ApiProperty() authorizationEndpoint!: string;
  @ApiProperty() tokenEndpoint!: string;
  @ApiProperty() scope!: string;
  @ApiProperty() userEmailClaim!: string;
  @ApiProperty() userNameClaim!: string;
  @ApiProperty() passwordLoginDisabled!: boolean;
}
