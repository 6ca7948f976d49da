import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AnalyticsQuery } from '../../core/ports/analytics-query.port';
import { AnalyticsStore } from '../../core/ports/analytics-store.port';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import { PrimaryAnalyticsStore } from './primary/primary-analytics.store';

/**
 * Binds AnalyticsStore (writes) and AnalyticsQuery (reads) to ANALYTICS_PROVIDER. The analytics role
 * writes events; the api role answers the console's analytics routes from the same store. An
 * evaluation-only process never opens ClickHouse (nor loads its client).
 */
export async function createAnalyticsStore(
  config: AppConfig,
  store: DataStore,
  logger: Logger,
): Promise<AnalyticsStore & AnalyticsQuery> {
  const analytics =
    config.roles.includes('analytics') || config.roles.includes('api')
      ? config.analytics
      : ({ provider: 'primary' } as const);
  switch (analytics.provider) {
    case 'primary':
      return new PrimaryAnalyticsStore(store);
    case 'clickhouse': {
      const { createClickHouseAnalyticsStore } = await import('./clickhouse/clickhouse-analytics.store');
      return createClickHouseAnalyticsStore({
        ...analytics.clickhouse,
        logger: logger.child({ component: 'analytics' }),
      });
    }
  }
}

@Global()
@Module({})
export class AnalyticsStoreModule {
  static forRoot(): DynamicModule {
    return {
      module: AnalyticsStoreModule,
      providers: [
        { provide: AnalyticsStore, useFactory: createAnalyticsStore, inject: [AppConfig, DataStore, Logger] },
        { provide: AnalyticsQuery, useExisting: AnalyticsStore },
      ],
      exports: [AnalyticsStore, AnalyticsQuery],
    };
  }
}
