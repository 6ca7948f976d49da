import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;

/** FeatBit's paging: 0-based `pageIndex`, `pageSize` default 10. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  pageIndex?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export function pageOf(query: PageQueryDto): { pageIndex: number; pageSize: number } {
  return { pageIndex: query.pageIndex ?? 0, pageSize: query.pageSize ?? 10 };
}

/** Query-string booleans: only "true"/"false" (anything else fails validation). */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === true) return true;
  if (value === 'false' || value === false) return false;
  return value;
}

/** Query-string arrays: `tags=a&tags=b` or a single value. */
export function toArray({ value }: { value: unknown }): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  return Array.isArray(value) ? value : [value];
}

/** Paging over a list already in memory (small per-organization lists such as groups of a member). */
export function pageArray<T>(items: readonly T[], query: PageQueryDto): { totalCount: number; items: T[] } {
  const { pageIndex, pageSize } = pageOf(query);
  return { totalCount: items.length, items: items.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize) };
}
