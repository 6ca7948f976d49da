import { EntitySchema } from 'typeorm';
import type { Job } from '../../../../core/jobs/job';
import { integer, jsonb, nullable, nullableText, primaryId, stamps, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// The durable job queue (docs/architecture.md#durable-jobs); `ix_jobs_due` serves the claim.
export const JOB_ENTITY: EntityDefinition<Job> = {
  schema: new EntitySchema<Job>({
    name: 'Job',
    tableName: 'jobs',
    columns: {
      id: primaryId,
      kind: text(),
      payload: jsonb(),
      runAt: timestamptz('run_at'),
      attempts: integer(),
      status: text(),
      lockedBy: nullableText('locked_by'),
      lockedUntil: nullable(timestamptz('locked_until')),
      lastError: nullableText('last_error'),
      ...stamps,
    },
    indices: [{ name: 'ix_jobs_due', columns: ['kind', 'runAt'], where: "status = 'pending'" }],
  }),
  mongo: {
    collection: 'Jobs',
    indexes: [[{ status: 1, kind: 1, runAt: 1 }, { name: 'ix_jobs_due' }]],
  },
};
