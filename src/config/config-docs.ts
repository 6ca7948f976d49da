// The README configuration table and .env.example, rendered from the section tables.
// test/unit/config/config-docs.spec.ts checks the checked-in copies (and rewrites them on request).

import { ENV_VARIABLES, type EnvSection, type EnvVariable } from './env-variables';

function meaning(v: EnvVariable): string {
  const allowed = v.allowed ? `: ${v.allowed.join(', ')}` : '';
  return `${v.description}${allowed}${v.sensitive ? ' (secret: masked in logs)' : ''}`;
}

/** The Markdown table in README's Configuration section. */
export function renderConfigTable(): string {
  const rows = ENV_VARIABLES.map(
    (v) =>
      `| \`${v.name}\` | ${v.defaultText} | ${v.aliases.map((a) => `\`${a.name}\``).join(', ')} | ${meaning(v)} |`,
  );
  return ['| Variable | Default | FeatBit alias | Meaning |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** .env.example: every variable, commented out, with its default. */
export function renderEnvExample(): string {
  const lines = [
    '# Every configuration variable with its default. Copy to .env (or export them) and adjust.',
    '# FeatBit names in brackets are accepted as aliases, so FeatBit env files work unchanged.',
    '# Generated from src/config/sections/ (README, "Adding a configuration variable"); do not edit.',
  ];
  let section: EnvSection | null = null;
  for (const v of ENV_VARIABLES) {
    if (v.section !== section) {
      section = v.section;
      lines.push('', `# --- ${section} ---`);
    }
    const aliases = v.aliases.length > 0 ? ` [aliases: ${v.aliases.map((a) => a.name).join(', ')}]` : '';
    const allowed = v.allowed ? ` (${v.allowed.join(' | ')})` : '';
    const shownDefault = v.exampleValue === '' && v.defaultText !== '-' ? ` (default: ${v.defaultText})` : '';
    lines.push(`# ${v.description}${aliases}${allowed}${shownDefault}`, `#${v.name}=${v.exampleValue}`);
  }
  return lines.join('\n') + '\n';
}
