import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import { ProjectService } from '../../../../src/api/tenancy/project.service';
import { DuplicateKeyError } from '../../../../src/core/shared/errors';
import { flag } from '../../../conformance/flag-builders';
import { ADMIN } from '../support/iam-services';
import { InMemoryTenancy, recordingCollaborators, type SideEffect } from '../support/in-memory-tenancy';

function setUp() {
  const db = new InMemoryTenancy();
  const org = db.iam.addOrganization('org-1');
  const effects: SideEffect[] = [];
  const { cacheSync, relay, logger } = recordingCollaborators(effects);
  const projects = new ProjectService(
    db.store,
    db.projects,
    db.environments,
    new AuditTrail(),
    cacheSync,
    relay,
    logger,
  );
  return { db, org, effects, projects, audit: () => db.iam.state.auditLogs };
}

/** Lets the best-effort end-user purge, started without awaiting, run to its end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ProjectService', () => {
  it('creates a project with Dev and Prod, their secrets and built-in properties, audited in one transaction', async () => {
    const { db, org, effects, projects, audit } = setUp();
    const { project, environments } = await projects.createProject(org, ADMIN, { name: 'Web', key: 'web' });
    expect(environments.map((e) => [e.key, e.projectId])).toEqual([
      ['dev', project.id],
      ['prod', project.id],
    ]);
    for (const env of environments) {
      expect(env.secrets.map((s) => s.type).sort()).toEqual(['client', 'server']);
      expect(db.state.properties.filter((p) => p.envId === env.id).map((p) => p.name)).toEqual([
        'keyId',
        'name',
      ]);
    }
    expect(db.iam.transactions).toBe(1);
    expect(audit().map((a) => [a.refType, a.operation, a.envId])).toEqual([
      ['Project', 'Create', ''],
      ['Environment', 'Create', environments[0].id],
      ['Environment', 'Create', environments[1].id],
    ]);
    const logged = JSON.stringify(audit());
    for (const secret of environments.flatMap((e) => e.secrets)) expect(logged).not.toContain(secret.value);
    expect(effects).toEqual(environments.map((e) => ['secretsAdded', e.id]));
  });

  it('keeps no project, environment or property when the audit entry cannot be written', async () => {
    const { db, org, effects, projects } = setUp();
    db.iam.failAuditAppend = true;
    await expect(projects.createProject(org, ADMIN, { name: 'Web', key: 'web' })).rejects.toThrow(
      'audit log unavailable',
    );
    expect(db.state).toMatchObject({ projects: [], environments: [], properties: [] });
    expect(effects).toEqual([]);
  });

  it('refuses a project key taken in the organization, not one taken in another organization', async () => {
    const { db, org, effects, projects, audit } = setUp();
    db.addProject('web', 'org-1');
    db.addProject('api', 'org-2');
    await expect(projects.createProject(org, ADMIN, { name: 'Web', key: 'web' })).rejects.toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(db.state.environments).toEqual([]);
    expect(audit()).toEqual([]);
    expect(effects).toEqual([]);
    expect([await projects.isKeyUsed('org-1', 'web'), await projects.isKeyUsed('org-1', 'api')]).toEqual([
      true,
      false,
    ]);
    await projects.createProject(org, ADMIN, { name: 'Api', key: 'api' });
    expect(db.state.projects.filter((p) => p.key === 'api')).toHaveLength(2);
  });

  it('refuses an environment key taken in the project and writes nothing for it', async () => {
    const { db, org, effects, projects, audit } = setUp();
    const project = db.addProject('web', 'org-1');
    db.addEnvironment('prod', project.id);
    const other = db.addProject('api', 'org-1');
    await expect(
      projects.createEnvironment(org, project, ADMIN, { name: 'Prod', key: 'prod' }),
    ).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(db.state.properties).toEqual([]);
    expect(audit()).toEqual([]);
    expect(effects).toEqual([]);
    const env = await projects.createEnvironment(org, other, ADMIN, {
      name: 'Prod',
      key: 'prod',
      requireChangeComment: true,
    });
    expect(env.settings).toEqual({ requireChangeComment: true });
    expect(await projects.isEnvironmentKeyUsed(other.id, 'prod')).toBe(true);
    expect(effects).toEqual([['secretsAdded', env.id]]);
  });

  it('lists only the organization’s projects, each with its own environments', async () => {
    const { db, projects } = setUp();
    db.addProject('web', 'org-1');
    db.addProject('theirs', 'org-2');
    db.addEnvironment('web-dev', 'web');
    db.addEnvironment('theirs-dev', 'theirs');
    const listed = await projects.listWithEnvironments('org-1');
    expect(listed.map(({ project, environments }) => [project.id, environments.map((e) => e.id)])).toEqual([
      ['web', ['web-dev']],
    ]);
    expect((await projects.environmentsOf('theirs')).map((e) => e.id)).toEqual(['theirs-dev']);
  });

  it('renames a project with a trimmed name, keeps its key and audits the change', async () => {
    const { db, org, projects, audit } = setUp();
    const before = db.addProject('web', 'org-1');
    db.addEnvironment('web-dev', 'web');
    const { project, environments } = await projects.updateProject(org, before, ADMIN, '  Website ');
    expect(db.state.projects).toEqual([project]);
    expect(project).toMatchObject({ name: 'Website', key: 'web' });
    expect(environments.map((e) => e.id)).toEqual(['web-dev']);
    expect(audit().map((a) => [a.refType, a.operation, a.refId])).toEqual([['Project', 'Update', 'web']]);
  });

  it('keeps the project name when the rename cannot be audited', async () => {
    const { db, org, projects } = setUp();
    const before = db.addProject('web', 'org-1');
    db.iam.failAuditAppend = true;
    await expect(projects.updateProject(org, before, ADMIN, 'Website')).rejects.toThrow();
    expect(db.state.projects).toEqual([before]);
  });

  it('updates an environment over its stored secrets, merging settings, with no secret in the audit log', async () => {
    const { db, org, projects, audit } = setUp();
    const project = db.addProject('web', 'org-1');
    const stale = db.addEnvironment('prod', project.id, ['old-secret']);
    stale.settings = { requireChangeComment: true };
    // A secret rotated since the caller read the environment must survive the update.
    db.state.environments = [{ ...stale, secrets: [{ ...stale.secrets[0], value: 'rotated-secret' }] }];
    const updated = await projects.updateEnvironment(org, project, stale, ADMIN, {
      name: ' Production ',
      settings: {},
    });
    expect(updated.secrets.map((s) => s.value)).toEqual(['rotated-secret']);
    expect(updated).toMatchObject({ name: 'Production', settings: { requireChangeComment: true } });
    expect(db.state.environments).toEqual([updated]);
    expect(audit().map((a) => [a.refType, a.operation, a.envId])).toEqual([
      ['Environment', 'Update', 'prod'],
    ]);
    expect(JSON.stringify(audit())).not.toContain('rotated-secret');
  });

  it('keeps the environment unchanged when its update cannot be audited', async () => {
    const { db, org, projects } = setUp();
    const project = db.addProject('web', 'org-1');
    const env = db.addEnvironment('prod', project.id);
    db.iam.failAuditAppend = true;
    await expect(projects.updateEnvironment(org, project, env, ADMIN, { name: 'X' })).rejects.toThrow();
    expect(db.state.environments).toEqual([env]);
  });

  it('deletes an environment with its flags, own segments and properties; publishes, then clears caches and end users', async () => {
    const { db, org, effects, projects, audit } = setUp();
    const project = db.addProject('web', 'org-1');
    const env = db.addEnvironment('prod', project.id, ['server-secret']);
    db.addEnvironment('dev', project.id);
    db.state.flags = [flag({ id: 'f-prod', envId: 'prod' }), flag({ id: 'f-dev', envId: 'dev' })];
    db.addSegment({ id: 'seg-prod', envId: 'prod' });
    db.addSegment({ id: 'seg-dev', envId: 'dev' });
    db.addSegment({ id: 'seg-shared', type: 'shared', scopes: ['organization/org-1:project/web'] });
    db.addProperty('prod', 'country');
    db.addProperty('dev', 'country');
    db.addEndUser('prod', 'alice');
    db.addEndUser('dev', 'bob');
    db.iam.state.auditLogs.push({
      id: 'earlier',
      organizationId: 'org-1',
      envId: 'prod',
      refType: 'FeatureFlag',
      refId: 'f-prod',
      keyword: '',
      operation: 'Create',
      dataChange: { previous: '', current: '' },
      comment: '',
      creatorId: ADMIN.creatorId,
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    await projects.deleteEnvironment(org, project, env, ADMIN);
    await settle();
    expect(db.state.environments.map((e) => e.id)).toEqual(['dev']);
    expect(db.state.flags.map((f) => f.id)).toEqual(['f-dev']);
    expect(db.state.segments.map((s) => s.id)).toEqual(['seg-dev', 'seg-shared']);
    expect(db.state.properties.map((p) => p.envId)).toEqual(['dev']);
    expect(db.state.endUsers.map((u) => u.keyId)).toEqual(['bob']);
    expect(audit().map((a) => [a.id === 'earlier' ? 'kept' : a.operation, a.envId])).toEqual([
      ['kept', 'prod'],
      ['Remove', 'prod'],
    ]);
    expect(db.state.outbox.map((m) => JSON.parse(m.payload) as unknown)).toEqual([
      { kind: 'environment', envIds: ['prod'] },
    ]);
    expect(effects).toEqual([
      ['kick', [db.state.outbox[0].id]],
      ['idle'],
      ['secretsRemoved', ['server-secret']],
      ['flagRemoved', 'prod', 'f-prod'],
      ['segmentRemoved', ['prod'], 'seg-prod'],
      ['segmentRemoved', ['prod'], 'seg-shared'],
    ]);
  });

  it('keeps the environment and everything in it, and publishes nothing, when its removal cannot be audited', async () => {
    const { db, org, effects, projects } = setUp();
    const project = db.addProject('web', 'org-1');
    const env = db.addEnvironment('prod', project.id, ['server-secret']);
    db.state.flags = [flag({ id: 'f-prod', envId: 'prod' })];
    db.addProperty('prod', 'country');
    db.addEndUser('prod', 'alice');
    db.iam.failAuditAppend = true;
    await expect(projects.deleteEnvironment(org, project, env, ADMIN)).rejects.toThrow();
    await settle();
    expect(db.state).toMatchObject({
      environments: [env],
      flags: [{ id: 'f-prod' }],
      properties: [{ envId: 'prod' }],
      endUsers: [{ keyId: 'alice' }],
      outbox: [],
    });
    expect(effects).toEqual([]);
  });

  it('answers the deletion even when the end users cannot be removed, and logs it', async () => {
    const { db, org, effects, projects } = setUp();
    const project = db.addProject('web', 'org-1');
    const env = db.addEnvironment('prod', project.id);
    db.addEndUser('prod', 'alice');
    db.failEndUserDelete = true;
    await projects.deleteEnvironment(org, project, env, ADMIN);
    await settle();
    expect(db.state.environments).toEqual([]);
    expect(effects.filter(([what]) => what === 'warn')).toHaveLength(1);
  });

  it('deletes a project after each of its environments, auditing every removal', async () => {
    const { db, org, projects, audit } = setUp();
    const project = db.addProject('web', 'org-1');
    db.addProject('api', 'org-1');
    db.addEnvironment('dev', 'web');
    db.addEnvironment('prod', 'web');
    db.addEnvironment('api-dev', 'api');
    await projects.deleteProject(org, project, ADMIN);
    expect(db.state.projects.map((p) => p.id)).toEqual(['api']);
    expect(db.state.environments.map((e) => e.id)).toEqual(['api-dev']);
    expect(audit().map((a) => [a.refType, a.operation, a.refId])).toEqual([
      ['Environment', 'Remove', 'dev'],
      ['Environment', 'Remove', 'prod'],
      ['Project', 'Remove', 'web'],
    ]);
  });
});
