/* eslint-disable @typescript-eslint/require-await -- fakes of async ports answer at once */
import { WorkspaceUsageService } from '../../../../src/api/tenancy/workspace-usage.service';
import { ValidationFailedError } from '../../../../src/api/http/api-errors';
import type { UsageDateRange } from '../../../../src/core/analytics/usage';
import type {
  EnvironmentRepository,
  OrganizationRepository,
  ProjectRepository,
} from '../../../../src/core/ports/tenancy.repositories';
import type { UsageStatsRepository } from '../../../../src/core/ports/users-and-events.repositories';
import type { Workspace } from '../../../../src/core/tenancy/tenancy';

const ws = { id: 'ws' } as Workspace;
const QUERY = {
  startDate: '2026-11-01',
  endDate: '2026-11-30',
  prevStartDate: '2026-10-01',
  prevEndDate: '2026-10-31',
};

function setUp() {
  const asked: UsageDateRange[] = [];
  const orgs = {
    listByWorkspace: async () => [
      { id: 'o2', name: 'Zeta' },
      { id: 'o1', name: 'Acme' },
    ],
  };
  const projects = {
    listByOrganization: async (orgId: string) => [{ id: `${orgId}-p`, name: `${orgId} project` }],
  };
  const envs = {
    listByProject: async (projectId: string) => [
      { id: `${projectId}-prod`, name: 'Prod' },
      { id: `${projectId}-dev`, name: 'Dev' },
    ],
  };
  const usage = {
    byEnvironment: async (envIds: string[], range: UsageDateRange) => {
      asked.push(range);
      return range.startDate === QUERY.startDate
        ? [
            { envId: 'o2-p-dev', uniqueUsers: 5, flagEvaluations: 50, customMetrics: 1 },
            { envId: 'o1-p-prod', uniqueUsers: 2, flagEvaluations: 20, customMetrics: 0 },
          ]
        : [{ envId: 'o1-p-dev', uniqueUsers: 1, flagEvaluations: 3, customMetrics: 4 }];
    },
    daily: async () => [{ date: '2026-11-02', newUsers: 7, flagEvaluations: 70, customMetrics: 1 }],
  };
  const service = new WorkspaceUsageService(
    orgs as unknown as OrganizationRepository,
    projects as unknown as ProjectRepository,
    envs as unknown as EnvironmentRepository,
    usage as unknown as UsageStatsRepository,
  );
  return { service, asked };
}

describe('WorkspaceUsageService', () => {
  it("answers FeatBit's shape: summary of both ranges, daily trend, every env with most users first", async () => {
    const { service } = setUp();
    const result = await service.usages(ws, QUERY);
    expect(result.summary).toEqual({
      uniqueUsers: 7,
      totalFlagEvaluations: 70,
      totalCustomMetrics: 1,
      prevUniqueUsers: 1,
      prevFlagEvaluations: 3,
      prevCustomMetrics: 4,
    });
    expect(result.dailyTrend).toEqual([
      { date: '2026-11-02', newUsers: 7, flagEvaluations: 70, customMetrics: 1 },
    ]);
    expect(result.environmentUsages.map((e) => [e.orgName, e.envName, e.uniqueUsers])).toEqual([
      ['Zeta', 'Dev', 5],
      ['Acme', 'Prod', 2],
      ['Acme', 'Dev', 0],
      ['Zeta', 'Prod', 0],
    ]);
    expect(result.environmentUsages[0]).toEqual({
      envId: 'o2-p-dev',
      orgName: 'Zeta',
      projectName: 'o2 project',
      envName: 'Dev',
      uniqueUsers: 5,
      flagEvaluations: 50,
      customMetrics: 1,
    });
  });

  it.each([
    [{ ...QUERY, endDate: '2026-10-31' }, 'endDate'],
    [{ ...QUERY, startDate: '2025-11-29' }, 'endDate'],
    [{ ...QUERY, prevEndDate: '2026-09-30' }, 'prevEndDate'],
  ])('refuses a range that runs backwards or spans more than 366 days (%j)', async (query, field) => {
    const { service, asked } = setUp();
    const error = await service.usages(ws, query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).details).toEqual([expect.objectContaining({ field })]);
    expect(asked).toEqual([]);
  });

  it('accepts a one-day range and a range of exactly 366 days', async () => {
    const { service } = setUp();
    await expect(service.usages(ws, { ...QUERY, endDate: QUERY.startDate })).resolves.toBeDefined();
    await expect(service.usages(ws, { ...QUERY, startDate: '2025-11-30' })).resolves.toBeDefined();
  });
});
