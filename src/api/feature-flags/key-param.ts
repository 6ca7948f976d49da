import { Param, type PipeTransform } from '@nestjs/common';
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
