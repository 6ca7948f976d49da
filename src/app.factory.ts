import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerConsole } from './api/console/console-static';
import { setupOpenApi } from './api/openapi/openapi';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { Logger } from './core/ports/logger.port';
import { SdkWsAdapter } from './evaluation/streaming/sdk-ws.adapter';
import { NestLoggerBridge } from './infrastructure/logging/pino-logger';
import { requestIdOf, setupHttp } from './shared/http/http-setup';

/** Builds the Nest application for the configured roles (not yet listening). Used by main and tests. */
export async function createApp(config: AppConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.limits.bodyLimitBytes,
    trustProxy: config.server.trustProxy,
    genReqId: requestIdOf,
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 500 },
    // Slow clients must not hold sockets forever; WebSockets are detached from these timeouts.
    connectionTimeout: 0,
    keepAliveTimeout: 72_000,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoles(config, logger), adapter, {
    logger: new NestLoggerBridge(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  // SDK streaming (/streaming) upgrades on this same HTTP server; used only when the evaluation role runs.
  app.useWebSocketAdapter(new SdkWsAdapter(app.getHttpServer(), config, logger));
  const fastify = app.getHttpAdapter().getInstance();
  await setupHttp(fastify, config, logger);
  if (config.roles.includes('api')) {
    setupOpenApi(app);
    await registerConsole(fastify, config.server.uiDir);
  }
  return app;
}
