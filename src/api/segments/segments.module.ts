import { Module } from '@nestjs/common';
import { SegmentCommandController } from './segment-command.controller';
import { SegmentMutations } from './segment-mutation.service';
import { SegmentPatchController } from './segment-patch.controller';
import { SegmentQueryController } from './segment-query.controller';
import { SegmentQueries } from './segment-query.service';
import { SegmentScopes } from './segment-scope.service';

@Module({
  controllers: [SegmentQueryController, SegmentCommandController, SegmentPatchController],
  providers: [SegmentMutations, SegmentScopes, SegmentQueries],
  exports: [SegmentScopes],
})
export class SegmentsModule {}
