import type { DataStore } from '../../../../src/core/ports/data-store.port';
import { DuplicateKeyError, NotFoundError } from '../../../../src/core/shared/errors';
import { environment, ISO_MS, at, newId, organization, project, user, workspace } from '../contract-fixtures';

export function tenancySection(store: () => DataStore): void {
  describe('workspaces', () => {
    it('creates, reads, updates and counts', async () => {
      const before = await store().workspaces.count();
      const ws = await store().workspaces.create(
        workspace({
          sso: {
            oidc: {
              issuer: 'https://id.example.com',
              clientId: 'c',
              clientSecret: 's',
              clientAuthenticationMethod: 'client_secret_basic',
              authorizationEndpoint: '',
              tokenEndpoint: '',
              scope: 'openid',
              userEmailClaim: 'email',
              userNameClaim: 'name',
            },
            passwordLoginDisabled: false,
          },
        }),
      );
      expect(ws.createdAt).toMatch(ISO_MS);
      expect(await store().workspaces.findById(ws.id)).toEqual(ws);
      expect(await store().workspaces.findByKey(ws.key)).toEqual(ws);
      const renamed = await store().workspaces.update({
        ...ws,
        name: 'Renamed',
        license: 'lic',
        updatedAt: at(5),
      });
      expect(renamed).toMatchObject({ name: 'Renamed', license: 'lic', updatedAt: at(5) });
      expect(await store().workspaces.count()).toBe(before + 1);
      expect(await store().workspaces.findById(newId())).toBeNull();
    });

    it('rejects a duplicate key with DuplicateKeyError(key) and updates of missing rows with NotFoundError', async () => {
      const ws = await store().workspaces.create(workspace());
      const clash = store().workspaces.create(workspace({ key: ws.key }));
      await expect(clash).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(clash).rejects.toMatchObject({ entity: 'Workspace', field: 'key' });
      await expect(store().workspaces.update(workspace())).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps workspace membership idempotently', async () => {
      const ws = await store().workspaces.create(workspace());
      const u = await store().users.create(user());
      await store().workspaces.addUser(ws.id, u.id);
      await store().workspaces.addUser(ws.id, u.id);
      expect((await store().workspaces.listForUser(u.id)).map((w) => w.id)).toEqual([ws.id]);
      await store().workspaces.removeUser(ws.id, u.id);
      expect(await store().workspaces.listForUser(u.id)).toEqual([]);
    });
  });

  describe('users', () => {
    it('finds users by e-mail case-insensitively and rejects the same e-mail in another case', async () => {
      const u = await store().users.create(user({ email: `Mixed.${newId()}@Example.com` }));
      expect(await store().users.findByEmail(u.email.toLowerCase())).toEqual(u);
      const clash = store().users.create(user({ email: u.email.toUpperCase() }));
      await expect(clash).rejects.toMatchObject({
        name: 'DuplicateKeyError',
        entity: 'User',
        field: 'email',
      });
    });

    it('updates, lists by ids and deletes', async () => {
      const a = await store().users.create(user());
      const b = await store().users.create(user());
      const updated = await store().users.update({ ...a, name: 'Alice', updatedAt: at(9) });
      expect(updated.name).toBe('Alice');
      expect((await store().users.findByIds([a.id, b.id, newId()])).map((x) => x.id).sort()).toEqual(
        [a.id, b.id].sort(),
      );
      await store().users.delete(b.id);
      expect(await store().users.findById(b.id)).toBeNull();
    });
  });

  describe('organizations and members', () => {
    it('creates organizations, rejects duplicate keys per workspace and lists them', async () => {
      const ws = await store().workspaces.create(workspace());
      const org = await store().organizations.create(
        organization(ws.id, {
          defaultPermissions: { policyIds: ['p1'], groupIds: [] },
          settings: { flagSortedBy: 'key' },
        }),
      );
      expect(await store().organizations.findById(org.id)).toEqual(org);
      expect(await store().organizations.isKeyUsed(ws.id, org.key)).toBe(true);
      expect(await store().organizations.isKeyUsed(newId(), org.key)).toBe(false);
      await expect(store().organizations.create(organization(ws.id, { key: org.key }))).rejects.toMatchObject(
        {
          entity: 'Organization',
          field: 'key',
        },
      );
      const other = await store().workspaces.create(workspace());
      await store().organizations.create(organization(other.id, { key: org.key }));
      expect((await store().organizations.listByWorkspace(ws.id)).map((o) => o.id)).toEqual([org.id]);
      const changed = await store().organizations.update({ ...org, initialized: true, updatedAt: at(3) });
      expect(changed.initialized).toBe(true);
    });

    it('adds, finds, searches, pages and removes members', async () => {
      const ws = await store().workspaces.create(workspace());
      const org = await store().organizations.create(organization(ws.id));
      const tag = newId().slice(0, 6);
      const people = [];
      for (let i = 0; i < 5; i++) {
        people.push(
          await store().users.create(
            user({ email: `m${i}-${tag}@corp.test`, name: i === 3 ? 'Zed Special' : `M${i}` }),
          ),
        );
      }
      for (const p of people) {
        await store().organizations.addMember({
          organizationId: org.id,
          userId: p.id,
          invitorId: null,
          createdAt: at(1),
        });
      }
      await store().organizations.addMember({
        organizationId: org.id,
        userId: people[0].id,
        invitorId: null,
        createdAt: at(2),
      });
      expect(await store().organizations.findMember(org.id, people[1].id)).toEqual({
        organizationId: org.id,
        userId: people[1].id,
        invitorId: null,
        createdAt: at(1),
      });
      const all = await store().organizations.listMembers(org.id, { pageIndex: 0, pageSize: 3 });
      expect(all.totalCount).toBe(5);
      expect(all.items.map((i) => i.user.email)).toEqual(people.slice(0, 3).map((p) => p.email));
      const page2 = await store().organizations.listMembers(org.id, { pageIndex: 1, pageSize: 3 });
      expect(page2.items.map((i) => i.user.id)).toEqual(people.slice(3).map((p) => p.id));
      const found = await store().organizations.listMembers(org.id, {
        pageIndex: 0,
        pageSize: 10,
        searchText: 'special',
      });
      expect(found.items.map((i) => i.user.id)).toEqual([people[3].id]);
      expect((await store().organizations.listForUser(ws.id, people[2].id)).map((o) => o.id)).toEqual([
        org.id,
      ]);
      await store().organizations.removeMember(org.id, people[2].id);
      expect(await store().organizations.findMember(org.id, people[2].id)).toBeNull();
      await store().organizations.delete(org.id);
      expect(await store().organizations.findById(org.id)).toBeNull();
      expect(await store().organizations.findMember(org.id, people[0].id)).toBeNull();
    });
  });

  describe('projects and environments', () => {
    it('does project CRUD with unique keys per organization', async () => {
      const orgId = newId();
      const p = await store().projects.create(project(orgId));
      expect(await store().projects.findById(p.id)).toEqual(p);
      expect(await store().projects.isKeyUsed(orgId, p.key)).toBe(true);
      await expect(store().projects.create(project(orgId, { key: p.key }))).rejects.toMatchObject({
        entity: 'Project',
        field: 'key',
      });
      await store().projects.update({ ...p, name: 'Web' });
      expect((await store().projects.listByOrganization(orgId)).map((x) => x.name)).toEqual(['Web']);
      await store().projects.delete(p.id);
      expect(await store().projects.findById(p.id)).toBeNull();
    });

    it('does environment CRUD with unique keys per project', async () => {
      const projectId = newId();
      const env = await store().environments.create(
        environment(projectId, { settings: { requireChangeComment: true } }),
      );
      expect(await store().environments.findById(env.id)).toEqual(env);
      await expect(
        store().environments.create(environment(projectId, { key: env.key })),
      ).rejects.toMatchObject({
        entity: 'Environment',
        field: 'key',
      });
      const second = await store().environments.create(environment(projectId, { createdAt: at(1) }));
      expect((await store().environments.listByProject(projectId)).map((e) => e.id)).toEqual([
        env.id,
        second.id,
      ]);
      expect((await store().environments.findByIds([second.id])).map((e) => e.id)).toEqual([second.id]);
      expect((await store().environments.listAll()).map((e) => e.id)).toEqual(
        expect.arrayContaining([env.id, second.id]),
      );
      expect(await store().environments.isKeyUsed(projectId, second.key)).toBe(true);
      await store().environments.delete(second.id);
      expect(await store().environments.findById(second.id)).toBeNull();
    });

    it('reads an environment together with its project, and nothing for an unknown one', async () => {
      const proj = await store().projects.create(project(newId()));
      const env = await store().environments.create(environment(proj.id));
      expect(await store().environments.findWithProject(env.id)).toEqual({ env, project: proj });
      expect(await store().environments.findWithProject(newId())).toBeNull();
      const orphan = await store().environments.create(environment(newId()));
      expect(await store().environments.findWithProject(orphan.id)).toBeNull();
    });

    it('resolves an SDK secret to its environment, project, organization and workspace', async () => {
      const ws = await store().workspaces.create(workspace());
      const org = await store().organizations.create(organization(ws.id));
      const proj = await store().projects.create(project(org.id));
      const env = await store().environments.create(environment(proj.id));
      const [server, client] = env.secrets;
      const expected = {
        envId: env.id,
        envKey: env.key,
        projectId: proj.id,
        projectKey: proj.key,
        organizationId: org.id,
        organizationKey: org.key,
        workspaceId: ws.id,
      };
      expect(await store().environments.findSecretContext(server.value)).toEqual({
        type: 'server',
        ...expected,
      });
      expect(await store().environments.findSecretContext(client.value)).toEqual({
        type: 'client',
        ...expected,
      });
      expect(await store().environments.findSecretContext(server.value.slice(0, -1))).toBeNull();
      expect(await store().environments.findSecretContext('')).toBeNull();
      await store().environments.update({ ...env, secrets: [client] });
      expect(await store().environments.findSecretContext(server.value)).toBeNull();
    });
  });
}
