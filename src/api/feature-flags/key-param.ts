import { Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { KEY_PATTERN, KEY_MAX } from '../http/validators';
import { ResourceNotFoundError } from '../http/api-errors';

class FlagKeyOr404 implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || value.length > KEY_MAX || !KEY_PATTERN.test(value)) {
      throw new ResourceNotFoundError('feature flag');
    }
    return value;
  }
}

/** The `:key` route parameter: a flag key, or 404 (no flag can have another shape). */
export const KeyParam = (name = 'key'): ParameterDecorator => Param(name, new FlagKeyOr404());

/**
 * Documents the `:key` of a route whose flag the access guard resolves (`Res.flag()`, which also
 * 404s a key no flag can have); the handler takes the flag through `@CurrentFlag()`.
 */
export const ApiFlagKey = (name = 'key'): MethodDecorator => ApiParam({ name, type: String });
