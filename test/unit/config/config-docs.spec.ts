import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigTable, renderEnvExample } from '../../../src/config/config-docs';
import { ENV_VARIABLES } from '../../../src/config/env-variables';

const root = join(__dirname, '../../..');
const readmePath = join(root, 'README.md');
const envExamplePath = join(root, '.env.example');

// Both files are rendered from the section tables (src/config/sections/). After changing a table,
// rewrite them with: UPDATE_CONFIG_DOCS=1 npm run test:unit -- test/unit/config/config-docs.spec.ts
const TABLE = /\| Variable \| Default \| FeatBit alias \| Meaning \|\n(?:\|.*\|\n)+/;
if (process.env.UPDATE_CONFIG_DOCS === '1') {
  writeFileSync(readmePath, readFileSync(readmePath, 'utf8').replace(TABLE, renderConfigTable()));
  writeFileSync(envExamplePath, renderEnvExample());
}

const readme = readFileSync(readmePath, 'utf8');
const envExample = readFileSync(envExamplePath, 'utf8');

describe('configuration documentation', () => {
  it.each(ENV_VARIABLES.map((v) => [v.name, v] as const))(
    'documents %s in the README table and .env.example',
    (name, v) => {
      expect(readme).toContain(`| \`${name}\` |`);
      expect(envExample).toMatch(new RegExp(`^#?${name}=`, 'm'));
      for (const alias of v.aliases) expect(readme).toContain(`\`${alias.name}\``);
    },
  );

  it('has the README table and .env.example as the section tables render them', () => {
    expect(readme.match(TABLE)?.[0]).toBe(renderConfigTable());
    expect(envExample).toBe(renderEnvExample());
  });
});
