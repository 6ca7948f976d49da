import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Drift check: every command the README shows must work as written on a fresh clone — npm scripts
// that exist, files that exist — and the Jest suites are shown through their npm scripts (which set
// the Node flag PGlite needs), never as bare `npx jest`.
const REPO_ROOT = join(__dirname, '../../..');
const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

interface Manifest {
  scripts?: Record<string, string>;
}
const rootScripts =
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest).scripts ?? {};
const uiScripts =
  (JSON.parse(readFileSync(join(REPO_ROOT, 'apps/admin-ui/package.json'), 'utf8')) as Manifest).scripts ?? {};

/** Lines of the ```sh blocks, split into single commands. */
function shellCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  return blocks
    .flatMap((block) => block.replace(/\\\n/g, ' ').split('\n'))
    .map((line) => line.replace(/\s#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .flatMap((line) => line.split(/\s*(?:&&|\|\||;)\s*/))
    .filter((command) => command !== '');
}

/** Why `command` would not work from a fresh clone, or null. */
function problem(command: string): string | null {
  // Leading VAR=value assignments and $(…) substitutions do not name anything in the repository.
  const words = command
    .replace(/\$\([^)]*\)/g, 'VALUE')
    .split(/\s+/)
    .filter((w, i, all) => !all.slice(0, i + 1).every((x) => /^[A-Z_][A-Z0-9_]*=/.test(x)));
  const [tool, ...args] = words;
  const fileExists = (path: string) =>
    existsSync(join(REPO_ROOT, path)) ||
    // Built output exists after `npm run build`: its source must.
    (/^dist\/.+\.js$/.test(path) &&
      existsSync(join(REPO_ROOT, path.replace(/^dist/, 'src').replace(/\.js$/, '.ts'))));
  if (tool === 'npm') {
    const [sub, name] = args;
    if (sub === 'ci' || sub === 'install') return null;
    const workspace = args.includes('-w') ? args[args.indexOf('-w') + 1] : null;
    const scripts = workspace === 'apps/admin-ui' ? uiScripts : workspace ? {} : rootScripts;
    const script = sub === 'run' ? name : sub;
    return script in scripts ? null : `npm script "${script}" does not exist`;
  }
  if (tool === 'node') return fileExists(args[0]) ? null : `${args[0]} does not exist`;
  if (tool === '.' || tool === 'source') {
    return args[0].startsWith('/tmp/featbit-ts-infra/') ? null : `sources an unknown file ${args[0]}`;
  }
  if (tool === 'cat') return args[0].startsWith('data/') ? null : `cat of an unexpected file ${args[0]}`;
  if (tool === 'docker') {
    const file = args[args.indexOf('-f') + 1];
    return args[0] === 'compose' && fileExists(file) ? null : `docker command without an existing -f file`;
  }
  if (/^(\.\/|\.ci\/|scripts\/)/.test(tool)) {
    try {
      accessSync(join(REPO_ROOT, tool), constants.X_OK);
      return null;
    } catch {
      return `${tool} is not an executable file`;
    }
  }
  return `unknown command "${tool}" (extend this check if it is intended)`;
}

describe('README commands', () => {
  const commands = shellCommands(readme);

  it('shows shell blocks to check', () => {
    expect(commands.length).toBeGreaterThan(5);
  });

  it.each(commands)('`%s` names an existing npm script or file', (command) => {
    expect(problem(command)).toBeNull();
  });

  it('names only existing npm scripts in its text and tables', () => {
    const named = [...readme.matchAll(/`npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(named.filter((name) => !(name in rootScripts))).toEqual([]);
  });

  it('shows the Jest suites through npm scripts, not bare `npx jest`', () => {
    expect(readme.match(/npx jest[^`\n]*/g) ?? []).toEqual([]);
  });
});
