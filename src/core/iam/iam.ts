// IAM data (docs/reference/iam.md#statements).

export const POLICY_EFFECTS = ['allow', 'deny'] as const;
export type PolicyEffect = (typeof POLICY_EFFECTS)[number];

export interface PolicyStatement {
  id: string;
  resourceType: string;
  effect: PolicyEffect;
  actions: string[];
  resources: string[];
}

export const POLICY_TYPES = ['SysManaged', 'CustomerManaged'] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

export interface Policy {
  id: string;
  /** null for the built-in (SysManaged) policies shared by every organization. */
  organizationId: string | null;
  name: string;
  key: string;
  description: string;
  type: PolicyType;
  statements: PolicyStatement[];
  createdAt: string;
  updatedAt: string;
}

export interface Group {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export const ACCESS_TOKEN_TYPES = ['Personal', 'Service'] as const;
export type AccessTokenType = (typeof ACCESS_TOKEN_TYPES)[number];

export const ACCESS_TOKEN_STATUSES = ['Active', 'Inactive'] as const;
export type AccessTokenStatus = (typeof ACCESS_TOKEN_STATUSES)[number];

/** API access token. Only a hash of the token is stored; `tokenPrefix` helps people recognise it. */
export interface AccessToken {
  id: string;
  organizationId: string;
  name: string;
  type: AccessTokenType;
  status: AccessTokenStatus;
  tokenHash: string;
  tokenPrefix: string;
  creatorId: string;
  /** Statements used by Service tokens; Personal tokens act with their creator's permissions. */
  permissions: PolicyStatement[];
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Refresh tokens are stored as a SHA-256 hash and rotated on every use. */
export interface RefreshToken {
  id: string;
  tokenHash: string;
  userId: string;
  /**
   * The sign-in this token belongs to, kept through rotation and carried by its access tokens (`sid`),
   * which stop working once no token of the session is live. Null on rows from before sessions.
   */
  sessionId: string | null;
  isRevoked: boolean;
  replacedByTokenHash: string | null;
  createdByIp: string | null;
  revokedByIp: string | null;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}
