// Usage: npm run generate:api -w apps/admin-ui [-- [--check] <url-or-file>]
// Without a source it starts the built product (dist/main.js, embedded database in a temporary
// directory), reads /docs/openapi.json and stops it again. --check writes nothing and exits 1 when
// the committed client differs from what the document produces (the e2e drift check uses it).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, generateApiClient, GENERATED_DIR } from './api-client.mjs';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(appRoot, '../..');

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function fromProduct() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'featbit-ts-openapi-'));
  const child = spawn(process.execPath, [join(repoRoot, 'dist/main.js'), '--role', 'all'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/docs/openapi.json`);
        if (res.ok) return await res.json();
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(
      'the product did not serve /docs/openapi.json within 60 s (run npm run build:server first)',
    );
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function load(source) {
  if (!source) return fromProduct();
  if (/^https?:\/\//.test(source)) return (await fetch(source)).json();
  return JSON.parse(readFileSync(source, 'utf8'));
}

/** Files that differ between the committed client and a fresh one (added, removed or changed). */
function differences(current, fresh) {
  const have = existsSync(current) ? filesUnder(current) : [];
  const want = filesUnder(fresh);
  const changed = want.filter(
    (f) =>
      !have.includes(f) || readFileSync(join(current, f), 'utf8') !== readFileSync(join(fresh, f), 'utf8'),
  );
  return [...changed, ...have.filter((f) => !want.includes(f))].sort();
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const source = args.find((a) => a !== '--check');
const document = await load(source);
const target = join(appRoot, GENERATED_DIR);
const fresh = mkdtempSync(join(tmpdir(), 'featbit-ts-api-client-'));
try {
  await generateApiClient(document, fresh, target);
  const stale = differences(target, fresh);
  if (check) {
    if (stale.length > 0) {
      console.error(
        `${GENERATED_DIR} is out of date with the API's OpenAPI document (${stale.join(', ')}): run npm run build:server && npm run generate:api -w apps/admin-ui, then fix the console where the build breaks.`,
      );
      process.exitCode = 1;
    } else {
      console.log(`${GENERATED_DIR} matches the OpenAPI document`);
    }
  } else {
    rmSync(target, { recursive: true, force: true });
    cpSync(fresh, target, { recursive: true });
    const count = Object.keys(document.paths ?? {}).length;
    console.log(`wrote ${GENERATED_DIR} (${count} paths, ${stale.length} files changed)`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
