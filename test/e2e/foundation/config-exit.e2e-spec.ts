import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../../src/config/env-variables';
import { ensureBuilt } from '../support/product';

// The built entry point refuses bad configuration before anything starts: non-zero exit and a
// message naming the variable (and the allowed values where there is a list).
const MAIN = join(__dirname, '../../../dist/main.js');

function run(args: string[], env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [MAIN, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'fbts-cfg-')),
      PORT: '0',
      ...env,
    },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderr: result.stderr };
}

const enumerated = ENV_VARIABLES.filter((v) => v.allowed && v.allowed.length > 0);

describe('start-up refuses bad configuration', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it.each(enumerated.map((v) => [v.name, v.allowed!] as const))(
    '%s with an unknown value exits non-zero naming the variable and its values',
    (name, allowed) => {
      const { status, stderr } = run([], { [name]: 'no-such-value' });
      expect(status).toBe(1);
      expect(stderr).toContain(`${name}='no-such-value': must be one of ${allowed.join(', ')}`);
    },
  );

  it.each([
    ['PORT', 'x', 'must be an integer between 1 and 65535'],
    ['BODY_LIMIT_BYTES', '-5', 'must be an integer between'],
    ['TOKEN_EXPIRY_SECONDS', '3.5', 'must be an integer between'],
    ['JWT_SECRET', 'too-short', 'must be at least 32 characters long'],
    ['ADMIN_PASSWORD', 'short', 'must be at least 8 characters long'],
    ['PUBLIC_API_URL', 'ftp://x', 'must be an http(s) URL'],
  ])('%s=%s exits non-zero with "%s"', (name, value, message) => {
    const { status, stderr } = run([], { [name]: value });
    expect(status).toBe(1);
    expect(stderr).toContain(name);
    expect(stderr).toContain(message);
  });

  it.each([
    [['--role', 'evaluation'], {}, 'MQ_PROVIDER=inprocess only connects roles inside one process'],
    [[], { DB_PROVIDER: 'postgres' }, 'POSTGRES_URL is required because DB_PROVIDER=postgres'],
    [[], { MQ_PROVIDER: 'kafka' }, 'KAFKA_BROKERS is required because MQ_PROVIDER=kafka'],
    [[], { CACHE_PROVIDER: 'redis' }, 'REDIS_URL is required because CACHE_PROVIDER=redis'],
    [[], { DbProvider: 'Oracle' }, 'DbProvider (alias of DB_PROVIDER)'],
    [
      [],
      { DB_PROVIDER: 'mongodb', MONGO_URL: 'mongodb://127.0.0.1:1' },
      'JWT_SECRET (or its FeatBit name Jwt__Key) is required because the api role runs on DB_PROVIDER=mongodb',
    ],
  ] as [string[], Record<string, string>, string][])('refuses %j with %j', (args, env, message) => {
    const { status, stderr } = run(args, env);
    expect(status).toBe(1);
    expect(stderr).toContain(message);
  });

  it('refuses an unknown role and prints the valid ones', () => {
    const { status, stderr } = run(['--role', 'worker'], {});
    expect(status).toBe(2);
    expect(stderr).toContain("unknown role 'worker'; valid roles: all, api, evaluation, analytics");
  });

  it('uses ROLES when --role is absent', () => {
    const { status, stderr } = run([], { ROLES: 'api,nope' });
    expect(status).toBe(2);
    expect(stderr).toContain("unknown role 'nope'");
  });

  it('never prints a secret value in a configuration error', () => {
    const { stderr } = run([], {
      DB_PROVIDER: 'postgres',
      POSTGRES_URL: 'Port=1',
      JWT_SECRET: 'short-but-secret',
    });
    expect(stderr).not.toContain('short-but-secret');
  });
});
