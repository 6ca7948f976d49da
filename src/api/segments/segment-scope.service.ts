import { Injectable } from '@nestjs/common';
import { EnvironmentRepository, ProjectRepository } from '../../core/ports/tenancy.repositories';
import { type Segment, segmentScopeCovers } from '../../core/segments/segment';
import {
  type Environment,
  environmentResourceName,
  type Organization,
  type Project,
} from '../../core/tenancy/tenancy';

export interface EnvInOrg {
  env: Environment;
  project: Project;
}

/** Where a segment applies: its own environment, or every environment its shared scopes cover. */
@Injectable()
export class SegmentScopes {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly environments: EnvironmentRepository,
  ) {}

  async envsOf(org: Organization, segment: Segment, own: EnvInOrg): Promise<EnvInOrg[]> {
    if (segment.type !== 'shared') return [own];
    const result: EnvInOrg[] = [];
    // Shared scopes stay inside one organization (enforced on creation).
    for (const project of await this.projects.listByOrganization(org.id)) {
      for (const env of await this.environments.listByProject(project.id)) {
        if (segmentScopeCovers(segment.scopes, environmentResourceName(org.key, project.key, env.key))) {
          result.push({ env, project });
        }
      }
    }
    return result;
  }
}
