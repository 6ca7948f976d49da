import { Module } from '@nestjs/common';
import { JobRunner } from './job-runner.service';

/** The durable job queue's worker; features register their job handlers with it. */
@Module({
  providers: [JobRunner],
  exports: [JobRunner],
})
export class JobsModule {}
