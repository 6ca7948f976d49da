// Turns the management API's OpenAPI document into the console's HTTP client: one function per
// operation over Angular's HttpClient (ng-openapi-gen), its models, and the Api service that runs them.
// Shared by the generator script and the e2e drift check, so both produce identical files.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { NgOpenApiGen } from 'ng-openapi-gen';
import { format, resolveConfig } from 'prettier';

export const GENERATED_DIR = 'src/app/api/generated';

const OPTIONS = {
  // Observables, so Angular's interceptors and the envelope operator compose with them.
  promises: false,
  // Only functions + the Api service: per-tag service classes would duplicate the facades.
  services: false,
  // The auth interceptor adds the tenant headers to every call.
  excludeParameters: ['Organization', 'Workspace'],
  silent: true,
};

/** Every file under dir, as paths relative to it. */
export function filesUnder(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  );
}

/**
 * Generates the client for `document` into `outDir` (emptied first), formatted with the Prettier
 * settings of `targetDir`, the committed folder, so a regenerated file compares equal.
 * @param {object} document an OpenAPI 3 document
 */
export async function generateApiClient(document, outDir, targetDir) {
  new NgOpenApiGen(structuredClone(document), { ...OPTIONS, input: '', output: outDir }).generate();
  const options = (await resolveConfig(join(targetDir, 'api.ts'))) ?? {};
  for (const file of filesUnder(outDir)) {
    const path = join(outDir, file);
    const text = await format(readFileSync(path, 'utf8'), { ...options, filepath: join(targetDir, file) });
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
