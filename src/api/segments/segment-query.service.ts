import { Injectable } from '@nestjs/common';
import {
  type SegmentFilter,
  SegmentRepository,
  type SegmentScope,
} from '../../core/ports/targeting.repositories';
import type { Segment } from '../../core/segments/segment';
import type { Page } from '../../core/shared/paging';

/** Read side of segments. */
@Injectable()
export class SegmentQueries {
  constructor(private readonly segments: SegmentRepository) {}

  list(scope: SegmentScope, filter: SegmentFilter): Promise<Page<Segment>> {
    return this.segments.list(scope, filter);
  }

  byIds(ids: readonly string[]): Promise<Segment[]> {
    return this.segments.findByIds(ids);
  }

  isKeyUsed(keyScope: Parameters<SegmentRepository['isKeyUsed']>[0], key: string): Promise<boolean> {
    return this.segments.isKeyUsed(keyScope, key);
  }

  allTags(scope: SegmentScope): Promise<string[]> {
    return this.segments.allTags(scope);
  }
}
