import { Module } from '@nestjs/common';
import { EndUserConsumer } from './end-user.consumer';
import { InsightConsumer } from './insight.consumer';

/** Role "analytics": consumes end-user and insight messages and stores them. */
@Module({
  providers: [EndUserConsumer, InsightConsumer],
})
export class AnalyticsModule {}
