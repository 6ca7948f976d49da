jest.setTimeout(60_000);
import { FirstBootService } from '../../../src/api/bootstrap/first-boot.service';
import { DEVELOPER_POLICY_ID } from '../../../src/core/iam/built-in-policies';
import { ApiApp } from './support/api-app';

interface EnvBody {
  id: string;
  key: string;
  secrets: { value?: string }[];
}

const valuesOf = (envs: EnvBody[]): (string | undefined)[] =>
  envs.flatMap((e) => e.secrets.map((s) => s.value));

describe('environment secrets are shown only to callers allowed to see them (e2e, in-process)', () => {
  let api: ApiApp;
  let projectId: string;
  let adminSecrets: string[];

  /** A new member holding one custom policy with these statements; signed in. */
  async function memberWith(email: string, statements: unknown[]): Promise<ApiApp> {
    const key = email.split('@')[0];
    const policy = (await api.post('/api/v1/policies', { name: key, key })).body.data;
    expect((await api.put(`/api/v1/policies/${policy.id}/statements`, statements)).status).toBe(200);
    const added = await api.post('/api/v1/members/add', { email, policyIds: [policy.id] });
    expect(added.status).toBe(200);
    return api.fork().loginAs(email, added.body.data.initialPassword);
  }

  const readOnly = [
    {
      resourceType: 'project',
      effect: 'allow',
      actions: ['CanAccessProject'],
      resources: ['project/default'],
    },
    { resourceType: 'env', effect: 'allow', actions: ['CanAccessEnv'], resources: ['project/default:env/*'] },
  ];

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
    const project = await api.defaultProject();
    projectId = project.id;
    adminSecrets = valuesOf(project.environments) as string[];
  });
  afterAll(() => api.close());

  it('gives the owner every secret value', () => {
    expect(adminSecrets).toHaveLength(4);
    for (const value of adminSecrets) expect(value).toMatch(/^.{44}$/);
  });

  it('withholds the values from a member who may only read the project', async () => {
    const reader = await memberWith('reader@example.com', readOnly);
    const list = await reader.get('/api/v1/projects');
    expect(list.status).toBe(200);
    const project = list.body.data.find((p: { id: string }) => p.id === projectId);
    expect(project.environments.map((e: EnvBody) => e.key).sort()).toEqual(['dev', 'prod']);
    for (const value of adminSecrets) expect(list.raw).not.toContain(value);
    expect(valuesOf(project.environments).filter(Boolean)).toEqual([]);

    const one = await reader.get(`/api/v1/projects/${projectId}`);
    expect(one.status).toBe(200);
    for (const value of adminSecrets) expect(one.raw).not.toContain(value);

    const env = project.environments[0] as EnvBody;
    const got = await reader.get(`/api/v1/projects/${projectId}/envs/${env.id}`);
    expect(got.status).toBe(200);
    expect(got.body.data.key).toBe(env.key);
    for (const value of adminSecrets) expect(got.raw).not.toContain(value);
  });

  it('shows the secrets of exactly the environments CanAccessEnvSecrets covers', async () => {
    const devOnly = await memberWith('dev-keys@example.com', [
      ...readOnly,
      {
        resourceType: 'env',
        effect: 'allow',
        actions: ['CanAccessEnvSecrets'],
        resources: ['project/default:env/dev'],
      },
    ]);
    const project = (await devOnly.defaultProject()) as { environments: EnvBody[] };
    const byKey = Object.fromEntries(project.environments.map((e) => [e.key, valuesOf([e])]));
    expect(byKey.dev).toHaveLength(2);
    for (const value of byKey.dev) expect(adminSecrets).toContain(value);
    expect(byKey.prod.filter(Boolean)).toEqual([]);
  });

  it('keeps showing them to the built-in Developer policy, also one stored by an earlier version', async () => {
    const stored = (await api.store.policies.findById(DEVELOPER_POLICY_ID))!;
    // An earlier version's Developer policy, without the secrets action.
    await api.store.policies.update({
      ...stored,
      statements: stored.statements.map((s) => ({
        ...s,
        actions: s.actions.filter((a) => a !== 'CanAccessEnvSecrets'),
      })),
    });
    await api.app.get(FirstBootService).run();

    const added = await api.post('/api/v1/members/add', {
      email: 'developer@example.com',
      policyIds: [DEVELOPER_POLICY_ID],
    });
    const developer = await api.fork().loginAs('developer@example.com', added.body.data.initialPassword);
    const project = (await developer.defaultProject()) as { environments: EnvBody[] };
    expect(valuesOf(project.environments).sort()).toEqual([...adminSecrets].sort());
  });
});
