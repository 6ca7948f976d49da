import { inject, Injectable } from '@angular/core';
import { map, type Observable } from 'rxjs';
import { ApiClient, seg } from './api-client';
import type {
  EndUserCursor,
  EndUserPage,
  EndUserPropertyDefinition,
  EvaluatedFlag,
  MatchedSegment,
  PresetValue,
  StoredEndUser,
} from './api.models';

export interface PropertyInput {
  name: string;
  presetValues: PresetValue[];
  usePresetValuesOnly: boolean;
  isDigestField: boolean;
  remark: string;
}

@Injectable({ providedIn: 'root' })
export class EndUsersApi {
  private readonly api = inject(ApiClient);

  private base(envId: string): string {
    return `/envs/${seg(envId)}/end-users`;
  }

  list(
    envId: string,
    searchText: string,
    cursor: EndUserCursor | null,
    pageSize: number,
  ): Observable<EndUserPage> {
    return this.api.post(`${this.base(envId)}/list`, { searchText, cursor, pageSize });
  }

  /**
   * Picker search over the environment's users. The API has no picker endpoint (FeatBit's
   * end-users/search), so this reads the first page of the cursor list and drops excluded keys.
   */
  search(
    envId: string,
    searchText: string,
    excludedKeyIds: string[],
    limit = 10,
  ): Observable<StoredEndUser[]> {
    return this.list(envId, searchText, null, limit + excludedKeyIds.length).pipe(
      map((page) => page.items.filter((u) => !excludedKeyIds.includes(u.keyId)).slice(0, limit)),
    );
  }

  get(envId: string, id: string): Observable<StoredEndUser> {
    return this.api.get(`${this.base(envId)}/${seg(id)}`);
  }

  /** Every flag of the environment evaluated on the server for this user, with the reason. */
  evaluatedFlags(envId: string, id: string): Observable<EvaluatedFlag[]> {
    return this.api.get(`${this.base(envId)}/${seg(id)}/flags`);
  }

  segments(envId: string, id: string): Observable<MatchedSegment[]> {
    return this.api.get(`${this.base(envId)}/${seg(id)}/segments`);
  }

  properties(envId: string): Observable<EndUserPropertyDefinition[]> {
    return this.api.get(`/envs/${seg(envId)}/end-user-properties`);
  }

  upsertProperty(envId: string, id: string, input: PropertyInput): Observable<EndUserPropertyDefinition> {
    return this.api.put(`/envs/${seg(envId)}/end-user-properties/${seg(id)}/upsert`, input);
  }

  deleteProperty(envId: string, id: string): Observable<unknown> {
    return this.api.delete(`/envs/${seg(envId)}/end-user-properties/${seg(id)}`);
  }
}
