import { oneOf, text } from '../env-parsers';
import { MQ_PROVIDERS, variable } from '../env-variable.types';
import { caseInsensitive } from './featbit-values';

/** Inputs of AppConfig.mq; loadAppConfig builds the union. */
export const MESSAGING_CONFIG = {
  provider: variable({
    name: 'MQ_PROVIDER',
    description: 'Message queue between roles',
    parser: oneOf(MQ_PROVIDERS),
    default: 'inprocess',
    aliases: [
      {
        name: 'MqProvider',
        allowed: ['Postgres', 'Redis', 'Kafka', 'None'],
        mapValue: caseInsensitive({
          postgres: 'postgres',
          redis: 'redis',
          kafka: 'kafka',
          none: 'inprocess',
        }),
      },
    ],
  }),
  redisUrl: variable({
    name: 'REDIS_URL',
    description: 'Redis connection (URL or StackExchange string), for MQ_PROVIDER or CACHE_PROVIDER redis',
    parser: text(),
    default: undefined,
    defaultText: '-',
    secret: true,
    aliases: [{ name: 'Redis__ConnectionString' }],
  }),
  redisPassword: variable({
    name: 'REDIS_PASSWORD',
    description: 'Overrides the password in REDIS_URL',
    parser: text(),
    default: undefined,
    defaultText: '-',
    secret: true,
    aliases: [{ name: 'Redis__Password' }],
  }),
  kafkaBrokers: variable({
    name: 'KAFKA_BROKERS',
    description: 'Kafka bootstrap servers (comma list)',
    parser: text(),
    default: undefined,
    defaultText: '-',
    aliases: [{ name: 'Kafka__Producer__bootstrap.servers' }, { name: 'Kafka__Consumer__bootstrap.servers' }],
  }),
  kafkaClientId: variable({
    name: 'KAFKA_CLIENT_ID',
    description: 'Kafka client id prefix',
    parser: text(),
    default: 'featbit-ts',
  }),
};
