import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { ApiClient } from './api-client';
import type { SegmentType } from './api.models';
import {
  archiveSegment,
  createSegment,
  deleteSegment,
  getSegment,
  getSegmentFlagReferences,
  isSegmentKeyUsed,
  listSegments,
  restoreSegment,
  updateSegmentTargeting,
  type ListSegments$Params,
} from './generated/functions';
import type { CreateSegmentDto, UpdateSegmentTargetingDto } from './generated/models';

export type SegmentTargeting = Omit<UpdateSegmentTargetingDto, 'comment'>;

@Injectable({ providedIn: 'root' })
export class SegmentsApi {
  private readonly api = inject(ApiClient);

  list(envId: string, filter: Omit<ListSegments$Params, 'envId'>) {
    return this.api.call(listSegments, { ...filter, envId, name: filter.name || undefined });
  }

  get(envId: string, id: string) {
    return this.api.call(getSegment, { envId, segmentId: id });
  }

  create(envId: string, input: CreateSegmentDto) {
    return this.api.call(createSegment, { envId, body: input });
  }

  isKeyUsed(envId: string, key: string, type: SegmentType) {
    return this.api.call(isSegmentKeyUsed, { envId, key, type });
  }

  updateTargeting(
    envId: string,
    id: string,
    targeting: SegmentTargeting,
    comment?: string,
  ): Observable<unknown> {
    return this.api.call(updateSegmentTargeting, { envId, segmentId: id, body: { ...targeting, comment } });
  }

  flagReferences(envId: string, id: string) {
    return this.api.call(getSegmentFlagReferences, { envId, segmentId: id });
  }

  archive(envId: string, id: string, comment?: string): Observable<unknown> {
    return this.api.call(archiveSegment, { envId, segmentId: id, body: { comment } });
  }

  restore(envId: string, id: string, comment?: string): Observable<unknown> {
    return this.api.call(restoreSegment, { envId, segmentId: id, body: { comment } });
  }

  remove(envId: string, id: string, comment?: string): Observable<unknown> {
    return this.api.call(deleteSegment, { envId, segmentId: id, body: { comment } });
  }
}
