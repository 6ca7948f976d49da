jest.setTimeout(60_000);
import { randomUUID } from 'node:crypto';
import { envIdFromSecret } from '../../../src/core/tenancy/secret-format';
import { ApiApp } from './support/api-app';
import { boolFlag } from './support/fixtures';

describe('workspaces, organizations, projects, environments and secrets (e2e, in-process)', () => {
  let api: ApiApp;

  beforeAll(async () => {
    api = await ApiApp.start();
    await api.loginAsAdmin();
  });
  afterAll(() => api.close());

  it('shows and updates the current workspace', async () => {
    const ws = await api.get('/api/v1/workspaces');
    expect(ws.body.data).toMatchObject({ key: 'default', license: null, sso: null });
    const updated = await api.put('/api/v1/workspaces', { name: 'Acme', key: 'acme' });
    expect(updated.body.data).toMatchObject({ name: 'Acme', key: 'acme' });
    expect((await api.get('/api/v1/workspaces/is-key-used?key=acme')).body.data).toBe(false);
    expect((await api.put('/api/v1/workspaces', { name: 'Acme', key: 'not valid!' })).body.errors).toEqual([
      'key_is_invalid',
    ]);
  });

  it('creates a project with Dev and Prod environments, their secrets and built-in properties', async () => {
    const res = await api.post('/api/v1/projects', { name: 'Web', key: 'web' });
    expect(res.status).toBe(200);
    const project = res.body.data;
    expect(project.environments.map((e: { key: string }) => e.key).sort()).toEqual(['dev', 'prod']);
    for (const env of project.environments) {
      expect(env.secrets.map((s: { type: string }) => s.type).sort()).toEqual(['client', 'server']);
      for (const secret of env.secrets) {
        expect(secret.value).toHaveLength(44);
        expect(envIdFromSecret(secret.value)).toBe(env.id);
      }
      const props = (await api.get(`/api/v1/envs/${env.id}/end-user-properties`)).body.data;
      expect(props.map((p: { name: string }) => p.name).sort()).toEqual(['keyId', 'name']);
    }
    expect((await api.post('/api/v1/projects', { name: 'Web', key: 'web' })).body.errors).toEqual([
      'KeyHasBeenUsed',
    ]);
    expect((await api.get('/api/v1/projects/is-key-used?key=web')).body.data).toBe(true);
    expect((await api.post('/api/v1/projects', { key: 'x' })).body.errors).toEqual(['name_is_required']);
  });

  it('reads, renames and deletes projects; ids of unknown projects are 404', async () => {
    const project = (await api.post('/api/v1/projects', { name: 'Temp', key: 'temp' })).body.data;
    expect((await api.get(`/api/v1/projects/${project.id}`)).body.data.name).toBe('Temp');
    expect((await api.put(`/api/v1/projects/${project.id}`, { name: 'Temporary' })).body.data.name).toBe(
      'Temporary',
    );
    expect(
      (await api.put(`/api/v1/projects/${project.id}`, { name: 'x', key: 'changed' })).body.errors,
    ).toEqual(['key_is_not_allowed']);
    const env = project.environments[0];
    await api.post(`/api/v1/envs/${env.id}/feature-flags`, boolFlag('doomed'));
    expect((await api.delete(`/api/v1/projects/${project.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/projects/${project.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/envs/${env.id}/feature-flags`)).status).toBe(404);
    expect(await api.store.flags.listAll(env.id)).toEqual([]);
    expect((await api.get(`/api/v1/projects/${randomUUID()}`)).body.errors).toEqual(['ResourceNotFound']);
  });

  it('manages environments with settings; keys are unique per project', async () => {
    const project = (await api.get('/api/v1/projects')).body.data.find(
      (p: { key: string }) => p.key === 'web',
    );
    const base = `/api/v1/projects/${project.id}/envs`;
    const created = await api.post(base, {
      name: 'Staging',
      key: 'staging',
      description: 'pre-prod',
      settings: { requireChangeComment: true },
    });
    expect(created.body.data).toMatchObject({ key: 'staging', settings: { requireChangeComment: true } });
    expect((await api.post(base, { name: 'Staging', key: 'staging' })).body.errors).toEqual([
      'KeyHasBeenUsed',
    ]);
    expect((await api.get(`${base}/is-key-used?key=staging`)).body.data).toBe(true);
    const id = created.body.data.id;
    expect(
      (await api.put(`${base}/${id}`, { name: 'Stage', settings: { requireChangeComment: false } })).body
        .data,
    ).toMatchObject({ name: 'Stage', settings: { requireChangeComment: false } });
    expect(
      (await api.put(`${base}/${id}`, { settings: { requireChangeComment: 'yes' } })).body.errors,
    ).toEqual(['requireChangeComment_is_invalid']);
    // An environment addressed through another project does not exist there.
    const other = (await api.defaultProject()).id;
    expect((await api.get(`/api/v1/projects/${other}/envs/${id}`)).status).toBe(404);
    expect((await api.delete(`${base}/${id}`)).status).toBe(200);
    expect((await api.get(`${base}/${id}`)).status).toBe(404);
  });

  it('adds, renames, rotates and removes secrets', async () => {
    const envId = await api.envId('dev');
    const base = `/api/v1/envs/${envId}/secrets`;
    const added = await api.post(base, { name: 'Backend 2', type: 'server' });
    expect(added.body.data).toMatchObject({ name: 'Backend 2', type: 'server' });
    expect(envIdFromSecret(added.body.data.value)).toBe(envId);
    expect((await api.post(base, { name: 'x', type: 'mobile' })).body.errors).toEqual(['type_is_invalid']);
    expect((await api.put(`${base}/${added.body.data.id}`, { name: 'Backend B' })).body.data.name).toBe(
      'Backend B',
    );
    const rotated = await api.put(`${base}/${added.body.data.id}/rotate`);
    expect(rotated.body.data.value).not.toBe(added.body.data.value);
    expect(rotated.body.data.id).toBe(added.body.data.id);
    expect((await api.delete(`${base}/${added.body.data.id}`)).status).toBe(200);
    expect((await api.delete(`${base}/${added.body.data.id}`)).status).toBe(404);
  });

  it('lists, creates and updates organizations; the caller owns a new one', async () => {
    const created = await api.post('/api/v1/organizations', { name: 'Second', key: 'second' });
    expect(created.status).toBe(200);
    const orgs = (await api.get('/api/v1/organizations')).body.data;
    expect(orgs.map((o: { key: string }) => o.key).sort()).toEqual(['default', 'second']);
    expect((await api.get(`/api/v1/organizations/${created.body.data.id}`)).body.data.key).toBe('second');
    expect((await api.get(`/api/v1/organizations/${randomUUID()}`)).status).toBe(404);
    const asSecond = await api.get('/api/v1/user/policies', {
      headers: { organization: created.body.data.id },
    });
    expect(asSecond.body.data.map((p: { key: string }) => p.key)).toEqual(['owner']);
    const updated = await api.put('/api/v1/organizations', {
      name: 'Default Org',
      settings: { flagSortedBy: 'key' },
    });
    expect(updated.body.data).toMatchObject({ name: 'Default Org', settings: { flagSortedBy: 'key' } });
    expect(
      (await api.put('/api/v1/organizations', { defaultPermissions: { policyIds: [], groupIds: [] } })).body
        .errors,
    ).toEqual(['DefaultPermissionsRequired']);
    expect((await api.get('/api/v1/organizations/members')).body.data.totalCount).toBe(1);
    // Ids of another organization are not found from this one, even for an owner of both.
    const second = { headers: { organization: created.body.data.id } };
    const foreign = (await api.post('/api/v1/projects', { name: 'Elsewhere', key: 'elsewhere' }, second)).body
      .data;
    const foreignEnv = foreign.environments[0].id;
    expect((await api.get(`/api/v1/envs/${foreignEnv}/feature-flags`, second)).status).toBe(200);
    expect((await api.get(`/api/v1/envs/${foreignEnv}/feature-flags`)).status).toBe(404);
    expect((await api.get(`/api/v1/projects/${foreign.id}`)).status).toBe(404);
    expect((await api.post(`/api/v1/envs/${foreignEnv}/feature-flags`, boolFlag('sneaky'))).status).toBe(404);
    const theirs = `/api/v1/envs/${foreignEnv}/feature-flags/theirs`;
    expect(
      (await api.post(`/api/v1/envs/${foreignEnv}/feature-flags`, boolFlag('theirs'), second)).status,
    ).toBe(200);
    expect((await api.get(theirs)).status).toBe(404);
    expect((await api.put(`${theirs}/toggle/true`, {})).status).toBe(404);
    expect((await api.get(theirs, second)).body.data).toMatchObject({ key: 'theirs', isEnabled: false });
    expect((await api.delete('/api/v1/organizations', second)).status).toBe(200);
    expect((await api.get('/api/v1/organizations')).body.data).toHaveLength(1);
    expect((await api.delete('/api/v1/organizations')).body.errors).toEqual(['CannotDeleteLastOrganization']);
  });

  it('refuses organizations the caller does not belong to', async () => {
    const res = await api.get('/api/v1/projects', { headers: { organization: randomUUID() } });
    expect(res.status).toBe(403);
    expect((await api.get('/api/v1/projects', { headers: { organization: 'junk' } })).status).toBe(403);
    expect(
      (
        await api.get('/api/v1/projects', {
          headers: { workspace: randomUUID(), organization: api.organizationId },
        })
      ).status,
    ).toBe(403);
  });
});
