import { ConfigError } from '../../../src/config/app-config';
import { describeConfig, loadAppConfig } from '../../../src/config/load-app-config';
import { ROLES, type Role } from '../../../src/roles/role';

const ALL: Role[] = [...ROLES];
/** The api role on a server database needs a configured signing key. */
const SIGNING_KEY = 'unit-test-signing-key-0123456789abcdef';

function problemsOf(env: Record<string, string>, roles: Role[] = ALL): string[] {
  try {
    loadAppConfig(env, roles, '/srv');
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  it('runs on the embedded default with no configuration at all', () => {
    const config = loadAppConfig({}, ALL, '/srv');
    expect(config.database.provider).toBe('pglite');
    expect(config.database.pglite.dataDir).toBe('/srv/data/pglite');
    expect(config.mq.provider).toBe('inprocess');
    expect(config.cache.provider).toBe('none');
    expect(config.analytics.provider).toBe('primary');
    expect(config.server.port).toBe(5000);
    expect(config.auth.jwtSecret).toBeNull();
  });

  it('is deeply frozen', () => {
    const config = loadAppConfig({}, ALL, '/srv');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database.pglite)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it.each([
    [['api'], 5000],
    [['evaluation'], 5100],
    [['analytics'], 5200],
    [['evaluation', 'analytics'], 5100],
  ] as [Role[], number][])('defaults the port for roles %j to %i', (roles, port) => {
    const env = {
      DB_PROVIDER: 'postgres',
      POSTGRES_URL: 'postgres://u:p@h/db',
      MQ_PROVIDER: 'postgres',
      JWT_SECRET: SIGNING_KEY,
    };
    expect(loadAppConfig(env, roles).server.port).toBe(port);
  });

  it('takes PORT over the role default', () => {
    expect(loadAppConfig({ PORT: '8080' }, ALL).server.port).toBe(8080);
  });

  it.each([
    ['DB_PROVIDER', 'oracle', "DB_PROVIDER='oracle': must be one of pglite, postgres, mongodb"],
    ['MQ_PROVIDER', 'rabbit', "MQ_PROVIDER='rabbit': must be one of inprocess, postgres, redis, kafka"],
    ['CACHE_PROVIDER', 'memcached', "CACHE_PROVIDER='memcached': must be one of none, redis"],
    ['ANALYTICS_PROVIDER', 'druid', "ANALYTICS_PROVIDER='druid': must be one of primary, clickhouse"],
    ['LOG_LEVEL', 'loud', "LOG_LEVEL='loud': must be one of trace, debug, info, warn, error, fatal"],
    ['PORT', 'eighty', "PORT='eighty': must be an integer between 1 and 65535"],
    ['PORT', '70000', "PORT='70000': must be an integer between 1 and 65535"],
    ['BODY_LIMIT_BYTES', '1.5', "BODY_LIMIT_BYTES='1.5': must be an integer"],
    ['TOKEN_EXPIRY_SECONDS', '0', "TOKEN_EXPIRY_SECONDS='0': must be an integer between 1 and 86400"],
    [
      'EVAL_MISSING_ATTRIBUTE',
      'null',
      "EVAL_MISSING_ATTRIBUTE='null': must be one of empty-string, no-match",
    ],
    ['JWT_SECRET', 'short', "JWT_SECRET='***': must be at least 32 characters long"],
    ['TRUST_PROXY', 'yes', "TRUST_PROXY='yes': must be one of true, false"],
    ['ADMIN_PASSWORD', '12345678', 'ADMIN_PASSWORD: is a commonly used password'],
    ['ADMIN_PASSWORD', 'password', 'ADMIN_PASSWORD: is a commonly used password'],
    ['ADMIN_PASSWORD', '  abc-12  ', 'ADMIN_PASSWORD: must have at least 8 characters'],
  ])('names %s when its value %j is invalid', (name, value, message) => {
    expect(problemsOf({ [name]: value }).join('\n')).toContain(message);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ DB_PROVIDER: 'x', PORT: 'y', LOG_LEVEL: 'z' })).toHaveLength(3);
  });

  describe('FeatBit aliases', () => {
    it('accepts FeatBit provider names and values', () => {
      const config = loadAppConfig(
        {
          DbProvider: 'Postgres',
          MqProvider: 'Redis',
          CacheProvider: 'Redis',
          Postgres__ConnectionString: 'Host=db;Port=5433;Username=fb;Password=s3cret;Database=featbit',
          Redis__ConnectionString: 'cache:6380,password=pw',
          Jwt__Key: SIGNING_KEY,
        },
        ALL,
      );
      expect(config.database.provider).toBe('postgres');
      expect(config.database.postgres?.url).toBe('postgres://fb:s3cret@db:5433/featbit');
      expect(config.mq.provider).toBe('redis');
      expect(config.cache.redisUrl).toBe('redis://:pw@cache:6380');
    });

    it('maps MqProvider=None to the in-process bus and MongoDb to mongodb', () => {
      const config = loadAppConfig(
        {
          DbProvider: 'MongoDb',
          MongoDb__ConnectionString: 'mongodb://m:27017',
          MongoDb__Database: 'fb',
          MqProvider: 'None',
          JWT_SECRET: SIGNING_KEY,
        },
        ALL,
      );
      expect(config.database).toMatchObject({
        provider: 'mongodb',
        mongo: { url: 'mongodb://m:27017', database: 'fb' },
      });
      expect(config.mq.provider).toBe('inprocess');
    });

    it('reads the Kafka bootstrap servers from FeatBit names', () => {
      const config = loadAppConfig(
        { MQ_PROVIDER: 'kafka', 'Kafka__Producer__bootstrap.servers': 'k1:9092,k2:9092' },
        ALL,
      );
      expect(config.mq.kafka?.brokers).toEqual(['k1:9092', 'k2:9092']);
    });

    it('lets the canonical name win over an alias', () => {
      expect(loadAppConfig({ DB_PROVIDER: 'pglite', DbProvider: 'Postgres' }, ALL).database.provider).toBe(
        'pglite',
      );
    });

    it('names the alias and both value sets when an alias value is unknown', () => {
      expect(problemsOf({ DbProvider: 'SqlServer' })[0]).toBe(
        "DbProvider (alias of DB_PROVIDER)='SqlServer': must be one of Postgres, MongoDb (or set DB_PROVIDER to one of pglite, postgres, mongodb)",
      );
    });

    it('applies Postgres__Password over the connection string password', () => {
      const config = loadAppConfig(
        {
          DB_PROVIDER: 'postgres',
          POSTGRES_URL: 'postgres://u:old@h:5432/d',
          Postgres__Password: 'n3w',
          JWT_SECRET: SIGNING_KEY,
        },
        ALL,
      );
      expect(config.database.postgres?.url).toBe('postgres://u:n3w@h:5432/d');
    });
  });

  describe('refused combinations', () => {
    it('refuses the in-process bus for a single role', () => {
      const problems = problemsOf({ DB_PROVIDER: 'postgres', POSTGRES_URL: 'postgres://h/d' }, [
        'evaluation',
      ]);
      expect(problems).toEqual([
        expect.stringContaining(
          "MQ_PROVIDER=inprocess only connects roles inside one process, but this process runs 'evaluation'",
        ),
      ]);
    });

    it('lets a single role use the embedded database with the PostgreSQL-protocol queue', () => {
      const config = loadAppConfig({ MQ_PROVIDER: 'postgres' }, ['evaluation']);
      expect(config.database.provider).toBe('pglite');
      expect(config.mq.provider).toBe('postgres');
    });

    it.each([
      [{ DB_PROVIDER: 'postgres' }, 'POSTGRES_URL is required because DB_PROVIDER=postgres'],
      [{ DB_PROVIDER: 'mongodb' }, 'MONGO_URL is required because DB_PROVIDER=mongodb'],
      [{ MQ_PROVIDER: 'redis' }, 'REDIS_URL is required because MQ_PROVIDER=redis'],
      [{ CACHE_PROVIDER: 'redis' }, 'REDIS_URL is required because CACHE_PROVIDER=redis'],
      [{ MQ_PROVIDER: 'kafka' }, 'KAFKA_BROKERS is required because MQ_PROVIDER=kafka'],
      [
        { ANALYTICS_PROVIDER: 'clickhouse' },
        'CLICKHOUSE_URL is required because ANALYTICS_PROVIDER=clickhouse',
      ],
      [
        { DB_PROVIDER: 'mongodb', MONGO_URL: 'mongodb://h', MQ_PROVIDER: 'postgres' },
        'MQ_PROVIDER=postgres with DB_PROVIDER=mongodb needs POSTGRES_URL',
      ],
    ])('requires the connection setting of %j', (env, message) => {
      expect(problemsOf(env).join('\n')).toContain(message);
    });

    it('rejects malformed connection settings with the variable name', () => {
      expect(problemsOf({ DB_PROVIDER: 'postgres', POSTGRES_URL: 'Port=1;Database=x' }).join()).toContain(
        'POSTGRES_URL: cannot be parsed (has no Host)',
      );
      expect(problemsOf({ MQ_PROVIDER: 'kafka', KAFKA_BROKERS: 'nohost' }).join()).toContain(
        "KAFKA_BROKERS: 'nohost' must be host:port entries",
      );
      expect(problemsOf({ DB_PROVIDER: 'mongodb', MONGO_URL: 'http://x' }).join()).toContain(
        'MONGO_URL: must start with mongodb://',
      );
    });
  });

  describe('the session signing key on a server database', () => {
    const postgres = { DB_PROVIDER: 'postgres', POSTGRES_URL: 'postgres://h/d' };
    const mongodb = { DB_PROVIDER: 'mongodb', MONGO_URL: 'mongodb://h' };
    const redisQueue = { MQ_PROVIDER: 'redis', REDIS_URL: 'redis://h' };

    it.each([
      ['postgres', postgres],
      ['mongodb', mongodb],
    ])('refuses the api role on %s without JWT_SECRET', (provider, env) => {
      expect(problemsOf(env)).toEqual([
        `JWT_SECRET (or its FeatBit name Jwt__Key) is required because the api role runs on DB_PROVIDER=${provider}: ` +
          'every api replica must sign sessions with the same key, and it must not be kept in the database',
      ]);
      expect(problemsOf(env, ['api', 'analytics']).join()).toContain(
        'JWT_SECRET (or its FeatBit name Jwt__Key)',
      );
    });

    it('accepts the key under its own or its FeatBit name', () => {
      expect(loadAppConfig({ ...postgres, JWT_SECRET: SIGNING_KEY }, ALL).auth.jwtSecret).toBe(SIGNING_KEY);
      expect(
        loadAppConfig({ ...mongodb, ...redisQueue, Jwt__Key: SIGNING_KEY }, ['api']).auth.jwtSecret,
      ).toBe(SIGNING_KEY);
    });

    it('needs no key for roles that sign nothing, nor on the embedded database', () => {
      expect(
        loadAppConfig({ ...postgres, MQ_PROVIDER: 'postgres' }, ['evaluation', 'analytics']).auth.jwtSecret,
      ).toBeNull();
      expect(loadAppConfig({ MQ_PROVIDER: 'postgres' }, ['api']).auth.jwtSecret).toBeNull();
    });
  });

  it('masks credentials when describing the configuration', () => {
    const config = loadAppConfig(
      {
        DB_PROVIDER: 'postgres',
        POSTGRES_URL: 'postgres://fb:topsecret@db/featbit',
        MQ_PROVIDER: 'redis',
        REDIS_URL: 'redis://:hunter2@cache:6379',
        JWT_SECRET: SIGNING_KEY,
      },
      ALL,
    );
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain('topsecret');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('postgres://fb:***@db/featbit');
  });

  it('never echoes a sensitive value in a problem', () => {
    const problems = problemsOf({
      DB_PROVIDER: 'postgres',
      POSTGRES_URL: 'not a url',
      JWT_SECRET: 'tooshort-secret',
    });
    expect(problems.join()).not.toContain('tooshort-secret');
  });
});
