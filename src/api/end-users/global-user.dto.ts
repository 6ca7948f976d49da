import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/paging.dto';

/** FeatBit's GlobalUserFilter: `name` is searched in keyId and name. */
export class GlobalUserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 256, description: 'Substring of keyId or name' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  name?: string;
}
