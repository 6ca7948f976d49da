// Generous: on a loaded CI machine the two campaigns took 1.5x what they take here (admin 244-338 s).
jest.setTimeout(1_500_000);
import { type ManagementClient, signIn } from '../support/management-client';
import { type RunningProduct, startProduct } from '../support/product';
import { type CampaignResult, runCampaign, schemathesisBin } from './support/schemathesis';

// A schemathesis campaign over every management operation of the OpenAPI document, as the admin and
// as a read-only member: no response may be a 5xx, every response must match the document, and
// records that existed before (fixture flags and a segment) must be unchanged and evaluate the
// same afterwards. Schemathesis gets a throw-away project for its path ids; operations that sign
// in or out, or delete the current organization or the throw-away project, are left out.

const EXCLUDED = [
  'loginByEmail',
  'refreshToken',
  'logout',
  'resetPassword',
  'deleteOrganization',
  'deleteProject',
  'deleteEnvironment',
];

const bin = schemathesisBin();
// Skipped only when SCHEMATHESIS_BIN is unset (a run outside .ci/run, whose .ci/infra.sh installs it).
const describeIf = bin ? describe : describe.skip;
if (!bin) process.stderr.write('schemathesis e2e: SCHEMATHESIS_BIN unset (run .ci/infra.sh up); skipped\n');

describeIf('schemathesis over the management API (e2e)', () => {
  let product: RunningProduct;
  let admin: ManagementClient;
  let devId: string;
  const fixtureKeys = ['st-bool', 'st-string', 'st-json'];
  let segmentId = '';

  async function fingerprint(): Promise<string> {
    const parts: unknown[] = [];
    for (const key of fixtureKeys) {
      parts.push(await admin.ok('GET', `/envs/${devId}/feature-flags/${key}`));
      for (const keyId of ['alice', 'bob', 'carol']) {
        parts.push(
          await admin.ok('POST', `/envs/${devId}/feature-flags/${key}/evaluate`, {
            user: { keyId, name: keyId },
          }),
        );
      }
    }
    parts.push(await admin.ok('GET', `/envs/${devId}/segments/${segmentId}`));
    // Schemathesis may create projects and edit the throw-away one; the fixture project must not change.
    const projects = await admin.ok<{ key: string }[]>('GET', `/projects`);
    parts.push(projects.filter((p) => p.key === 'default'));
    return JSON.stringify(parts);
  }

  function report(label: string, result: CampaignResult): void {
    if (!product.running)
      process.stdout.write(`\n=== product exited; its last log lines:\n${product.logs().slice(-6000)}\n`);
    const summary = result.output.slice(
      result.output.lastIndexOf('SUMMARY') >= 0 ? result.output.lastIndexOf('SUMMARY') : -4000,
    );
    // Quoted line by line: schemathesis closes in pytest's form ("=== 3 warnings in 62s ==="), which
    // CI would read as the whole run's closing line, one that executed no test.
    const body = result.exitCode === 0 ? summary.slice(-3000) : result.output.slice(-60_000);
    process.stdout.write(
      `\n=== schemathesis (${label}): ${result.operations} operations, ${result.testCases} test cases, exit ${result.exitCode}\n` +
        `${body.replace(/^/gm, '  | ')}\n`,
    );
  }

  beforeAll(async () => {
    product = await startProduct();
    admin = await signIn(product.baseUrl);
    devId = (await admin.environment('dev')).id;
    await admin.createFlag(devId, { key: 'st-bool', variationType: 'boolean', values: ['true', 'false'] });
    await admin.createFlag(devId, {
      key: 'st-string',
      variationType: 'string',
      values: ['red', 'green', 'blue'],
    });
    await admin.createFlag(devId, { key: 'st-json', variationType: 'json', values: ['{"a":1}', '{"a":2}'] });
    segmentId = (
      await admin.ok<{ id: string }>('POST', `/envs/${devId}/segments`, {
        name: 'Schemathesis',
        key: 'st-seg',
      })
    ).id;
  });
  afterAll(async () => {
    await product?.stop();
  });

  it('finds no server error and no response outside the document; the fixtures stay intact', async () => {
    const before = await fingerprint();
    const project = await admin.ok<{ id: string; environments: { id: string; key: string }[] }>(
      'POST',
      '/projects',
      {
        name: 'Fuzzing',
        key: 'fuzzing',
      },
    );
    const pathParameters = { projectId: project.id, envId: project.environments[0].id };

    const asAdmin = await runCampaign({
      baseUrl: product.baseUrl,
      token: admin.token,
      workspaceId: admin.workspaceId,
      organizationId: admin.organizationId,
      pathParameters,
      maxExamples: 15,
      excludeOperationIds: EXCLUDED,
      timeoutMs: 720_000,
    });
    report('admin', asAdmin);

    // A member whose only policy lets it read projects and environments.
    const policy = await admin.ok<{ id: string }>('POST', '/policies', {
      name: 'Read only',
      key: 'read-only',
    });
    await admin.ok('PUT', `/policies/${policy.id}/statements`, [
      { resourceType: 'project', effect: 'allow', actions: ['CanAccessProject'], resources: ['project/*'] },
      { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/*:env/*'] },
    ]);
    const added = await admin.ok<{ initialPassword: string }>('POST', '/members/add', {
      email: 'reader@example.com',
      policyIds: [policy.id],
    });
    const reader = await signIn(product.baseUrl, 'reader@example.com', added.initialPassword);
    const asReader = await runCampaign({
      baseUrl: product.baseUrl,
      token: reader.token,
      workspaceId: reader.workspaceId,
      organizationId: reader.organizationId,
      pathParameters,
      maxExamples: 5,
      excludeOperationIds: EXCLUDED,
      timeoutMs: 600_000,
    });
    report('read-only member', asReader);

    expect(product.running).toBe(true);
    expect({ admin: asAdmin.exitCode, reader: asReader.exitCode }).toEqual({ admin: 0, reader: 0 });
    expect(asAdmin.operations).toBeGreaterThan(80);
    expect(asAdmin.testCases).toBeGreaterThanOrEqual(3000);
    expect(await fingerprint()).toBe(before);
  });
});
