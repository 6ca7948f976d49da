import { Param, type PipeTransform } from '@nestjs/common';
import { isUuid } from '../auth/tenant-lookup.service';
import { ResourceNotFoundError } from './api-errors';

class UuidOr404 implements PipeTransform<unknown, string> {
  constructor(private readonly what: string) {}
  transform(value: unknown): string {
    if (!isUuid(value)) throw new ResourceNotFoundError(this.what);
    return value.toLowerCase();
  }
}

/** A route id that must be a UUID; anything else cannot exist, so it is a 404 like an unknown id. */
export const IdParam = (name: string, what = name.replace(/Id$/, '')): ParameterDecorator =>
  Param(name, new UuidOr404(what));
