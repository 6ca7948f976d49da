import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

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

export const IsName = (max = NAME_MAX) =>
  applyDecorators(ApiProperty({ maxLength: max }), IsString(), IsNotEmpty(), MaxLength(max));

export const IsOptionalName = (max = NAME_MAX) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
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
