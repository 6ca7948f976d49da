import { inject, Injectable } from '@angular/core';
import { ApiClient } from './api-client';
import {
  listAuditLogs,
  type ListAuditLogs$Params,
  listOrganizationAuditLogs,
  type ListOrganizationAuditLogs$Params,
} from './generated/functions';

/** The filters both audit listings take (the environment's and the organization's). */
export type AuditLogFilter = Omit<ListOrganizationAuditLogs$Params, 'envId' | 'crossEnvironment'>;

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

  /** The environment's log with every filter of the audit log page. */
  search(envId: string, filter: AuditLogFilter) {
    return this.api.call(listAuditLogs, { ...filter, envId });
  }

  /** Every change in the current organization (needs CanManageIAM: it includes IAM changes). */
  searchOrganization(filter: AuditLogFilter) {
    return this.api.call(listOrganizationAuditLogs, filter);
  }
}
