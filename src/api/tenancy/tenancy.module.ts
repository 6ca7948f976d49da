import { Module } from '@nestjs/common';
import { EnvironmentController } from './environment.controller';
import { OrganizationController } from './organization.controller';
import { OrganizationService } from './organization.service';
import { ProjectController } from './project.controller';
import { ProjectService } from './project.service';
import { SecretController } from './secret.controller';
import { WorkspaceController } from './workspace.controller';

@Module({
  controllers: [
    WorkspaceController,
    OrganizationController,
    ProjectController,
    EnvironmentController,
    SecretController,
  ],
  providers: [ProjectService, OrganizationService],
  exports: [ProjectService],
})
export class TenancyModule {}
