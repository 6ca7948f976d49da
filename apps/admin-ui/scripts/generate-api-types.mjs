// Usage: npm run generate:api-types -w apps/admin-ui [-- [--check] <url-or-file>]
// Without a source it starts the built product (dist/main.js, embedded database in a temporary
// directory), reads /docs/openapi.json and stops it again. --check writes nothing and exits 1 when
// the committed types differ from what the document produces (the e2e drift check uses it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiTypesFor, GENERATED_PATH } from './api-types.mjs';

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

const args = process.argv.slice(2);
const check = args.includes('--check');
const source = args.find((a) => a !== '--check');
const document = await load(source);
const target = join(appRoot, GENERATED_PATH);
const text = await apiTypesFor(document, target);
if (check) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    console.error(
      `${GENERATED_PATH} is out of date with the API's OpenAPI document: run npm run build:server && npm run generate:api-types -w apps/admin-ui, then fix the console where the build breaks.`,
    );
    process.exit(1);
  }
  console.log(`${GENERATED_PATH} matches the OpenAPI document`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${GENERATED_PATH} (${Object.keys(document.paths ?? {}).length} paths)`);
}
