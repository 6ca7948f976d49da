import { inject, Injectable } from '@angular/core';
import { ApiClient } from './api-client';
import {
  compareFeatureFlagsOverview,
  compareFeatureFlagWith,
  copyFeatureFlagSettingsTo,
} from './generated/functions';
import type * as Dto from './generated/models';

export type CompareFlagOverview = Dto.CompareFlagOverviewDto;
export type FlagDiffOverview = Dto.FlagDiffOverviewDto;
export type CompareFlagDetail = Dto.CompareFlagDetailDto;
export type FlagCopyOptions = Dto.FlagCopyOptionsDto;
export type CopyMode = Dto.CopyPartOptionDto['mode'];

/** Flag comparison across environments (FeatBit's compare-overview, compare-with, copy-settings-to). */
@Injectable({ providedIn: 'root' })
export class FlagCompareApi {
  private readonly api = inject(ApiClient);

  overview(
    envId: string,
    targetEnvIds: string[],
    filter: { name?: string; pageIndex: number; pageSize: number },
  ) {
    return this.api.call(compareFeatureFlagsOverview, {
      envId,
      body: { targetEnvIds, filter: { ...filter, name: filter.name || undefined } },
    });
  }

  /** null when the target environment has no flag of this key. */
  compareWith(envId: string, key: string, targetEnvId: string) {
    return this.api.call(compareFeatureFlagWith, { envId, key, targetEnvId });
  }

  copySettings(envId: string, key: string, targetEnvId: string, options: FlagCopyOptions) {
    return this.api.call(copyFeatureFlagSettingsTo, { envId, key, targetEnvId, body: { options } });
  }
}
