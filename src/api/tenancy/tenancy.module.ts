import { Module } from '@nestjs/common';
import { EnvironmentController } from './environment.controller';
import { OrganizationController } from './organization.controller';
import { OrganizationService } from './organization.service';
import { ProjectController } from './project.controller';
import { ProjectService } from './project.service';
import { SecretController } from './secret.controller';
import { SecretService } from './secret.service';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceService } from './workspace.service';
import { WorkspaceUsageController } from './workspace-usage.controller';
import { WorkspaceUsageService } from './workspace-usage.service';

@Module({
  controllers: [
    WorkspaceController,
    WorkspaceUsageController,
    OrganizationController,
    ProjectController,
    EnvironmentController,
    SecretController,
  ],
  providers: [ProjectService, OrganizationService, SecretService, WorkspaceService, WorkspaceUsageService],
  exports: [ProjectService, WorkspaceService],
})
export class TenancyModule {}
