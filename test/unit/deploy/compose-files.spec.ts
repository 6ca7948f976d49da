import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The docker-compose files of FeatBit's three profiles must stay valid and wired to this repository's
// Dockerfile and config/ profiles. Checked with the Docker client's `compose config` (no engine needed).
const REPO_ROOT = join(__dirname, '../../..');
const SECRET = 'compose-check-secret-of-more-than-32-characters';

function works(command: string[]): boolean {
  const result = spawnSync(command[0], [...command.slice(1), 'version'], { encoding: 'utf8' });
  return result.status === 0 && /compose/i.test(result.stdout);
}

/** `docker compose`, else a standalone Compose v2 binary (TEST_DOCKER_COMPOSE from .ci/infra.sh). */
function findCompose(): { command: string[] } | { skip: string } {
  if (works(['docker', 'compose'])) return { command: ['docker', 'compose'] };
  const standalone = process.env.TEST_DOCKER_COMPOSE;
  if (standalone && works([standalone])) return { command: [standalone] };
  const docker = spawnSync('docker', ['--version']);
  return { skip: docker.error ? 'docker client not installed' : 'docker compose plugin not installed' };
}

interface ComposeService {
  command?: string[];
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | null>;
  deploy?: { replicas?: number };
}

const compose = findCompose();
// Skipped only where no docker compose runs (this kind of machine has no Docker engine); the title says which part is missing.
const itCompose = 'command' in compose ? it : it.skip;
const skipNote = 'skip' in compose ? ` (skipped: ${compose.skip})` : '';

function run(file: string, args: string[], env: Record<string, string>) {
  const [bin, ...pre] = 'command' in compose ? compose.command : ['false'];
  return spawnSync(bin, [...pre, '-f', join(REPO_ROOT, 'deploy', file), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    timeout: 60_000,
  });
}

const PROFILES = [
  {
    file: 'docker-compose.standalone.yml',
    roles: { 'featbit-ts': 'all' },
    env: { DB_PROVIDER: 'postgres', MQ_PROVIDER: 'postgres', CACHE_PROVIDER: 'none' },
    servers: ['postgres'],
  },
  {
    file: 'docker-compose.standard.yml',
    roles: { api: 'api', evaluation: 'evaluation', analytics: 'analytics' },
    env: { DB_PROVIDER: 'postgres', MQ_PROVIDER: 'redis', CACHE_PROVIDER: 'redis' },
    servers: ['postgres', 'redis'],
  },
  {
    file: 'docker-compose.pro.yml',
    roles: { api: 'api', evaluation: 'evaluation', analytics: 'analytics' },
    env: {
      DB_PROVIDER: 'postgres',
      MQ_PROVIDER: 'kafka',
      CACHE_PROVIDER: 'redis',
      ANALYTICS_PROVIDER: 'clickhouse',
    },
    servers: ['postgres', 'kafka', 'redis', 'clickhouse'],
  },
];

describe(`deployment compose files${skipNote}`, () => {
  itCompose.each(PROFILES)('$file is valid and runs the product image with its profile', (profile) => {
    const quiet = run(profile.file, ['config', '-q'], { JWT_SECRET: SECRET });
    expect({ status: quiet.status, stderr: quiet.stderr }).toEqual({ status: 0, stderr: '' });

    const resolved = run(profile.file, ['config', '--format', 'json'], { JWT_SECRET: SECRET });
    expect(resolved.status).toBe(0);
    const services = (JSON.parse(resolved.stdout) as { services: Record<string, ComposeService> }).services;
    for (const server of profile.servers) expect(services[server]?.image).toBeTruthy();
    for (const [name, role] of Object.entries(profile.roles)) {
      const service = services[name];
      expect(service.command).toEqual(['--role', role]);
      expect(service.build?.context).toBe(REPO_ROOT);
      expect(service.build?.dockerfile).toBe('Dockerfile');
      expect(service.environment).toMatchObject({ ...profile.env, JWT_SECRET: SECRET });
    }
  });

  itCompose.each(PROFILES)('$file refuses to resolve without JWT_SECRET', (profile) => {
    const result = run(profile.file, ['config', '-q'], {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('JWT_SECRET');
  });
});
