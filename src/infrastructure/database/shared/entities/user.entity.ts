import { EntitySchema } from 'typeorm';
import type { UserAccount } from '../../../../core/tenancy/tenancy';
import { primaryId, stamps, text } from './column-types';
import type { EntityDefinition } from './entity-definition';

export const USER_ENTITY: EntityDefinition<UserAccount> = {
  schema: new EntitySchema<UserAccount>({
    name: 'User',
    tableName: 'users',
    columns: {
      id: primaryId,
      email: text(),
      name: text(),
      passwordHash: text('password_hash'),
      origin: text(),
      ...stamps,
    },
    // On lower(email): e-mails are unique whatever their case.
    indices: [{ name: 'uq_users_email', columns: ['email'], unique: true }],
  }),
  mongo: {
    collection: 'Users',
    // emailLower carries the case-insensitive uniqueness PostgreSQL gets from lower(email).
    derived: { emailLower: (user) => user.email.toLowerCase() },
    indexes: [[{ emailLower: 1 }, { unique: true, name: 'uq_users_email' }]],
  },
};
