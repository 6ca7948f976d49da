import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type { AccessTokenItem } from './api.models';
import {
  createAccessToken,
  deleteAccessToken,
  listAccessTokens,
  toggleAccessToken,
  type ListAccessTokens$Params,
} from './generated/functions';
import type { PolicyStatementDto } from './generated/models';

@Injectable({ providedIn: 'root' })
export class AccessTokensApi {
  private readonly api = inject(ApiClient);

  list(filter: Pick<ListAccessTokens$Params, 'name' | 'pageIndex' | 'pageSize'>) {
    return this.api.call(listAccessTokens, { ...filter, name: filter.name || undefined });
  }

  /**
   * Personal tokens act with their creator's permissions; Service tokens with `permissions` (policy
   * statements). The value is returned only here.
   */
  create(
    name: string,
    type: 'Personal' | 'Service',
    permissions: PolicyStatementDto[] = [],
  ): Observable<AccessTokenItem> {
    return this.api.call(createAccessToken, {
      body: { name, type, permissions: type === 'Service' ? permissions : [] },
    });
  }

  toggle(id: string): Observable<unknown> {
    return this.api.call(toggleAccessToken, { tokenId: id });
  }

  remove(id: string): Observable<unknown> {
    return this.api.call(deleteAccessToken, { tokenId: id });
  }
}
