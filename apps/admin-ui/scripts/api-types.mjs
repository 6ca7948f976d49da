// Turns the management API's OpenAPI document into TypeScript types for the console's HTTP layer.
// Shared by the generator script and the e2e drift check, so both produce identical text.
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

export const GENERATED_PATH = 'src/app/api/generated/openapi.ts';

const HEADER = `// Generated from the management API's OpenAPI document (/docs/openapi.json). Do not edit:
// regenerate with \`npm run generate:api-types -w apps/admin-ui\` after API changes.
/* eslint-disable */
`;

/**
 * @param {object} document an OpenAPI 3 document
 * @param {string} targetFile absolute path of the generated file (its Prettier settings apply)
 */
export async function apiTypesFor(document, targetFile) {
  const ast = await openapiTS(document, { alphabetize: true });
  const options = (await resolveConfig(targetFile)) ?? {};
  return format(HEADER + astToString(ast), { ...options, filepath: targetFile });
}
