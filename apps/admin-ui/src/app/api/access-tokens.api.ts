import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, seg } from './api-client';
import type { AccessTokenItem, PagedResult } from './api.models';

@Injectable({ providedIn: 'root' })
export class AccessTokensApi {
  private readonly api = inject(ApiClient);

  list(filter: {
    name?: string;
    pageIndex: number;
    pageSize: number;
  }): Observable<PagedResult<AccessTokenItem>> {
    return this.api.get('/access-tokens', filter);
  }

  /** Personal tokens act with their creator's permissions; the value is returned only here. */
  create(name: string, type: 'Personal' | 'Service'): Observable<AccessTokenItem> {
    return this.api.post('/access-tokens', { name, type, permissions: [] });
  }

  toggle(id: string): Observable<unknown> {
    return this.api.put(`/access-tokens/${seg(id)}/toggle`);
  }

  remove(id: string): Observable<unknown> {
    return this.api.delete(`/access-tokens/${seg(id)}`);
  }
}
