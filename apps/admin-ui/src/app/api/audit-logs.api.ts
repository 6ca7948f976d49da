import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, seg } from './api-client';
import type { AuditLogEntry, PagedResult } from './api.models';

@Injectable({ providedIn: 'root' })
export class AuditLogsApi {
  private readonly api = inject(ApiClient);

  list(
    envId: string,
    filter: {
      refId?: string;
      refType?: 'FeatureFlag' | 'Segment';
      query?: string;
      pageIndex: number;
      pageSize: number;
    },
  ): Observable<PagedResult<AuditLogEntry>> {
    return this.api.get(`/envs/${seg(envId)}/audit-logs`, filter);
  }
}
