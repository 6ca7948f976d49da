import { inject, Injectable } from '@angular/core';
import { map, type Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type { EndUserCursor } from './api.models';
import type { ScopedEndUserDto, UpsertPropertyDto } from './generated/models';
import {
  deleteEndUserProperty,
  getEndUser,
  getEndUserFlags,
  getEndUserSegments,
  listEndUserProperties,
  searchEndUsers,
  searchEndUsersPaged,
  upsertEndUserProperty,
} from './generated/functions';

export type PropertyInput = Required<UpsertPropertyDto>;

@Injectable({ providedIn: 'root' })
export class EndUsersApi {
  private readonly api = inject(ApiClient);

  list(envId: string, searchText: string, cursor: EndUserCursor | null, pageSize: number) {
    return this.api.call(searchEndUsers, { envId, body: { searchText, cursor, pageSize } });
  }

  /**
   * Picker search (FeatBit's end-users/search): the environment's users and the workspace's global
   * users, which targeting may name in every environment, without the keys already picked.
   */
  search(
    envId: string,
    searchText: string,
    excludedKeyIds: string[],
    limit = 10,
  ): Observable<ScopedEndUserDto[]> {
    return this.api
      .call(searchEndUsersPaged, {
        envId,
        body: { searchText, excludedKeyIds, includeGlobalUser: true, pageIndex: 0, pageSize: limit },
      })
      .pipe(map((page) => page.items));
  }

  get(envId: string, id: string) {
    return this.api.call(getEndUser, { envId, userId: id });
  }

  /** Every flag of the environment evaluated on the server for this user, with the reason. */
  evaluatedFlags(envId: string, id: string) {
    return this.api.call(getEndUserFlags, { envId, userId: id });
  }

  segments(envId: string, id: string) {
    return this.api.call(getEndUserSegments, { envId, userId: id });
  }

  properties(envId: string) {
    return this.api.call(listEndUserProperties, { envId });
  }

  upsertProperty(envId: string, id: string, input: PropertyInput) {
    return this.api.call(upsertEndUserProperty, { envId, propertyId: id, body: input });
  }

  deleteProperty(envId: string, id: string): Observable<unknown> {
    return this.api.call(deleteEndUserProperty, { envId, propertyId: id });
  }
}
