import { applyDecorators, Controller, HttpCode, Post, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createApiValidationPipe } from './api-validation.pipe';
import { EnvelopeInterceptor } from './envelope.interceptor';

const validationPipe = createApiValidationPipe();

/**
 * A management controller under /api/v1: strict validation (unknown fields refused), FeatBit's
 * envelope around results, grouped under an OpenAPI tag. Access is declared per route.
 */
export function ManagementController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(`api/v1/${path}`),
    ApiTags(tag),
    UsePipes(validationPipe),
    UseInterceptors(EnvelopeInterceptor),
  );
}

/** A stable operation id (the console generates its client from them) plus a summary. */
export function Operation(operationId: string, summary: string, description?: string): MethodDecorator {
  return ApiOperation({ operationId, summary, description });
}

/** POST answering 200 like every FeatBit route (Nest's default would be 201). */
export function PostOk(path?: string): MethodDecorator {
  return applyDecorators(Post(path), HttpCode(200));
}
