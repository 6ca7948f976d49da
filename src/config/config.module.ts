import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_ROLES } from '../roles/role';
import { Logger } from '../core/ports/logger.port';
import { AppConfig } from './app-config';

/** Provides the validated AppConfig, the roles and the root logger to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: APP_ROLES, useValue: config.roles },
        { provide: Logger, useValue: logger },
      ],
      exports: [AppConfig, APP_ROLES, Logger],
    };
  }
}
