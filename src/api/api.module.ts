import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { FirstBootModule } from './bootstrap/first-boot.module';
import { ChangesModule } from './changes/changes.module';
import { EndUsersModule } from './end-users/end-users.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { FeatureFlagsModule } from './feature-flags/feature-flags.module';
import { JsonInputModule } from './http/json-input.module';
import { IamModule } from './iam/iam.module';
import { IdentityModule } from './identity/identity.module';
import { InsightsModule } from './insights/insights.module';
import { RelayProxiesModule } from './relay-proxies/relay-proxies.module';
import { ReleaseWorkflowsModule } from './release-workflows/release-workflows.module';
import { SegmentsModule } from './segments/segments.module';
import { SsoModule } from './sso/sso.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { TriggersModule } from './triggers/triggers.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Role "api": management REST, console, OpenAPI. */
@Module({
  imports: [
    JsonInputModule,
    FirstBootModule,
    AuthModule,
    ChangesModule,
    IdentityModule,
    TenancyModule,
    FeatureFlagsModule,
    SegmentsModule,
    IamModule,
    SsoModule,
    EndUsersModule,
    InsightsModule,
    ExperimentsModule,
    TriggersModule,
    ReleaseWorkflowsModule,
    WebhooksModule,
    RelayProxiesModule,
    AuditModule,
  ],
})
export class ApiModule {}
