import {
  maskUrl,
  normalizePostgresConnectionString,
  normalizeRedisConnectionString,
} from '../../../src/config/connection-strings';

describe('connection strings', () => {
  it('turns an Npgsql string into a URL, escaping special characters', () => {
    expect(
      normalizePostgresConnectionString(
        'Host=pg.local;Port=5433;User ID=app user;Password=p@ss;w;Database=flags',
      ),
    ).toBe('postgres://app%20user:p%40ss@pg.local:5433/flags');
  });

  it('keeps a URL as it is', () => {
    expect(normalizePostgresConnectionString('postgresql://a:b@h:1/d')).toBe('postgresql://a:b@h:1/d');
  });

  it('turns a StackExchange.Redis string into a URL', () => {
    expect(normalizeRedisConnectionString('redis.local:6380,password=pw,ssl=true,defaultDatabase=2')).toBe(
      'rediss://:pw@redis.local:6380/2',
    );
    expect(normalizeRedisConnectionString('localhost')).toBe('redis://localhost:6379');
  });

  it('masks passwords and secret-like query values', () => {
    expect(maskUrl('postgres://u:pw@h/d?sslpassword=x&sslmode=require')).toBe(
      'postgres://u:***@h/d?sslpassword=***&sslmode=require',
    );
    expect(maskUrl('not a url')).toBe('***');
  });
});
