import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient, seg } from './api-client';
import type {
  FlagReference,
  PagedResult,
  Segment,
  SegmentListItem,
  SegmentRule,
  SegmentType,
} from './api.models';

export interface SegmentTargeting {
  included: string[];
  excluded: string[];
  rules: SegmentRule[];
}

@Injectable({ providedIn: 'root' })
export class SegmentsApi {
  private readonly api = inject(ApiClient);

  private base(envId: string): string {
    return `/envs/${seg(envId)}/segments`;
  }

  list(
    envId: string,
    filter: { name?: string; isArchived: boolean; pageIndex: number; pageSize: number },
  ): Observable<PagedResult<SegmentListItem>> {
    return this.api.get(this.base(envId), filter);
  }

  get(envId: string, id: string): Observable<Segment> {
    return this.api.get(`${this.base(envId)}/${seg(id)}`);
  }

  create(
    envId: string,
    input: { type: SegmentType; name: string; key: string; description: string; scopes: string[] },
  ): Observable<Segment> {
    return this.api.post(this.base(envId), input);
  }

  isKeyUsed(envId: string, key: string, type: SegmentType): Observable<boolean> {
    return this.api.get(`${this.base(envId)}/is-key-used`, { key, type });
  }

  updateTargeting(
    envId: string,
    id: string,
    targeting: SegmentTargeting,
    comment?: string,
  ): Observable<unknown> {
    return this.api.put(`${this.base(envId)}/${seg(id)}/targeting`, { ...targeting, comment });
  }

  flagReferences(envId: string, id: string): Observable<FlagReference[]> {
    return this.api.get(`${this.base(envId)}/${seg(id)}/flag-references`);
  }

  archive(envId: string, id: string, comment?: string): Observable<unknown> {
    return this.api.put(`${this.base(envId)}/${seg(id)}/archive`, { comment });
  }

  restore(envId: string, id: string, comment?: string): Observable<unknown> {
    return this.api.put(`${this.base(envId)}/${seg(id)}/restore`, { comment });
  }

  remove(envId: string, id: string, comment?: string): Observable<unknown> {
    return this.api.delete(`${this.base(envId)}/${seg(id)}`, { comment });
  }
}
