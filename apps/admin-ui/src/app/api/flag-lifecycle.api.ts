import { inject, Injectable } from '@angular/core';
import { ApiClient } from './api-client';
import { updateFeatureFlagPermanent } from './generated/functions';
import type * as Dto from './generated/models';

export type FlagLifecycle = Dto.FlagLifecycleDto;
export type FlagLifecycleStatus = FlagLifecycle['status'];
export type FlagDetail = Dto.FlagDetailDto;

/** Flag lifecycle (beyond FeatBit): the "permanent" mark; statuses come with the flag reads. */
@Injectable({ providedIn: 'root' })
export class FlagLifecycleApi {
  private readonly api = inject(ApiClient);

  /** Answers the flag's new revision. */
  setPermanent(envId: string, key: string, isPermanent: boolean, comment?: string) {
    return this.api.call(updateFeatureFlagPermanent, { envId, key, body: { isPermanent, comment } });
  }
}
