import { EntitySchema } from 'typeorm';
import type { FlagChangeRequest, FlagDraft, FlagSchedule } from '../../../../core/workflow/workflow';
import { jsonb, nullableText, primaryId, stamps, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// A flag's pending changes (docs/reference/data-model.md#workflow-records): the draft holds the
// change, a change request or a schedule applies it.
export const FLAG_DRAFT_ENTITY: EntityDefinition<FlagDraft> = {
  schema: new EntitySchema<FlagDraft>({
    name: 'FlagDraft',
    tableName: 'flag_drafts',
    columns: {
      id: primaryId,
      envId: text('env_id'),
      flagId: text('flag_id'),
      status: text(),
      comment: text(),
      dataChange: jsonb('data_change'),
      baseRevision: text('base_revision'),
      creatorId: text('creator_id'),
      updatorId: text('updator_id'),
      ...stamps,
    },
    indices: [{ name: 'ix_flag_drafts_flag', columns: ['flagId'] }],
  }),
  mongo: {
    collection: 'FlagDrafts',
    indexes: [[{ flagId: 1 }, { name: 'ix_flag_drafts_flag' }]],
  },
};

export const FLAG_CHANGE_REQUEST_ENTITY: EntityDefinition<FlagChangeRequest> = {
  schema: new EntitySchema<FlagChangeRequest>({
    name: 'FlagChangeRequest',
    tableName: 'flag_change_requests',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      envId: text('env_id'),
      flagDraftId: text('flag_draft_id'),
      flagId: text('flag_id'),
      status: text(),
      reason: text(),
      reviewers: jsonb(),
      scheduleId: nullableText('schedule_id'),
      creatorId: text('creator_id'),
      updatorId: text('updator_id'),
      ...stamps,
    },
    indices: [
      { name: 'ix_flag_change_requests_flag', columns: ['flagId', 'createdAt'] },
      { name: 'ix_flag_change_requests_env', columns: ['envId', 'createdAt'] },
    ],
  }),
  mongo: {
    collection: 'FlagChangeRequests',
    indexes: [
      [{ flagId: 1, createdAt: -1 }, { name: 'ix_flag_change_requests_flag' }],
      [{ envId: 1, createdAt: -1 }, { name: 'ix_flag_change_requests_env' }],
    ],
  },
};

export const FLAG_SCHEDULE_ENTITY: EntityDefinition<FlagSchedule> = {
  schema: new EntitySchema<FlagSchedule>({
    name: 'FlagSchedule',
    tableName: 'flag_schedules',
    columns: {
      id: primaryId,
      organizationId: text('organization_id'),
      envId: text('env_id'),
      flagDraftId: text('flag_draft_id'),
      flagId: text('flag_id'),
      status: text(),
      title: text(),
      scheduledTime: timestamptz('scheduled_time'),
      changeRequestId: nullableText('change_request_id'),
      error: nullableText(),
      creatorId: text('creator_id'),
      updatorId: text('updator_id'),
      ...stamps,
    },
    indices: [
      { name: 'ix_flag_schedules_flag', columns: ['flagId', 'scheduledTime'] },
      { name: 'ix_flag_schedules_due', columns: ['status', 'scheduledTime'] },
    ],
  }),
  mongo: {
    collection: 'FlagSchedules',
    indexes: [
      [{ flagId: 1, scheduledTime: 1 }, { name: 'ix_flag_schedules_flag' }],
      [{ status: 1, scheduledTime: 1 }, { name: 'ix_flag_schedules_due' }],
    ],
  },
};
