import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_VARIABLES } from '../../../src/config/env-variables';

const root = join(__dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const envExample = readFileSync(join(root, '.env.example'), 'utf8');

describe('configuration documentation', () => {
  it.each(ENV_VARIABLES.map((v) => [v.name, v] as const))(
    'documents %s in the README table and .env.example',
    (name, v) => {
      expect(readme).toContain(`| \`${name}\` |`);
      expect(envExample).toMatch(new RegExp(`^#?${name}=`, 'm'));
      for (const alias of v.aliases ?? []) expect(readme).toContain(`\`${alias.name}\``);
    },
  );
});
