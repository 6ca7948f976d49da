// The permission catalogue (docs/reference/iam.md#permissions): every action the API checks, with the
// resource type its statements must carry. FeatBit enforces some of these only in its UI; here every
// one is checked server-side.

export const RESOURCE_TYPES = [
  '*',
  'workspace',
  'organization',
  'iam',
  'access-token',
  'relay-proxy',
  'project',
  'env',
  'flag',
  'segment',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const PERMISSIONS = {
  // workspace
  UpdateWorkspaceGeneralSettings: 'workspace',
  UpdateWorkspaceLicense: 'workspace',
  UpdateWorkspaceSSOSettings: 'workspace',
  // organization (UI-only in FeatBit)
  UpdateOrgName: 'organization',
  UpdateOrgDefaultUserPermissions: 'organization',
  UpdateOrgSortFlagsBy: 'organization',
  CreateOrg: 'organization',
  /** Not in FeatBit (its org delete is unchecked). */
  DeleteOrg: 'organization',
  /** Not in FeatBit (its webhook routes are unchecked): see the organization's webhooks and their logs. */
  ListWebhooks: 'organization',
  /** Not in FeatBit: create, change, delete and test-send webhooks. */
  ManageWebhooks: 'organization',
  // iam
  CanManageIAM: 'iam',
  // access tokens (UI-only in FeatBit)
  ListAccessTokens: 'access-token',
  ManageServiceAccessTokens: 'access-token',
  ManagePersonalAccessTokens: 'access-token',
  // relay proxies
  ListRelayProxies: 'relay-proxy',
  ManageRelayProxies: 'relay-proxy',
  // project
  CanAccessProject: 'project',
  CreateProject: 'project',
  DeleteProject: 'project',
  UpdateProjectSettings: 'project',
  CreateEnv: 'project',
  // environment
  CanAccessEnv: 'env',
  /** Not in FeatBit (it shows SDK secrets to whoever can access the environment): see the secret values. */
  CanAccessEnvSecrets: 'env',
  DeleteEnv: 'env',
  UpdateEnvSettings: 'env',
  CreateEnvSecret: 'env',
  UpdateEnvSecret: 'env',
  DeleteEnvSecret: 'env',
  /** Not in FeatBit (its end-user routes are unchecked): upsert/import end users, edit the property catalogue. */
  ManageEndUsers: 'env',
  /** Not in FeatBit (its experiment routes are unchecked): create and change metrics and experiments. */
  ManageExperiments: 'env',
  // feature flags
  CreateFlag: 'flag',
  ArchiveFlag: 'flag',
  RestoreFlag: 'flag',
  DeleteFlag: 'flag',
  CloneFlag: 'flag',
  CopyFlagTo: 'flag',
  ToggleFlag: 'flag',
  UpdateFlagName: 'flag',
  UpdateFlagDescription: 'flag',
  UpdateFlagOffVariation: 'flag',
  UpdateFlagVariations: 'flag',
  UpdateFlagTags: 'flag',
  UpdateFlagDefaultRule: 'flag',
  UpdateFlagIndividualTargeting: 'flag',
  UpdateFlagTargetingRules: 'flag',
  // segments
  CreateSegment: 'segment',
  ArchiveSegment: 'segment',
  RestoreSegment: 'segment',
  DeleteSegment: 'segment',
  UpdateSegmentName: 'segment',
  UpdateSegmentDescription: 'segment',
  UpdateSegmentTags: 'segment',
  UpdateSegmentTargetingUsers: 'segment',
  UpdateSegmentRules: 'segment',
} as const satisfies Record<string, ResourceType>;

export type PermissionAction = keyof typeof PERMISSIONS;

export const PERMISSION_ACTIONS = Object.keys(PERMISSIONS) as PermissionAction[];

export function isPermissionAction(value: string): value is PermissionAction {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

export function resourceTypeOf(action: PermissionAction): ResourceType {
  return PERMISSIONS[action];
}
