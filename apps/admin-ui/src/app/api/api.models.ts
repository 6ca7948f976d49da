// The console's names for the management API's shapes, all taken from the client generated from its
// OpenAPI document (generated/, `npm run generate:api`), so a changed DTO breaks the console's build
// instead of its runtime.
import type * as Dto from './generated/models';

/** The shape of every paged list the API answers (declared inline per operation in the document). */
export interface PagedResult<T> {
  totalCount: number;
  items: T[];
}

// identity and tenancy
export type Profile = Dto.ProfileDto;
export type WorkspaceSummary = Dto.WorkspaceDto;
export type OrganizationSummary = Dto.OrganizationDto;
export type EnvironmentSecret = Dto.SecretDto;
export type EnvironmentSettings = Dto.EnvironmentSettingsDto;
export type EnvironmentInfo = Dto.EnvironmentDto;
export type ProjectWithEnvs = Dto.ProjectDto;

// feature flags
export type FeatureFlag = Dto.FeatureFlagDto;
export type VariationType = FeatureFlag['variationType'];
export type Variation = Dto.VariationDto;
export type TargetUser = Dto.TargetUserDto;
export type Condition = Dto.ConditionDto;
export type RolloutVariation = Dto.RolloutVariationDto;
export type TargetRule = Dto.TargetRuleDto;
export type FlagListItem = Dto.FlagListItemDto;
export type CreateFlagRequest = Dto.CreateFlagDto;
export type TargetingUpdate = Dto.TargetingInputDto;
export type CopyPrecheckResult = Dto.CopyPrecheckDto;

// segments
export type Segment = Dto.SegmentDto;
export type SegmentRule = Dto.SegmentRuleDto;
export type SegmentType = Segment['type'];
export type SegmentListItem = Segment;
export type FlagReference = Dto.FlagReferenceDto;

// end users
export type StoredEndUser = Dto.EndUserDto;
export type EndUserCursor = Dto.CursorDto;
export type EndUserPage = Dto.EndUserPageDto;
export type EvaluatedFlag = Dto.EvaluatedFlagDto;
export type MatchedSegment = Dto.MatchedSegmentDto;
export type EndUserPropertyDefinition = Dto.EndUserPropertyDto;
export type PresetValue = Dto.PresetValueDto;

// audit logs and access tokens
export type AuditLogEntry = Dto.AuditLogDto;
export type AccessTokenItem = Dto.AccessTokenDto;
