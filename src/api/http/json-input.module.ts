import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installJsonInput } from './json-input';

/** Installs the management API's JSON parser and input check (after Nest registered its parsers). */
@Module({})
export class JsonInputModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    installJsonInput(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
