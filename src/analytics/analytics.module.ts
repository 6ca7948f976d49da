import { Module } from '@nestjs/common';
import { AnalyticsRetentionJob } from './analytics-retention.job';
import { EndUserConsumer } from './end-user.consumer';
import { InsightConsumer } from './insight.consumer';
import { UsageConsumer } from './usage.consumer';

/** Role "analytics": consumes end-user and insight messages and stores them. */
@Module({
  providers: [EndUserConsumer, InsightConsumer, UsageConsumer, AnalyticsRetentionJob],
})
export class AnalyticsModule {}
