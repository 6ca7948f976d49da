import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FieldProblem } from './api-errors';

// FeatBit's response envelope `{success, errors, data}` (docs/reference/management-api.md#envelope). Failures
// also carry `message` and, for validation, `details[{field, code, message}]` (additions to FeatBit's).

export interface ApiEnvelope<T> {
  success: boolean;
  errors: string[];
  data: T;
  message?: string;
  details?: FieldProblem[];
}

export function ok<T>(data: T): ApiEnvelope<T> {
  return { success: true, errors: [], data };
}

export class FieldProblemDto {
  @ApiProperty({ example: 'variations[0].value' }) field!: string;
  @ApiProperty({ example: 'key_is_invalid' }) code!: string;
  @ApiProperty() message!: string;
}

export class ErrorEnvelopeDto {
  @ApiProperty({ example: false }) success!: boolean;
  @ApiProperty({ type: [String], example: ['ResourceNotFound'] }) errors!: string[];
  @ApiProperty({ nullable: true, description: 'Extra data for some business-rule errors' }) data!: unknown;
  @ApiPropertyOptional({ description: 'Readable explanation' }) message?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto] }) details?: FieldProblemDto[];
}

type Shape = Type<unknown> | 'string' | 'boolean' | 'number' | 'null' | 'object';

function dataSchema(shape: Shape, isArray: boolean): Record<string, unknown> {
  const item =
    typeof shape === 'string'
      ? shape === 'null'
        ? { type: 'object', nullable: true }
        : { type: shape }
      : { $ref: getSchemaPath(shape) };
  return isArray ? { type: 'array', items: item } : item;
}

/**
 * Documents the success envelope whose `data` is `shape` (or an array of it), and the error
 * envelope for the failure statuses every management route may return.
 */
export function ApiOkEnvelope(
  shape: Shape,
  options: { isArray?: boolean; status?: number; description?: string } = {},
) {
  const models = typeof shape === 'string' ? [] : [shape];
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto, FieldProblemDto, ...models),
    ApiResponse({
      status: options.status ?? 200,
      description: 'Success',
      schema: {
        type: 'object',
        required: ['success', 'errors', 'data'],
        properties: {
          success: { type: 'boolean', example: true },
          errors: { type: 'array', items: { type: 'string' }, example: [] },
          data: {
            ...dataSchema(shape, options.isArray ?? false),
            ...(options.description ? { description: options.description } : {}),
          },
        },
      },
    }),
    ...[400, 401, 403, 404, 409, 422, 503].map((status) =>
      ApiResponse({ status, description: STATUS_TEXT[status], type: ErrorEnvelopeDto }),
    ),
  );
}

/** `data` = `{totalCount, items: shape[]}` (FeatBit's PagedResult). */
export function ApiPagedEnvelope(shape: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(ErrorEnvelopeDto, FieldProblemDto, shape),
    ApiResponse({
      status: 200,
      description: 'Success',
      schema: {
        type: 'object',
        required: ['success', 'errors', 'data'],
        properties: {
          success: { type: 'boolean', example: true },
          errors: { type: 'array', items: { type: 'string' }, example: [] },
          data: {
            type: 'object',
            required: ['totalCount', 'items'],
            properties: {
              totalCount: { type: 'integer' },
              items: { type: 'array', items: { $ref: getSchemaPath(shape) } },
            },
          },
        },
      },
    }),
    ...[400, 401, 403, 404, 503].map((status) =>
      ApiResponse({ status, description: STATUS_TEXT[status], type: ErrorEnvelopeDto }),
    ),
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request (error codes such as `name_is_required`, details per field)',
  401: 'Not authenticated',
  403: 'Not allowed by IAM',
  404: 'ResourceNotFound',
  409: 'Conflict: the revision is stale',
  422: 'Business rule violated (FeatBit error code)',
  503: 'The database is unavailable; retry later',
};
