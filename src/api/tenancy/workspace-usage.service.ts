import { Injectable } from '@nestjs/common';
import type { EnvironmentUsage, UsageDateRange } from '../../core/analytics/usage';
import {
  EnvironmentRepository,
  OrganizationRepository,
  ProjectRepository,
} from '../../core/ports/tenancy.repositories';
import { UsageStatsRepository } from '../../core/ports/users-and-events.repositories';
import type { Workspace } from '../../core/tenancy/tenancy';
import { ValidationFailedError } from '../http/api-errors';
import type { EnvironmentUsageDto, WorkspaceUsageDto, WorkspaceUsageQueryDto } from './workspace-usage.dto';

const DAY_MS = 86_400_000;
/** Longest range one request may ask for (a leap year). */
export const MAX_USAGE_RANGE_DAYS = 366;

interface WorkspaceEnv {
  envId: string;
  orgName: string;
  projectName: string;
  envName: string;
}

/** The range, or a 400 naming the end field when it runs backwards or spans too many days. */
function rangeOf(start: string, end: string, endField: string): UsageDateRange {
  const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
  if (days < 1) {
    throw ValidationFailedError.of(
      endField,
      `${endField}_is_invalid`,
      `${endField} must not be before the start date`,
    );
  }
  if (days > MAX_USAGE_RANGE_DAYS) {
    throw ValidationFailedError.of(
      endField,
      `${endField}_is_invalid`,
      `the range may span at most ${MAX_USAGE_RANGE_DAYS} days`,
    );
  }
  return { startDate: start, endDate: end };
}

const total = (rows: EnvironmentUsage[], pick: (row: EnvironmentUsage) => number) =>
  rows.reduce((sum, row) => sum + pick(row), 0);

/** FeatBit's workspace usage page (WorkspaceService.GetUsageAsync) over every env of the workspace. */
@Injectable()
export class WorkspaceUsageService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly projects: ProjectRepository,
    private readonly environments: EnvironmentRepository,
    private readonly usage: UsageStatsRepository,
  ) {}

  async usages(workspace: Workspace, query: WorkspaceUsageQueryDto): Promise<WorkspaceUsageDto> {
    const current = rangeOf(query.startDate, query.endDate, 'endDate');
    const previous = rangeOf(query.prevStartDate, query.prevEndDate, 'prevEndDate');
    const envs = await this.workspaceEnvs(workspace.id);
    const envIds = envs.map((e) => e.envId);
    const [perEnv, prevPerEnv, daily] = await Promise.all([
      this.usage.byEnvironment(envIds, current),
      this.usage.byEnvironment(envIds, previous),
      this.usage.daily(envIds, current),
    ]);
    const byId = new Map(perEnv.map((row) => [row.envId, row]));
    const environmentUsages: EnvironmentUsageDto[] = envs.map((env) => ({
      ...env,
      uniqueUsers: byId.get(env.envId)?.uniqueUsers ?? 0,
      flagEvaluations: byId.get(env.envId)?.flagEvaluations ?? 0,
      customMetrics: byId.get(env.envId)?.customMetrics ?? 0,
    }));
    // FeatBit: most users first; the sort is stable, so ties keep the org/project/env order.
    environmentUsages.sort((a, b) => b.uniqueUsers - a.uniqueUsers);
    return {
      summary: {
        uniqueUsers: total(perEnv, (r) => r.uniqueUsers),
        totalFlagEvaluations: total(perEnv, (r) => r.flagEvaluations),
        totalCustomMetrics: total(perEnv, (r) => r.customMetrics),
        prevUniqueUsers: total(prevPerEnv, (r) => r.uniqueUsers),
        prevFlagEvaluations: total(prevPerEnv, (r) => r.flagEvaluations),
        prevCustomMetrics: total(prevPerEnv, (r) => r.customMetrics),
      },
      dailyTrend: daily,
      environmentUsages,
    };
  }

  /** Every environment of the workspace with its organization and project names, in name order. */
  private async workspaceEnvs(workspaceId: string): Promise<WorkspaceEnv[]> {
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const orgs = (await this.organizations.listByWorkspace(workspaceId)).sort(byName);
    const perOrg = await Promise.all(
      orgs.map(async (org) => {
        const projects = (await this.projects.listByOrganization(org.id)).sort(byName);
        const perProject = await Promise.all(
          projects.map(async (project) =>
            (await this.environments.listByProject(project.id)).sort(byName).map((env) => ({
              envId: env.id,
              orgName: org.name,
              projectName: project.name,
              envName: env.name,
            })),
          ),
        );
        return perProject.flat();
      }),
    );
    return perOrg.flat();
  }
}
