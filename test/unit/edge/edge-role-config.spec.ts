import { ConfigError } from '../../../src/config/app-config';
import { loadAppConfig } from '../../../src/config/load-app-config';
import { defaultPort, parseRoles, RoleParseError, withEdgeArguments } from '../../../src/roles/role';

// The edge role's start-up contract (docs/relay-proxies.md#edge-role): alone, its upstream and
// relay key required and named when wrong, the command-line flags laid over the variables.

const KEY = 'rp-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

describe('edge role configuration', () => {
  it('runs alone', () => {
    expect(parseRoles('edge')).toEqual(['edge']);
    expect(parseRoles(' EDGE ')).toEqual(['edge']);
    expect(() => parseRoles('edge,evaluation')).toThrow(RoleParseError);
    expect(() => parseRoles('all,edge')).toThrow('the edge role cannot be combined with other roles');
    expect(parseRoles('all')).not.toContain('edge');
    expect(defaultPort(['edge'])).toBe(5100);
  });

  it('lays --upstream, --relay-key and --edge-data-dir over the environment', () => {
    const env = withEdgeArguments(
      ['--role', 'edge', '--upstream', 'http://central:5000', `--relay-key=${KEY}`, '--edge-data-dir', 'x'],
      { EDGE_UPSTREAM_URL: 'http://old', OTHER: '1' },
    );
    expect(env).toEqual({
      EDGE_UPSTREAM_URL: 'http://central:5000',
      EDGE_RELAY_KEY: KEY,
      EDGE_DATA_DIR: 'x',
      OTHER: '1',
    });
  });

  it('requires the upstream and a relay-proxy key, naming the variables', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadAppConfig(env, ['edge'], '/srv');
      } catch (err) {
        if (err instanceof ConfigError) return err.message;
        throw err;
      }
      return '';
    };
    expect(problems({})).toContain('EDGE_UPSTREAM_URL is required');
    expect(problems({})).toContain('EDGE_RELAY_KEY is required');
    const sdkSecret = problems({
      EDGE_UPSTREAM_URL: 'http://central',
      EDGE_RELAY_KEY: 'not-a-relay-key-secret',
    });
    expect(sdkSecret).toContain("EDGE_RELAY_KEY='***': must be a relay-proxy key");
    expect(sdkSecret).not.toContain('not-a-relay-key-secret');
    expect(problems({ EDGE_UPSTREAM_URL: 'ftp://central', EDGE_RELAY_KEY: KEY })).toContain(
      "EDGE_UPSTREAM_URL='ftp://central': must be an http(s) URL",
    );
  });

  it('needs no database, queue or cache, and keeps its files under DATA_DIR/edge by default', () => {
    const config = loadAppConfig(
      {
        EDGE_UPSTREAM_URL: 'http://central:5000/',
        EDGE_RELAY_KEY: KEY,
        MQ_PROVIDER: 'redis',
        REDIS_URL: 'redis://r',
      },
      ['edge'],
      '/srv',
    );
    expect(config.edge).toEqual({
      upstreamUrl: 'http://central:5000',
      relayKey: KEY,
      dataDir: '/srv/data/edge',
      insightBufferBytes: 67_108_864,
    });
    expect(config.mq.provider).toBe('inprocess');
    expect(loadAppConfig({}, ['api', 'evaluation', 'analytics'], '/srv').edge).toBeNull();
  });
});
