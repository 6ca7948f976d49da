import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

// Reusable field rules with explicit size limits and FeatBit-style codes.

export const KEY_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const KEY_MAX = 128;
export const NAME_MAX = 128;
export const DESCRIPTION_MAX = 1024;
export const COMMENT_MAX = 512;

/** A key: letters, digits, '.', '_' and '-', at most 128 characters (`key_is_invalid`). */
export const IsKey = (field = 'key') =>
  applyDecorators(
    ApiProperty({ pattern: KEY_PATTERN.source, maxLength: KEY_MAX, example: 'my-key' }),
    IsString({ context: { code: `${field}_is_invalid` } }),
    IsNotEmpty({ context: { code: `${field}_is_required` } }),
    MaxLength(KEY_MAX, { context: { code: `${field}_is_invalid` } }),
    Matches(KEY_PATTERN, {
      message: `${field} may contain only letters, digits, '.', '_' and '-'`,
      context: { code: `${field}_is_invalid` },
    }),
  );

// A name of only spaces reads as empty in every list.
const NOT_BLANK = /\S/;

export const IsName = (max = NAME_MAX) =>
  applyDecorators(
    ApiProperty({ maxLength: max }),
    IsString(),
    IsNotEmpty(),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
    MaxLength(max),
  );

// Absent is allowed, null is not: a name cannot be cleared (null reached a NOT NULL column).
export const IsOptionalName = (max = NAME_MAX) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max }),
    ValidateIf((_, value) => value !== undefined),
    IsString(),
    IsNotEmpty(),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
    MaxLength(max),
  );

export const IsDescription = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: DESCRIPTION_MAX }),
    IsOptional(),
    IsString(),
    MaxLength(DESCRIPTION_MAX),
  );

export const IsComment = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: COMMENT_MAX, description: 'Stored on the audit log' }),
    IsOptional(),
    IsString(),
    MaxLength(COMMENT_MAX),
  );

/** Body of the routes that take only an optional change comment (archive, restore, toggle …). */
export class CommentDto {
  @IsComment() comment?: string;
}

export class KeyQueryDto {
  @ApiProperty({ maxLength: KEY_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(KEY_MAX)
  key!: string;
}

export class NameQueryDto {
  @ApiProperty({ maxLength: NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  name!: string;
}

// Years 1–9999: what JavaScript dates, PostgreSQL and ISO 8601 without an expanded year all hold.
const MIN_TIME = new Date('0001-01-01T00:00:00Z').getTime();
const MAX_TIME = new Date('9999-12-31T23:59:59.999Z').getTime();

const inRange = (ms: number) => Number.isFinite(ms) && ms >= MIN_TIME && ms <= MAX_TIME;

/** Epoch milliseconds as an ISO string; anything else (also an out-of-range number) is left for the check. */
function toIsoTimestamp({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return value;
  const ms = Number(value);
  return inRange(ms) ? new Date(ms).toISOString() : value;
}

/** An optional query timestamp: ISO 8601 or epoch milliseconds, years 1–9999. */
export const IsOptionalTimestamp = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'ISO timestamp or epoch milliseconds, inclusive' }),
    IsOptional(),
    Transform(toIsoTimestamp),
    IsDateString(),
    ValidateBy({
      name: 'timestampInRange',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && inRange(Date.parse(value)),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date between the years 1 and 9999`,
      },
    }),
  );
