import multipart from '@fastify/multipart';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { EndUserController } from './end-user.controller';
import { EndUserImporter } from './end-user-import.service';
import { EndUserService } from './end-user.service';
import { EndUserPropertyController } from './end-user-property.controller';
import { GlobalUserController } from './global-user.controller';

@Module({
  controllers: [EndUserController, EndUserPropertyController, GlobalUserController],
  providers: [EndUserImporter, EndUserService],
})
export class EndUsersModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  /** Multipart parsing for the user import; file size is limited per request by UPLOAD_LIMIT_BYTES. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('multipart/form-data')) return;
    void fastify.register(multipart, {
      limits: {
        fileSize: this.config.limits.uploadLimitBytes,
        files: 1,
        fields: 5,
        parts: 6,
        fieldSize: 1024,
      },
    });
  }
}
