import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig } from '../../../src/config/load-app-config';

// Each example profile under config/ must load as it is: a variable renamed in the config tables
// or a value they no longer accept would otherwise surface only when a user copies the file.
const CONFIG_DIR = join(__dirname, '../../../config');

function readEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1]] = match[2].trim();
  }
  return env;
}

const profiles = readdirSync(CONFIG_DIR).filter((f) => f.endsWith('.env'));

describe('example profiles in config/', () => {
  it('are there', () => {
    expect(profiles).toEqual(
      expect.arrayContaining(['embedded.env', 'standalone.env', 'standard.env', 'pro.env']),
    );
  });

  it.each(profiles)('%s loads without a configuration error', (file) => {
    const env = readEnvFile(join(CONFIG_DIR, file));
    expect(Object.keys(env).length).toBeGreaterThan(0);
    const config = loadAppConfig(env, ['api', 'evaluation', 'analytics'], '/tmp');
    if (env.DB_PROVIDER) expect(config.database.provider).toBe(env.DB_PROVIDER.toLowerCase());
  });
});
