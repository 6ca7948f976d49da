/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import type { CacheSync } from '../../../../src/api/changes/cache-sync.service';
import { AuditTrail } from '../../../../src/api/audit/audit-trail.service';
import { ResourceNotFoundError } from '../../../../src/api/http/api-errors';
import { SecretService } from '../../../../src/api/tenancy/secret.service';
import type { AuditLog } from '../../../../src/core/audit/audit-log';
import type { DataStore } from '../../../../src/core/ports/data-store.port';
import type { Environment, Organization, Project } from '../../../../src/core/tenancy/tenancy';
import { ADMIN } from '../support/iam-services';

const org = { id: 'org-1', workspaceId: 'ws-1', key: 'acme' } as Organization;
const project = { id: 'p-1', key: 'web' } as Project;

/** One environment row and an audit log, with a transaction that rolls both back on a throw. */
function setUp() {
  let env: Environment = {
    id: '7d0e2a8c-3b1f-4c5d-9e6a-1f2b3c4d5e6f',
    projectId: 'p-1',
    name: 'Prod',
    key: 'prod',
    description: '',
    secrets: [{ id: 's-1', name: 'server', type: 'server', value: 'old-server-value' }],
    settings: {},
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
  let audit: AuditLog[] = [];
  const state = { failAudit: false };
  const store = {
    environments: {
      findById: async (id: string) => (id === env.id ? env : null),
      update: async (next: Environment) => (env = next),
    },
    auditLogs: {
      append: async (entry: AuditLog) => {
        if (state.failAudit) throw new Error('audit log unavailable');
        audit.push(entry);
      },
    },
    transaction: async <T>(work: (tx: DataStore) => Promise<T>): Promise<T> => {
      const before = { env, audit: [...audit] };
      try {
        return await work(store);
      } catch (error) {
        ({ env, audit } = before);
        throw error;
      }
    },
  } as unknown as DataStore;
  const cache = { added: [] as string[], removed: [] as string[] };
  const cacheSync = {
    secretsAdded: async (_o: Organization, _p: Project, _e: Environment, values: string[]) => {
      cache.added.push(...values);
    },
    secretsRemoved: async (values: readonly string[]) => {
      cache.removed.push(...values);
    },
  } as unknown as CacheSync;
  const secrets = new SecretService(store, new AuditTrail(), cacheSync);
  return { secrets, state, cache, env: () => env, audit: () => audit };
}

describe('SecretService', () => {
  it('rotates a value, retires the old one in the cache and never writes a value to the audit log', async () => {
    const { secrets, cache, env, audit } = setUp();
    const rotated = await secrets.rotate(ADMIN, org, project, env(), 's-1');
    expect(rotated.value).not.toBe('old-server-value');
    expect(env().secrets.map((s) => s.value)).toEqual([rotated.value]);
    expect(cache).toEqual({ added: [rotated.value], removed: ['old-server-value'] });
    const logged = JSON.stringify(audit());
    expect(logged).not.toContain('old-server-value');
    expect(logged).not.toContain(rotated.value);
  });

  it('keeps the secret and leaves the cache alone when the removal cannot be audited', async () => {
    const { secrets, state, cache, env } = setUp();
    state.failAudit = true;
    await expect(secrets.remove(ADMIN, org, env(), 's-1')).rejects.toThrow('audit log unavailable');
    expect(env().secrets.map((s) => s.id)).toEqual(['s-1']);
    expect(cache.removed).toEqual([]);
  });

  it('answers 404 for a secret the environment does not have, writing nothing', async () => {
    const { secrets, env, audit } = setUp();
    await expect(secrets.rename(ADMIN, org, env(), 'nope', 'x')).rejects.toBeInstanceOf(
      ResourceNotFoundError,
    );
    expect(audit()).toEqual([]);
  });
});
