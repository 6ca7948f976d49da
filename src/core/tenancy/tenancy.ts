// Tenancy: workspace → organizations → projects → environments (docs/reference/data-model.md#tenancy).

export interface Workspace {
  id: string;
  name: string;
  key: string;
  license: string | null;
  sso: WorkspaceSso | null;
  createdAt: string;
  updatedAt: string;
}

/** How the client authenticates at the token endpoint (FeatBit's ClientAuthenticationMethod values). */
export const OIDC_CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type OidcClientAuthMethod = (typeof OIDC_CLIENT_AUTH_METHODS)[number];

/**
 * A workspace's OpenID Connect client (FeatBit's Domain/Workspaces/OidcConfig.cs plus `issuer`, which
 * ID-token validation needs, and `userNameClaim`). Empty endpoints come from the issuer's discovery document.
 */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Stored for the token request; never returned by the API. */
  clientSecret: string;
  clientAuthenticationMethod: OidcClientAuthMethod;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scope: string;
  userEmailClaim: string;
  userNameClaim: string;
}

/** The workspace's single sign-on settings (FeatBit's SsoConfig, plus the password-login switch). */
export interface WorkspaceSso {
  oidc: OidcConfig | null;
  /** While on, members sign in only through SSO (docs/security.md#single-sign-on). */
  passwordLoginDisabled: boolean;
}

export const USER_ORIGINS = ['Local', 'Sso', 'OAuth'] as const;
export type UserOrigin = (typeof USER_ORIGINS)[number];

export interface UserAccount {
  id: string;
  email: string;
  name: string;
  /** Slow-hash encoded string (never the password); empty for SSO/OAuth users. */
  passwordHash: string;
  origin: UserOrigin;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationSettings {
  flagSortedBy?: string;
}

export interface DefaultPermissions {
  policyIds: string[];
  groupIds: string[];
}

export interface Organization {
  id: string;
  workspaceId: string;
  name: string;
  key: string;
  initialized: boolean;
  defaultPermissions: DefaultPermissions;
  settings: OrganizationSettings;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationMember {
  organizationId: string;
  userId: string;
  invitorId: string | null;
  createdAt: string;
}

export interface Project {
  id: string;
  organizationId: string;
  name: string;
  key: string;
  createdAt: string;
  updatedAt: string;
}

export const SECRET_TYPES = ['server', 'client'] as const;
export type SecretType = (typeof SECRET_TYPES)[number];

/** An environment secret. The value must be readable (shown in the console), so it is stored as is. */
export interface EnvironmentSecret {
  id: string;
  name: string;
  type: SecretType;
  value: string;
}

export interface EnvironmentSettings {
  requireChangeComment?: boolean;
  /** Change requests required for serving changes (docs/release-workflows.md#change-requests). */
  changeApproval?: {
    required: boolean;
    reviewerMemberIds: string[];
    reviewerGroupIds: string[];
    applyOnApproval: boolean;
  };
}

export interface Environment {
  id: string;
  projectId: string;
  name: string;
  key: string;
  description: string;
  secrets: EnvironmentSecret[];
  settings: EnvironmentSettings;
  createdAt: string;
  updatedAt: string;
}

/** What an SDK credential resolves to (the evaluation server's secret lookup). */
export interface SecretContext {
  type: SecretType;
  envId: string;
  envKey: string;
  projectId: string;
  projectKey: string;
  organizationId: string;
  organizationKey: string;
  workspaceId: string;
}

/** Resource name of an environment, used by shared-segment scopes and IAM. */
export function environmentResourceName(orgKey: string, projectKey: string, envKey: string): string {
  return `organization/${orgKey}:project/${projectKey}:env/${envKey}`;
}
