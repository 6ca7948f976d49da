import { Module } from '@nestjs/common';
import { FlagInsightsController, FlagUsersController } from './flag-insights.controller';
import { FlagInsightsService } from './flag-insights.service';

/** Analytics reads for the console and FeatBit's routes (AnalyticsQuery port). */
@Module({
  controllers: [FlagInsightsController, FlagUsersController],
  providers: [FlagInsightsService],
})
export class InsightsModule {}
