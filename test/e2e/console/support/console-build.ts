import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/product';

const UI_ROOT = join(REPO_ROOT, 'apps/admin-ui');
const INDEX = join(UI_ROOT, 'dist/admin-ui/browser/index.html');
const BUILD_LOCK = '/tmp/featbit-ts-ui-build.lock';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (!entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console (npm run build:ui) when it is missing or older than its sources. */
export function ensureConsoleBuilt(): void {
  const sources = Math.max(newestMtime(join(UI_ROOT, 'src')), newestMtime(join(REPO_ROOT, 'src/core')));
  if (existsSync(INDEX) && statSync(INDEX).mtimeMs >= sources) return;
  execFileSync('flock', [BUILD_LOCK, 'npm', 'run', 'build:ui'], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
    timeout: 300_000,
  });
}
