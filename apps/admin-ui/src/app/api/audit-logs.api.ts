import { inject, Injectable } from '@angular/core';
import { ApiClient } from './api-client';
import { listAuditLogs, type ListAuditLogs$Params } from './generated/functions';

@Injectable({ providedIn: 'root' })
export class AuditLogsApi {
  private readonly api = inject(ApiClient);

  list(
    envId: string,
    filter: Pick<ListAuditLogs$Params, 'refId' | 'query' | 'pageIndex' | 'pageSize'> & {
      refType?: 'FeatureFlag' | 'Segment';
    },
  ) {
    return this.api.call(listAuditLogs, {
      ...filter,
      envId,
      refId: filter.refId || undefined,
      query: filter.query || undefined,
    });
  }
}
