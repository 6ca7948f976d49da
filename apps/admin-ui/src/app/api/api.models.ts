// The console's names for the management API's shapes. Everything the API documents comes from the
// types generated from its OpenAPI document (generated/openapi.ts, `npm run generate:api-types`),
// so a changed DTO breaks the console's build instead of its runtime.
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

export interface PagedResult<T> {
  totalCount: number;
  items: T[];
}

// identity and tenancy
export type LoginResult = Schemas['LoginResultDto'];
export type Profile = Schemas['ProfileDto'];
export type WorkspaceSummary = Schemas['WorkspaceDto'];
export type OrganizationSummary = Schemas['OrganizationDto'];
export type EnvironmentSecret = Schemas['SecretDto'];
export type EnvironmentSettings = Schemas['EnvironmentSettingsDto'];
export type EnvironmentInfo = Schemas['EnvironmentDto'];
export type ProjectWithEnvs = Schemas['ProjectDto'];

// feature flags
export type FeatureFlag = Schemas['FeatureFlagDto'];
export type VariationType = FeatureFlag['variationType'];
export type Variation = Schemas['VariationDto'];
export type TargetUser = Schemas['TargetUserDto'];
export type Condition = Schemas['ConditionDto'];
export type RolloutVariation = Schemas['RolloutVariationDto'];
export type TargetRule = Schemas['TargetRuleDto'];
export type FlagListItem = Schemas['FlagListItemDto'];
export type FlagUsage = Schemas['FlagUsageDto'];
export type CreateFlagRequest = Schemas['CreateFlagDto'];
export type TargetingUpdate = Schemas['TargetingInputDto'];
export type CopyPrecheckResult = Schemas['CopyPrecheckDto'];

export interface FlagListFilter {
  name?: string;
  tags?: string[];
  isEnabled?: boolean | null;
  isArchived?: boolean;
  pageIndex: number;
  pageSize: number;
  sortBy?: string;
}

// segments
export type Segment = Schemas['SegmentDto'];
export type SegmentRule = Schemas['SegmentRuleDto'];
export type SegmentType = 'environment-specific' | 'shared';
export type SegmentListItem = Segment;
export type FlagReference = Schemas['FlagReferenceDto'];

// end users
export type StoredEndUser = Schemas['EndUserDto'];
export type EndUserCursor = Schemas['CursorDto'];
export type EndUserPage = Schemas['EndUserPageDto'];
export type EvaluatedFlag = Schemas['EvaluatedFlagDto'];
export type MatchedSegment = Schemas['MatchedSegmentDto'];
export type EndUserPropertyDefinition = Schemas['EndUserPropertyDto'];
export type PresetValue = Schemas['PresetValueDto'];

// audit logs and access tokens
export type AuditLogEntry = Schemas['AuditLogDto'];
export type AccessTokenItem = Schemas['AccessTokenDto'];
