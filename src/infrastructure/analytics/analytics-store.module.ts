import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AnalyticsStore } from '../../core/ports/analytics-store.port';
import { DataStore } from '../../core/ports/data-store.port';
import { Logger } from '../../core/ports/logger.port';
import { PrimaryAnalyticsStore } from './primary/primary-analytics.store';

/**
 * Binds AnalyticsStore to ANALYTICS_PROVIDER. Only the analytics role writes or reads events, so
 * other processes never open ClickHouse (nor load its client).
 */
export async function createAnalyticsStore(
  config: AppConfig,
  store: DataStore,
  logger: Logger,
): Promise<AnalyticsStore> {
  const analytics = config.roles.includes('analytics')
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
      ],
      exports: [AnalyticsStore],
    };
  }
}
