import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the schemathesis CLI (installed by .ci/infra.sh, path in SCHEMATHESIS_BIN) against a running
// product's OpenAPI document and reports what it generated and found.

export interface CampaignOptions {
  baseUrl: string;
  token: string;
  workspaceId: string;
  organizationId: string;
  /** Fixed values of path parameters (`envId` …): a throw-away project, never the fixtures. */
  pathParameters: Record<string, string>;
  maxExamples: number;
  /** Operation ids left out (sign-in/out, deleting the current organization …). */
  excludeOperationIds: string[];
  timeoutMs: number;
}

export interface CampaignResult {
  exitCode: number;
  output: string;
  /** Test cases (requests) schemathesis reports as generated. */
  testCases: number;
  operations: number;
}

export function schemathesisBin(): string | undefined {
  return process.env.SCHEMATHESIS_BIN;
}

function toml(value: string): string {
  return JSON.stringify(value);
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignResult> {
  const dir = mkdtempSync(join(tmpdir(), 'featbit-st-'));
  const config = join(dir, 'schemathesis.toml');
  writeFileSync(
    config,
    [
      'color = false',
      `[headers]`,
      `Authorization = ${toml(`Bearer ${o.token}`)}`,
      `Workspace = ${toml(o.workspaceId)}`,
      `Organization = ${toml(o.organizationId)}`,
      `[parameters]`,
      ...Object.entries(o.pathParameters).map(([name, value]) => `${toml(`path.${name}`)} = ${toml(value)}`),
      '',
    ].join('\n'),
  );
  const args = [
    '--config-file',
    config,
    'run',
    `${o.baseUrl}/docs/openapi.json`,
    '--url',
    o.baseUrl,
    '--checks',
    'not_a_server_error,response_schema_conformance',
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(o.maxExamples),
    '--workers',
    '2',
    '--seed',
    '20240601',
    '--request-timeout',
    '20',
    '--no-shrink',
    '--suppress-health-check',
    'all',
    ...o.excludeOperationIds.flatMap((id) => ['--exclude-operation-id', id]),
  ];
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      schemathesisBin()!,
      args,
      { timeout: o.timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const exit = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        const killed = err?.killed
          ? `\n[campaign stopped: still running after ${o.timeoutMs / 1000} s]\n`
          : '';
        resolve({ code: exit, output: `${stdout}\n${stderr}${killed}` });
      },
    );
  });
  const number = (re: RegExp) => Number(re.exec(output)?.[1] ?? '0');
  return {
    exitCode: code,
    output,
    testCases: number(/Test cases:\s*(\d+) generated/),
    operations: number(/API Operations:\s*Selected:\s*\d+\/\d+\s*Tested:\s*(\d+)/),
  };
}
