import { inject, Injectable } from '@angular/core';
import { ApiClient } from './api-client';
import type * as Dto from './generated/models';
import {
  getFlagInsightsWithSummary,
  getWorkspaceUsages,
  listFlagEndUsers,
  type GetFlagInsightsWithSummary$Params,
  type GetWorkspaceUsages$Params,
  type ListFlagEndUsers$Params,
} from './generated/functions';

export type FlagInsights = Dto.FlagInsightsDto;
export type FlagEndUser = Dto.FlagUserDto;
export type FlagEndUserPage = Dto.FlagUserPageDto;
export type WorkspaceUsage = Dto.WorkspaceUsageDto;

export type FlagInsightsQuery = Omit<GetFlagInsightsWithSummary$Params, 'envId' | 'key'>;
export type FlagEndUsersQuery = Omit<ListFlagEndUsers$Params, 'envId' | 'featureFlagKey'>;

/** Flag insights (evaluations per variation over time, and who evaluated) and workspace usage. */
@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly api = inject(ApiClient);

  flagInsights(envId: string, key: string, query: FlagInsightsQuery) {
    return this.api.call(getFlagInsightsWithSummary, { envId, key, ...query });
  }

  flagEndUsers(envId: string, key: string, query: FlagEndUsersQuery) {
    return this.api.call(listFlagEndUsers, {
      envId,
      featureFlagKey: key,
      ...query,
      variationId: query.variationId || undefined,
      query: query.query || undefined,
    });
  }

  workspaceUsage(range: GetWorkspaceUsages$Params) {
    return this.api.call(getWorkspaceUsages, range);
  }
}
