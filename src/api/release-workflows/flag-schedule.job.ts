import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Job, JobOutcome } from '../../core/jobs/job';
import { type JobHandler, JobRunner } from '../jobs/job-runner.service';
import { FLAG_SCHEDULE_JOB } from './schedule-jobs';
import { ScheduleService } from './schedule.service';

/** Runs due schedules on whichever api replica claims them (docs/architecture.md#durable-jobs). */
@Injectable()
export class FlagScheduleJob implements JobHandler, OnModuleInit {
  readonly kind = FLAG_SCHEDULE_JOB;
  /** One flag write; a minute is ample, and a lapsed lease only lets another replica find it applied. */
  readonly leaseMs = 60_000;
  readonly batchSize = 10;

  constructor(
    private readonly runner: JobRunner,
    private readonly schedules: ScheduleService,
  ) {}

  onModuleInit(): void {
    this.runner.register(this);
  }

  run(job: Job): Promise<JobOutcome> {
    const scheduleId = job.payload.scheduleId;
    if (typeof scheduleId !== 'string') return Promise.resolve({ kind: 'failed', error: 'no scheduleId' });
    return this.schedules.execute(scheduleId);
  }
}
