import { EntitySchema } from 'typeorm';
import type { Trigger } from '../../../../core/integrations/integrations';
import { bool, integer, nullable, primaryId, stamps, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

export const TRIGGER_ENTITY: EntityDefinition<Trigger> = {
  schema: new EntitySchema<Trigger>({
    name: 'Trigger',
    tableName: 'triggers',
    columns: {
      id: primaryId,
      targetId: text('target_id'),
      type: text(),
      action: text(),
      tokenHash: text('token_hash'),
      description: text(),
      isEnabled: bool('is_enabled'),
      triggeredTimes: integer('triggered_times'),
      lastTriggeredAt: nullable(timestamptz('last_triggered_at')),
      ...stamps,
    },
    indices: [
      { name: 'uq_triggers_token_hash', columns: ['tokenHash'], unique: true },
      { name: 'ix_triggers_target', columns: ['targetId', 'createdAt'] },
    ],
  }),
  mongo: {
    collection: 'Triggers',
    indexes: [
      [{ tokenHash: 1 }, { unique: true, name: 'uq_triggers_token_hash' }],
      [{ targetId: 1, createdAt: 1 }, { name: 'ix_triggers_target' }],
    ],
  },
};
