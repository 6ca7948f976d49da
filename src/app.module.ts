import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module';
import { ApiModule } from './api/api.module';
import { type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { AnalyticsStoreModule } from './infrastructure/analytics/analytics-store.module';
import { CacheModule } from './infrastructure/cache/cache.module';
import { DatabaseModule } from './infrastructure/database/database.module';
import { HealthModule } from './infrastructure/health/health.module';
import { EdgeModule } from './infrastructure/edge/edge.module';
import { InfrastructureLifecycle } from './infrastructure/lifecycle/infrastructure-lifecycle.service';
import { type Logger } from './core/ports/logger.port';
import { MqModule } from './infrastructure/mq/mq.module';
import { ObservabilityModule } from './infrastructure/observability/observability.module';
import { type Role } from './roles/role';

const ROLE_MODULES: Record<Role, Type<unknown>[]> = {
  api: [ApiModule],
  evaluation: [EvaluationModule],
  analytics: [AnalyticsModule],
  // The evaluation role itself, fed by the upstream instead of a database (docs/relay-proxies.md#edge-role).
  edge: [EvaluationModule, EdgeModule],
};

@Module({})
export class AppModule {
  /** Shared infrastructure plus exactly the modules of the roles this process runs. */
  static forRoles(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule.forRoot(),
        MqModule.forRoot(),
        CacheModule.forRoot(),
        AnalyticsStoreModule.forRoot(),
        HealthModule,
        ObservabilityModule,
        ...config.roles.flatMap((role) => ROLE_MODULES[role]),
      ],
      providers: [InfrastructureLifecycle],
    };
  }
}
