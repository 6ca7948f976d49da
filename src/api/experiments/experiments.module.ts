import { Module } from '@nestjs/common';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module';
import { ExperimentController } from './experiment.controller';
import { ExperimentMetricController } from './experiment-metric.controller';
import { ExperimentMetricService } from './experiment-metric.service';
import { ExperimentResultsService } from './experiment-results.service';
import { ExperimentService } from './experiment.service';
import { GuardedRolloutController } from './guarded-rollout.controller';
import { GuardedRolloutJob } from './guarded-rollout.job';
import { GuardedRolloutService } from './guarded-rollout.service';

/** Metrics, experiments, their results and guarded rollouts (docs/experiments.md), read from AnalyticsQuery. */
@Module({
  imports: [FeatureFlagsModule],
  controllers: [ExperimentMetricController, ExperimentController, GuardedRolloutController],
  providers: [
    ExperimentMetricService,
    ExperimentService,
    ExperimentResultsService,
    GuardedRolloutService,
    GuardedRolloutJob,
  ],
})
export class ExperimentsModule {}
