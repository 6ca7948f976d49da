import { HttpException, NotFoundException } from '@nestjs/common';
import { IsString, MaxLength, validateSync, ValidateNested, IsArray } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import {
  DuplicateKeyError,
  NotFoundError,
  RevisionConflictError,
  StoreUnavailableError,
} from '../../core/shared/errors';
import { silentLogger } from '../../core/ports/logger.port';
import { BusinessRuleError, TooManyRequestsError, ValidationFailedError } from './api-errors';
import { isManagementRequest, mapApiError } from './api-exception.filter';
import { flattenValidationErrors } from './api-validation.pipe';

describe('management API error mapping', () => {
  it.each([
    [new NotFoundError('flag', 'x'), 404, 'ResourceNotFound'],
    [new RevisionConflictError('flag', 'x'), 409, 'Conflict'],
    [new DuplicateKeyError('flag', 'key', 'a'), 422, 'KeyHasBeenUsed'],
    [new DuplicateKeyError('group', 'name', 'a'), 422, 'NameHasBeenUsed'],
    [new DuplicateKeyError('user', 'email', 'a'), 422, 'EmailHasBeenUsed'],
    [new StoreUnavailableError('PostgreSQL'), 503, 'ServiceUnavailable'],
    [new BusinessRuleError('SegmentIsBeingUsed', 'in use', [{ key: 'f' }]), 422, 'SegmentIsBeingUsed'],
    [
      new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400),
      400,
      'InvalidJson',
    ],
    [new HttpException('Request body is too large', 413), 413, 'PayloadTooLarge'],
    [new NotFoundException(), 404, 'ResourceNotFound'],
    [new Error('boom'), 500, 'InternalServerError'],
  ])('%s → %i %s', (error, status, code) => {
    const mapped = mapApiError(error, silentLogger);
    expect(mapped.status).toBe(status);
    expect(mapped.body).toMatchObject({ success: false, errors: [code] });
    expect(mapped.body.message).toEqual(expect.any(String));
  });

  it('keeps business data, retry hints and field details', () => {
    expect(
      mapApiError(new BusinessRuleError('SegmentIsBeingUsed', 'x', [{ key: 'f' }]), silentLogger).body.data,
    ).toEqual([{ key: 'f' }]);
    expect(mapApiError(new StoreUnavailableError('db'), silentLogger).headers).toEqual({
      'retry-after': '5',
    });
    expect(mapApiError(new TooManyRequestsError('slow down', 42), silentLogger).headers).toEqual({
      'retry-after': '42',
    });
    const details = mapApiError(ValidationFailedError.of('key', 'key_is_invalid', 'bad'), silentLogger).body
      .details;
    expect(details).toEqual([{ field: 'key', code: 'key_is_invalid', message: 'bad' }]);
    expect(mapApiError(new Error('secret internals'), silentLogger).body.message).not.toContain('secret');
  });

  it('recognises management requests by the route they matched', () => {
    const req = (url: string, pattern?: string) =>
      ({ url, routeOptions: { url: pattern } }) as unknown as Parameters<typeof isManagementRequest>[0];
    expect(isManagementRequest(req('/api/v1/projects', '/api/v1/projects'))).toBe(true);
    expect(isManagementRequest(req('/API/V1/projects?x=1', '/api/v1/projects'))).toBe(true);
    // An encoded spelling that the router matched to a management route is one.
    expect(isManagementRequest(req('/api/v%31/projects', '/api/v1/projects'))).toBe(true);
    expect(
      isManagementRequest(req('/api/public/sdk/server/latest-all', '/api/public/sdk/server/latest-all')),
    ).toBe(false);
    // No route matched: judged by the normalized path.
    expect(isManagementRequest(req('/api/v%31/nothing'))).toBe(true);
    expect(isManagementRequest(req('/api//./v1/nothing'))).toBe(true);
    expect(isManagementRequest(req('/api/v10/x'))).toBe(false);
  });
});

class Item {
  @IsString() @MaxLength(3) value!: string;
}
class Body {
  @IsString() name!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Item) items!: Item[];
}

describe('validation problems', () => {
  it('names nested fields and derives FeatBit-style codes', () => {
    const errors = validateSync(plainToInstance(Body, { name: 1, items: [{ value: 'long' }], extra: true }), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    const problems = flattenValidationErrors(errors);
    expect(problems.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ['name', 'name_is_invalid'],
        ['items[0].value', 'value_is_too_long'],
        ['extra', 'extra_is_not_allowed'],
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});
