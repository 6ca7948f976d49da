import { EntitySchema } from 'typeorm';
import type { FlagUsage } from '../../../../core/insights/flag-usage';
import { primaryText, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

/** FeatBit's flagId, `<envId>-<flagKey>`: the Mongo `_id`, so a batch upserts by primary key. */
export const flagUsageId = (envId: string, flagKey: string): string => `${envId}-${flagKey}`;

// Keyed by flag key, not id, because insight events name flags by key.
export const FLAG_USAGE_ENTITY: EntityDefinition<FlagUsage> = {
  schema: new EntitySchema<FlagUsage>({
    name: 'FlagUsage',
    tableName: 'flag_usage',
    columns: {
      envId: primaryText('env_id'),
      flagKey: primaryText('flag_key'),
      firstEvaluatedAt: timestamptz('first_evaluated_at'),
      lastEvaluatedAt: timestamptz('last_evaluated_at'),
    },
  }),
  mongo: {
    collection: 'FlagUsage',
    id: (usage) => flagUsageId(usage.envId, usage.flagKey),
    indexes: [
      [
        { envId: 1, flagKey: 1 },
        { unique: true, name: 'uq_flag_usage_env_key' },
      ],
    ],
  },
};
