import { int, oneOf, text } from '../env-parsers';
import { DB_PROVIDERS, variable } from '../env-variable.types';
import { caseInsensitive } from './featbit-values';

/** Inputs of AppConfig.database (and of the PostgreSQL queue); loadAppConfig builds the union. */
export const DATABASE_CONFIG = {
  provider: variable({
    name: 'DB_PROVIDER',
    description: 'Primary database',
    parser: oneOf(DB_PROVIDERS),
    default: 'pglite',
    aliases: [
      {
        name: 'DbProvider',
        allowed: ['Postgres', 'MongoDb'],
        mapValue: caseInsensitive({ postgres: 'postgres', mongodb: 'mongodb' }),
      },
    ],
  }),
  postgresUrl: variable({
    name: 'POSTGRES_URL',
    description: 'PostgreSQL connection (URL or Npgsql key=value string)',
    parser: text(),
    default: undefined,
    defaultText: '-',
    secret: true,
    aliases: [{ name: 'Postgres__ConnectionString' }, { name: 'DATABASE_URL' }],
  }),
  postgresPassword: variable({
    name: 'POSTGRES_PASSWORD',
    description: 'Overrides the password in POSTGRES_URL',
    parser: text(),
    default: undefined,
    defaultText: '-',
    secret: true,
    aliases: [{ name: 'Postgres__Password' }],
  }),
  postgresPoolSize: variable({
    name: 'POSTGRES_POOL_SIZE',
    description: 'Connections per process',
    parser: int(1, 1000),
    default: 10,
  }),
  mongoUrl: variable({
    name: 'MONGO_URL',
    description: 'MongoDB connection string',
    parser: text(),
    default: undefined,
    defaultText: '-',
    secret: true,
    aliases: [{ name: 'MongoDb__ConnectionString' }],
  }),
  mongoDatabase: variable({
    name: 'MONGO_DATABASE',
    description: 'MongoDB database name',
    parser: text(),
    default: 'featbit',
    aliases: [{ name: 'MongoDb__Database' }],
  }),
};
