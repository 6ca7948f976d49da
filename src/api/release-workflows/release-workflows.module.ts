import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { JobsModule } from '../jobs/jobs.module';
import { ChangeRequestService } from './change-request.service';
import { DraftApplier } from './draft-applier.service';
import { FlagProposals } from './flag-proposal.service';
import { FlagScheduleJob } from './flag-schedule.job';
import { PendingChangeQueries } from './pending-change-queries.service';
import { ReleaseWorkflowController } from './release-workflow.controller';
import { ScheduleService } from './schedule.service';

/** Scheduled changes and change requests (docs/release-workflows.md). */
@Module({
  imports: [FeatureFlagsModule, JobsModule],
  controllers: [ReleaseWorkflowController],
  providers: [
    ScheduleService,
    ChangeRequestService,
    DraftApplier,
    FlagProposals,
    PendingChangeQueries,
    FlagScheduleJob,
  ],
})
export class ReleaseWorkflowsModule {}
