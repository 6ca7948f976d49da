/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import { ActorDirectory } from '../../../../src/api/audit/actor-directory.service';
import { AuditLogQueries } from '../../../../src/api/audit/audit-log-queries.service';
import { ValidationFailedError } from '../../../../src/api/http/api-errors';
import type { AuditLog, AuditRefType } from '../../../../src/core/audit/audit-log';
import type {
  AuditLogFilter,
  AuditLogRepository,
} from '../../../../src/core/ports/users-and-events.repositories';
import { InMemoryIam } from '../support/in-memory-iam';

const SHARED = 'segment-shared';

function entry(
  id: string,
  organizationId: string,
  envId: string,
  refType: AuditRefType,
  refId: string,
): AuditLog {
  return {
    id,
    organizationId,
    envId,
    refType,
    refId,
    keyword: id,
    operation: 'Update',
    dataChange: { previous: '', current: '' },
    comment: '',
    creatorId: 'user-1',
    createdAt: '2024-05-01T00:00:00.000Z',
  };
}

/** The audit log's filter as the adapters apply it (every given field must match). */
function logsOf(entries: AuditLog[], seen: AuditLogFilter[]): AuditLogRepository {
  return {
    append: async () => undefined,
    list: async (filter) => {
      seen.push(filter);
      const items = entries.filter(
        (e) =>
          (filter.organizationId === undefined || e.organizationId === filter.organizationId) &&
          (filter.envId === undefined || e.envId === filter.envId) &&
          (filter.refType === undefined || e.refType === filter.refType) &&
          (filter.refId === undefined || e.refId === filter.refId),
      );
      return { totalCount: items.length, items };
    },
  };
}

function setUp() {
  const entries = [
    entry('flag-dev', 'org-1', 'env-dev', 'FeatureFlag', 'flag-1'),
    entry('shared-dev', 'org-1', 'env-dev', 'Segment', SHARED),
    entry('shared-prod', 'org-1', 'env-prod', 'Segment', SHARED),
    entry('shared-org', 'org-1', '', 'Segment', SHARED),
    entry('other-org', 'org-2', 'env-x', 'Segment', SHARED),
    entry('member', 'org-1', '', 'Member', 'user-1'),
  ];
  const seen: AuditLogFilter[] = [];
  const db = new InMemoryIam();
  const queries = new AuditLogQueries(logsOf(entries, seen), new ActorDirectory(db.users, db.accessTokens));
  return { queries, seen };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

describe('AuditLogQueries', () => {
  it("lists one environment's entries only", async () => {
    const { queries } = setUp();
    expect(ids(await queries.forEnvironment('org-1', 'env-dev', {}))).toEqual(['flag-dev', 'shared-dev']);
  });

  it("with crossEnvironment and a refId, lists a segment's history in every environment of the organization", async () => {
    const { queries } = setUp();
    const page = await queries.forEnvironment('org-1', 'env-dev', { crossEnvironment: true, refId: SHARED });
    expect(ids(page)).toEqual(['shared-dev', 'shared-org', 'shared-prod']);
  });

  it('ignores crossEnvironment without a refId (the environment stays the bound)', async () => {
    const { queries } = setUp();
    const page = await queries.forEnvironment('org-1', 'env-dev', { crossEnvironment: true });
    expect(ids(page)).toEqual(['flag-dev', 'shared-dev']);
  });

  it('answers an empty page for a refType an environment cannot hold, without reading', async () => {
    const { queries, seen } = setUp();
    expect(await queries.forEnvironment('org-1', 'env-dev', { refType: 'Member' })).toEqual({
      totalCount: 0,
      items: [],
    });
    expect(seen).toEqual([]);
    expect(ids(await queries.forEnvironment('org-1', 'env-dev', { refType: 'Segment' }))).toEqual([
      'shared-dev',
    ]);
  });

  it('refuses from after to, on both listings', async () => {
    const { queries, seen } = setUp();
    const range = { from: '2024-06-01T00:00:00.000Z', to: '2024-05-01T00:00:00.000Z' };
    await expect(queries.forEnvironment('org-1', 'env-dev', range)).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
    await expect(queries.forOrganization('org-1', range)).rejects.toBeInstanceOf(ValidationFailedError);
    expect(seen).toEqual([]);
    const same = { from: range.to, to: range.to };
    await expect(queries.forOrganization('org-1', same)).resolves.toBeDefined();
  });

  it("lists the organization's entries, narrowed to an environment when asked", async () => {
    const { queries } = setUp();
    expect(ids(await queries.forOrganization('org-1', {}))).toEqual([
      'flag-dev',
      'member',
      'shared-dev',
      'shared-org',
      'shared-prod',
    ]);
    expect(ids(await queries.forOrganization('org-1', { envId: 'env-prod' }))).toEqual(['shared-prod']);
  });
});
