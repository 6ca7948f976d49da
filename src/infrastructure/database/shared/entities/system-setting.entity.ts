import { EntitySchema } from 'typeorm';
import { primaryText, text, timestamptz } from './column-types';
import type { EntityDefinition } from './entity-definition';

/** One installation-wide setting (e.g. the generated JWT key), written once. */
export interface SystemSetting {
  key: string;
  value: string;
  updatedAt: string;
}

export const SYSTEM_SETTING_ENTITY: EntityDefinition<SystemSetting> = {
  schema: new EntitySchema<SystemSetting>({
    name: 'SystemSetting',
    tableName: 'system_settings',
    columns: {
      key: primaryText(),
      value: text(),
      updatedAt: timestamptz('updated_at'),
    },
  }),
  mongo: { collection: 'SystemSettings', indexes: [] },
};
