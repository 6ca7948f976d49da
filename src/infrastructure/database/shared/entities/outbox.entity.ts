import { EntitySchema } from 'typeorm';
import type { OutboxMessage } from '../../../../core/ports/message-bus.port';
import { integer, primaryId, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

// Change messages persisted in the same transaction as the change, published afterwards.
export const OUTBOX_ENTITY: EntityDefinition<OutboxMessage> = {
  schema: new EntitySchema<OutboxMessage>({
    name: 'OutboxMessage',
    tableName: 'outbox',
    columns: {
      id: primaryId,
      topic: text(),
      payload: text(),
      attempts: integer(),
      createdAt: timestamptz('created_at'),
    },
    indices: [{ name: 'ix_outbox_created', columns: ['createdAt', 'id'] }],
  }),
  mongo: {
    collection: 'Outbox',
    indexes: [[{ createdAt: 1, _id: 1 }, { name: 'ix_outbox_created' }]],
  },
};
